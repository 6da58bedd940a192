import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voluntary self-identification and saved bias audits, in a schema of their own ("fairness") so that no
 * query of the public schema can reach them by accident; only the fairness module reads it.
 * Saved audits are append-only, like the audit log.
 */
export class Fairness1795893700000 implements MigrationInterface {
  name = 'Fairness1795893700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA "fairness"`);
    await q.query(
      `CREATE TABLE "fairness"."audit_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role_id" uuid, "period_from" date NOT NULL, "period_to" date NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "result" jsonb NOT NULL, "created_by_account_id" uuid, "created_by_email" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3ba03bb37f22b74a17578d325bf" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_fairness_audit_run_created" ON "fairness"."audit_run"  ("created_at") `);
    await q.query(
      `CREATE TABLE "fairness"."self_identification" ("educator_id" uuid NOT NULL, "sex" character varying(24) NOT NULL, "race_ethnicity" character varying(40) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_self_identification_race" CHECK ("race_ethnicity" IN ('HISPANIC_OR_LATINO','WHITE','BLACK_OR_AFRICAN_AMERICAN','NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER','ASIAN','NATIVE_AMERICAN_OR_ALASKA_NATIVE','TWO_OR_MORE_RACES','DECLINED_TO_STATE')), CONSTRAINT "ck_self_identification_sex" CHECK ("sex" IN ('MALE','FEMALE','DECLINED_TO_STATE')), CONSTRAINT "PK_1f52e2103b9c2953c4cee13a6a9" PRIMARY KEY ("educator_id"))`,
    );
    await q.query(
      `ALTER TABLE "fairness"."self_identification" ADD CONSTRAINT "FK_1f52e2103b9c2953c4cee13a6a9" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE FUNCTION "fairness"."audit_run_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'fairness.audit_run is append-only'; END $$`);
    await q.query(
      `CREATE TRIGGER "audit_run_no_change" BEFORE UPDATE OR DELETE ON "fairness"."audit_run" FOR EACH ROW EXECUTE FUNCTION "fairness"."audit_run_append_only"()`,
    );
    await q.query(
      `CREATE TRIGGER "audit_run_no_truncate" BEFORE TRUNCATE ON "fairness"."audit_run" FOR EACH STATEMENT EXECUTE FUNCTION "fairness"."audit_run_append_only"()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_run_no_truncate" ON "fairness"."audit_run"`);
    await q.query(`DROP TRIGGER "audit_run_no_change" ON "fairness"."audit_run"`);
    await q.query(`DROP FUNCTION "fairness"."audit_run_append_only"()`);
    await q.query(`ALTER TABLE "fairness"."self_identification" DROP CONSTRAINT "FK_1f52e2103b9c2953c4cee13a6a9"`);
    await q.query(`DROP TABLE "fairness"."self_identification"`);
    await q.query(`DROP INDEX "fairness"."ix_fairness_audit_run_created"`);
    await q.query(`DROP TABLE "fairness"."audit_run"`);
    await q.query(`DROP SCHEMA "fairness"`);
  }
}
