import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795891605058 implements MigrationInterface {
  name = 'Foundation1795891605058';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "building" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "level" character varying(20) NOT NULL DEFAULT 'OTHER', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d82f1ff600d2251803369f1f4a7" UNIQUE ("code"), CONSTRAINT "PK_bbfaf6c11f141a22d2ab105ee5f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "educator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "full_name" character varying(200) NOT NULL, "work_email" character varying(254) NOT NULL, "building_id" uuid NOT NULL, "current_assignment" character varying(200) NOT NULL DEFAULT '', "hire_date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_8c4f0af855d4efbd3b9f84e5b26" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_educator_building" ON "educator"  ("building_id") `);
    await queryRunner.query(
      `CREATE TABLE "account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" character varying(255), "personas" text array NOT NULL DEFAULT '{}', "educator_id" uuid, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ae1f1f192344ce4aa0fdac270b4" UNIQUE ("educator_id"), CONSTRAINT "REL_ae1f1f192344ce4aa0fdac270b" UNIQUE ("educator_id"), CONSTRAINT "PK_54115ee388cdb6d86bb4bf5b2ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("id" BIGSERIAL NOT NULL, "actor_account_id" uuid, "actor_email" character varying(254), "persona" character varying(20), "action" character varying(64) NOT NULL, "target_type" character varying(64) NOT NULL, "target_id" character varying(64), "changes" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_action" ON "audit_entry"  ("action") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_at" ON "audit_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_target" ON "audit_entry"  ("target_type", "target_id") `);
    await queryRunner.query(
      `CREATE TABLE "competency_framework" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "publisher" character varying(200) NOT NULL DEFAULT '', "case_identifier" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_f3a37032234ab584e0ea0feb713" UNIQUE ("code"), CONSTRAINT "UQ_0e2a0baca72aaa821fb9fa51654" UNIQUE ("case_identifier"), CONSTRAINT "PK_329c8576ff531e718f75ef97f56" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "competency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "code" character varying(32) NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "dimension" character varying(120) NOT NULL, "progression" character varying(40), "sort_order" integer NOT NULL DEFAULT '0', "retired_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_9b9cd5b5654e3900e92f6956436" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_competency_framework_code" ON "competency"  ("framework_id", "code") `);
    await queryRunner.query(
      `CREATE TABLE "competency_level" ("competency_id" uuid NOT NULL, "level" smallint NOT NULL, "label" character varying(80) NOT NULL, "descriptor" text NOT NULL DEFAULT '', CONSTRAINT "ck_competency_level_range" CHECK ("level" BETWEEN 1 AND 10), CONSTRAINT "PK_7ddd54cab7518e32423f33e89df" PRIMARY KEY ("competency_id", "level"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "educator_id" uuid NOT NULL, "kind" character varying(24) NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "url" character varying(2000), "started_on" date, "ended_on" date, "verification_status" character varying(16) NOT NULL DEFAULT 'SELF_REPORTED', "verified_by" character varying(254), "verified_at" TIMESTAMP WITH TIME ZONE, "issuer" character varying(200), "credential_id" character varying(200), "issued_on" date, "expires_on" date, "pilot_part" character varying(10), "classrooms" integer, "teachers" integer, "students" integer, "outcomes" text, "sessions" integer, "attendees" integer, "venue" character varying(200), "hours" numeric(6,1), "provider" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_evidence_expiry" CHECK ("expires_on" IS NULL OR "issued_on" IS NULL OR "expires_on" >= "issued_on"), CONSTRAINT "ck_evidence_dates" CHECK ("ended_on" IS NULL OR "started_on" IS NULL OR "ended_on" >= "started_on"), CONSTRAINT "ck_evidence_course" CHECK ("kind" <> 'COURSE' OR "hours" > 0), CONSTRAINT "ck_evidence_pl" CHECK ("kind" <> 'PROFESSIONAL_LEARNING' OR ("sessions" >= 1 AND "attendees" >= 1)), CONSTRAINT "ck_evidence_pilot" CHECK ("kind" <> 'PILOT' OR "pilot_part" IN ('LEAD','CO_LEAD','MEMBER')), CONSTRAINT "ck_evidence_certification" CHECK ("kind" <> 'CERTIFICATION' OR ("issuer" IS NOT NULL AND "issued_on" IS NOT NULL)), CONSTRAINT "ck_evidence_status" CHECK ("verification_status" IN ('SELF_REPORTED','ENDORSED','VERIFIED')), CONSTRAINT "ck_evidence_kind" CHECK ("kind" IN ('CERTIFICATION','PILOT','PROFESSIONAL_LEARNING','PRESENTATION','ARTIFACT','COURSE')), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_evidence_educator" ON "evidence"  ("educator_id") `);
    await queryRunner.query(
      `CREATE TABLE "evidence_claim" ("evidence_id" uuid NOT NULL, "competency_id" uuid NOT NULL, "level" smallint NOT NULL, CONSTRAINT "PK_bd9d42e7918ae3915808e789ab3" PRIMARY KEY ("evidence_id", "competency_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_evidence_claim_competency" ON "evidence_claim"  ("competency_id", "level") `);
    await queryRunner.query(
      `CREATE TABLE "role_requirement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role_id" uuid NOT NULL, "competency_id" uuid NOT NULL, "min_level" smallint NOT NULL, "weight" real NOT NULL DEFAULT '1', "kind" character varying(10) NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_role_requirement_kind" CHECK ("kind" IN ('REQUIRED','PREFERRED')), CONSTRAINT "ck_role_requirement_weight" CHECK ("weight" > 0 AND "weight" <= 100), CONSTRAINT "PK_8bf9843442ce4bf884848b58ccb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_role_requirement_competency" ON "role_requirement"  ("competency_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_role_requirement_competency" ON "role_requirement"  ("role_id", "competency_id") `);
    await queryRunner.query(
      `CREATE TABLE "hybrid_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "summary" text NOT NULL DEFAULT '', "building_id" uuid, "classroom_fte" numeric(3,2) NOT NULL, "role_fte" numeric(3,2) NOT NULL, "stipend" integer NOT NULL DEFAULT '0', "openings" integer NOT NULL DEFAULT '1', "closing_date" date, "status" character varying(10) NOT NULL DEFAULT 'DRAFT', "internal_only" boolean NOT NULL DEFAULT true, "min_years_of_service" smallint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_hybrid_role_status" CHECK ("status" IN ('DRAFT','OPEN','CLOSED','FILLED')), CONSTRAINT "ck_hybrid_role_stipend" CHECK ("stipend" >= 0), CONSTRAINT "ck_hybrid_role_openings" CHECK ("openings" >= 1), CONSTRAINT "ck_hybrid_role_fte" CHECK ("classroom_fte" >= 0 AND "role_fte" > 0 AND "classroom_fte" + "role_fte" <= 1.0), CONSTRAINT "PK_df689fd7ef52c6041a63b968b68" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_hybrid_role_building" ON "hybrid_role"  ("building_id") `);
    await queryRunner.query(`CREATE INDEX "ix_hybrid_role_status" ON "hybrid_role"  ("status") `);
    await queryRunner.query(
      `ALTER TABLE "educator" ADD CONSTRAINT "FK_da0177616d82a3294f519d7dfa3" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "FK_ae1f1f192344ce4aa0fdac270b4" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competency" ADD CONSTRAINT "FK_329c8576ff531e718f75ef97f56" FOREIGN KEY ("framework_id") REFERENCES "competency_framework"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "competency_level" ADD CONSTRAINT "FK_97b2c7fb9d941d3202ebfedd988" FOREIGN KEY ("competency_id") REFERENCES "competency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_fbcec561b16cc85addf7d4e7e41" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_claim" ADD CONSTRAINT "FK_b5583b69d90d518d00403348ce1" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_claim" ADD CONSTRAINT "FK_9fcbed21b3d6bceadd595733359" FOREIGN KEY ("competency_id") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_claim" ADD CONSTRAINT "fk_evidence_claim_level" FOREIGN KEY ("competency_id", "level") REFERENCES "competency_level"("competency_id","level") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_requirement" ADD CONSTRAINT "FK_0eba24f3df4f061d460b81a51b1" FOREIGN KEY ("role_id") REFERENCES "hybrid_role"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_requirement" ADD CONSTRAINT "FK_6dac45c3453ca9cae3b2d5c113c" FOREIGN KEY ("competency_id") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_requirement" ADD CONSTRAINT "fk_role_requirement_level" FOREIGN KEY ("competency_id", "min_level") REFERENCES "competency_level"("competency_id","level") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hybrid_role" ADD CONSTRAINT "FK_b31200a0033a724f30aab142500" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Hand-written: case-insensitive unique emails, and an audit log that refuses change.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_educator_work_email" ON "educator" (lower("work_email"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_email" ON "account" (lower("email"))`);
    await queryRunner.query(`CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_no_change" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "audit_entry_no_change" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
    await queryRunner.query(`DROP INDEX "public"."uq_account_email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_educator_work_email"`);
    await queryRunner.query(`ALTER TABLE "hybrid_role" DROP CONSTRAINT "FK_b31200a0033a724f30aab142500"`);
    await queryRunner.query(`ALTER TABLE "role_requirement" DROP CONSTRAINT "fk_role_requirement_level"`);
    await queryRunner.query(`ALTER TABLE "role_requirement" DROP CONSTRAINT "FK_6dac45c3453ca9cae3b2d5c113c"`);
    await queryRunner.query(`ALTER TABLE "role_requirement" DROP CONSTRAINT "FK_0eba24f3df4f061d460b81a51b1"`);
    await queryRunner.query(`ALTER TABLE "evidence_claim" DROP CONSTRAINT "fk_evidence_claim_level"`);
    await queryRunner.query(`ALTER TABLE "evidence_claim" DROP CONSTRAINT "FK_9fcbed21b3d6bceadd595733359"`);
    await queryRunner.query(`ALTER TABLE "evidence_claim" DROP CONSTRAINT "FK_b5583b69d90d518d00403348ce1"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_fbcec561b16cc85addf7d4e7e41"`);
    await queryRunner.query(`ALTER TABLE "competency_level" DROP CONSTRAINT "FK_97b2c7fb9d941d3202ebfedd988"`);
    await queryRunner.query(`ALTER TABLE "competency" DROP CONSTRAINT "FK_329c8576ff531e718f75ef97f56"`);
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "FK_ae1f1f192344ce4aa0fdac270b4"`);
    await queryRunner.query(`ALTER TABLE "educator" DROP CONSTRAINT "FK_da0177616d82a3294f519d7dfa3"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hybrid_role_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_hybrid_role_building"`);
    await queryRunner.query(`DROP TABLE "hybrid_role"`);
    await queryRunner.query(`DROP INDEX "public"."uq_role_requirement_competency"`);
    await queryRunner.query(`DROP INDEX "public"."ix_role_requirement_competency"`);
    await queryRunner.query(`DROP TABLE "role_requirement"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_claim_competency"`);
    await queryRunner.query(`DROP TABLE "evidence_claim"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_educator"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TABLE "competency_level"`);
    await queryRunner.query(`DROP INDEX "public"."uq_competency_framework_code"`);
    await queryRunner.query(`DROP TABLE "competency"`);
    await queryRunner.query(`DROP TABLE "competency_framework"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_target"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_action"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP TABLE "account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_educator_building"`);
    await queryRunner.query(`DROP TABLE "educator"`);
    await queryRunner.query(`DROP TABLE "building"`);
  }
}
