import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching: versioned scoring policies (with the default policy as version 1), hybrid commitments,
 * and saved ranking runs. The default values are written out here, not imported, so this migration
 * keeps inserting the same policy whatever later code changes (a test checks they match the domain defaults).
 */
export class Matching1795892123038 implements MigrationInterface {
  name = 'Matching1795892123038';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hybrid_commitment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "educator_id" uuid NOT NULL, "role_id" uuid NOT NULL, "role_fte" numeric(3,2) NOT NULL, "starts_on" date NOT NULL, "ends_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_hybrid_commitment_dates" CHECK ("ends_on" IS NULL OR "ends_on" >= "starts_on"), CONSTRAINT "ck_hybrid_commitment_fte" CHECK ("role_fte" > 0 AND "role_fte" <= 1.0), CONSTRAINT "PK_a0fb6274d5ebdb3d4aa19e1abcd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_hybrid_commitment_role" ON "hybrid_commitment"  ("role_id") `);
    await queryRunner.query(`CREATE INDEX "ix_hybrid_commitment_educator" ON "hybrid_commitment"  ("educator_id", "starts_on") `);
    await queryRunner.query(
      `CREATE TABLE "scoring_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL, "is_current" boolean NOT NULL DEFAULT false, "kind_weights" jsonb NOT NULL, "verification_factors" jsonb NOT NULL, "ageing_half_life_years" double precision, "ageing_minimum_factor" double precision NOT NULL, "attendance_cap_level" smallint NOT NULL, "overextension_fte_threshold" double precision, "tie_break" character varying(40) NOT NULL, "notes" text NOT NULL DEFAULT '', "published_by_account_id" uuid, "published_by_email" character varying(254), "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_scoring_policy_threshold" CHECK ("overextension_fte_threshold" IS NULL OR ("overextension_fte_threshold" > 0 AND "overextension_fte_threshold" <= 1)), CONSTRAINT "ck_scoring_policy_ageing" CHECK (("ageing_half_life_years" IS NULL OR "ageing_half_life_years" > 0) AND "ageing_minimum_factor" BETWEEN 0 AND 1), CONSTRAINT "ck_scoring_policy_cap" CHECK ("attendance_cap_level" BETWEEN 0 AND 10), CONSTRAINT "ck_scoring_policy_version" CHECK ("version" >= 1), CONSTRAINT "PK_1f6043ec18fffb0270588a507cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_scoring_policy_version" ON "scoring_policy"  ("version") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_scoring_policy_current" ON "scoring_policy"  ("is_current") WHERE "is_current"`);
    await queryRunner.query(
      `CREATE TABLE "ranking_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role_id" uuid NOT NULL, "policy_id" uuid NOT NULL, "policy_version" integer NOT NULL, "as_of" date NOT NULL, "role_snapshot" jsonb NOT NULL, "filters" jsonb NOT NULL DEFAULT '{}', "overextension_fte_threshold" double precision NOT NULL, "candidate_count" integer NOT NULL, "qualified_count" integer NOT NULL, "result_count" integer NOT NULL, "created_by_account_id" uuid, "created_by_email" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_ranking_run_counts" CHECK ("candidate_count" >= 0 AND "qualified_count" >= 0 AND "result_count" >= 0), CONSTRAINT "PK_0a6bcd4957f2e7f6d9a6fa3b884" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_ranking_run_role" ON "ranking_run"  ("role_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "ranking_run_result" ("run_id" uuid NOT NULL, "rank" integer NOT NULL, "educator_id" uuid NOT NULL, "score" integer NOT NULL, "qualified" boolean NOT NULL, "overextended" boolean NOT NULL, "candidate" jsonb NOT NULL, CONSTRAINT "PK_49f3f335bfb8af7c9d299a34f08" PRIMARY KEY ("run_id", "rank"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_ranking_run_result_educator" ON "ranking_run_result"  ("educator_id") `);
    await queryRunner.query(
      `ALTER TABLE "hybrid_commitment" ADD CONSTRAINT "FK_def1890a848a4ec1a05a5e569e2" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hybrid_commitment" ADD CONSTRAINT "FK_ccd0da33411672e830d5dc462b2" FOREIGN KEY ("role_id") REFERENCES "hybrid_role"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ranking_run" ADD CONSTRAINT "FK_5929beda71240eb7d5e11e10c82" FOREIGN KEY ("role_id") REFERENCES "hybrid_role"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ranking_run" ADD CONSTRAINT "FK_7b668a4bb0041a72bf0ccd6b820" FOREIGN KEY ("policy_id") REFERENCES "scoring_policy"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ranking_run_result" ADD CONSTRAINT "FK_c6e86f62b62aa59b4463b621a75" FOREIGN KEY ("run_id") REFERENCES "ranking_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "scoring_policy" ("version", "is_current", "kind_weights", "verification_factors", "ageing_half_life_years", "ageing_minimum_factor", "attendance_cap_level", "overextension_fte_threshold", "tie_break", "notes")
             VALUES (1, true, $1, $2, 5, 0.25, 1, NULL, 'REQUIRED_MET_THEN_EDUCATOR_ID', $3)`,
      [
        JSON.stringify({
          PILOT_LEAD: 1,
          PROFESSIONAL_LEARNING: 1,
          CERTIFICATION: 1,
          PILOT_CO_LEAD: 0.8,
          PRESENTATION: 0.6,
          ARTIFACT: 0.6,
          PILOT_MEMBER: 0.4,
          COURSE: 0.1,
        }),
        JSON.stringify({ VERIFIED: 1, ENDORSED: 0.75, SELF_REPORTED: 0.4 }),
        'Default policy shipped with Pathways',
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ranking_run_result" DROP CONSTRAINT "FK_c6e86f62b62aa59b4463b621a75"`);
    await queryRunner.query(`ALTER TABLE "ranking_run" DROP CONSTRAINT "FK_7b668a4bb0041a72bf0ccd6b820"`);
    await queryRunner.query(`ALTER TABLE "ranking_run" DROP CONSTRAINT "FK_5929beda71240eb7d5e11e10c82"`);
    await queryRunner.query(`ALTER TABLE "hybrid_commitment" DROP CONSTRAINT "FK_ccd0da33411672e830d5dc462b2"`);
    await queryRunner.query(`ALTER TABLE "hybrid_commitment" DROP CONSTRAINT "FK_def1890a848a4ec1a05a5e569e2"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ranking_run_result_educator"`);
    await queryRunner.query(`DROP TABLE "ranking_run_result"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ranking_run_role"`);
    await queryRunner.query(`DROP TABLE "ranking_run"`);
    await queryRunner.query(`DROP INDEX "public"."uq_scoring_policy_current"`);
    await queryRunner.query(`DROP INDEX "public"."uq_scoring_policy_version"`);
    await queryRunner.query(`DROP TABLE "scoring_policy"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hybrid_commitment_educator"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hybrid_commitment_role"`);
    await queryRunner.query(`DROP TABLE "hybrid_commitment"`);
  }
}
