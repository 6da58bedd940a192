import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The educator's rights: disputes with a written outcome; erasure of a person who left (the educator row stays as an
 * anonymous tombstone, `erased_at`); and the one change the audit log allows: an erasure may pseudonymise entries
 * (ids and personal text), inside its own transaction, never delete them. Deletion and truncation stay refused.
 */
export class EducatorRights1795894300000 implements MigrationInterface {
  name = 'EducatorRights1795894300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "dispute" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "educator_id" uuid NOT NULL, "kind" character varying(32) NOT NULL,
      "subject_id" uuid NOT NULL, "subject_label" character varying(300) NOT NULL, "context" jsonb NOT NULL DEFAULT '{}', "statement" text NOT NULL,
      "status" character varying(16) NOT NULL DEFAULT 'OPEN', "outcome" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_account_id" uuid,
      "resolved_by_email" character varying(254), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "version" integer NOT NULL,
      CONSTRAINT "ck_dispute_resolution" CHECK (("status" = 'OPEN') = ("resolved_at" IS NULL)),
      CONSTRAINT "ck_dispute_status" CHECK ("status" IN ('OPEN','UPHELD','DISMISSED')),
      CONSTRAINT "ck_dispute_kind" CHECK ("kind" IN ('VERIFICATION_DECISION','EVIDENCE_STATUS','EXPLANATION','APPLICATION_DECISION')),
      CONSTRAINT "PK_e2f1f4741f2094ce789b0a7c5b3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_dispute_educator" ON "dispute"  ("educator_id") `);
    await queryRunner.query(`CREATE INDEX "ix_dispute_queue" ON "dispute"  ("status", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_dispute_open" ON "dispute"  ("educator_id", "kind", "subject_id") WHERE "status" = 'OPEN'`,
    );
    await queryRunner.query(`ALTER TABLE "educator" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "dispute" ADD CONSTRAINT "FK_9d7db150c3b6ba1fbc8563cd182" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Erasure finds a person's entries by actor, target or containment in changes, without reading the whole log.
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_actor" ON "audit_entry" ("actor_account_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_target_id" ON "audit_entry" ("target_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_changes" ON "audit_entry" USING gin ("changes" jsonb_path_ops)`);
    // Append-only, except a pseudonymising update inside an erasure (which sets pathways.audit_pseudonymise for its
    // transaction only): what happened, to what kind of thing and when never changes.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('pathways.audit_pseudonymise', true) = 'on'
           AND NEW.id = OLD.id AND NEW.action = OLD.action AND NEW.target_type = OLD.target_type AND NEW.at = OLD.at
           AND NEW.persona IS NOT DISTINCT FROM OLD.persona THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'audit_entry is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_changes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_target_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_actor"`);
    await queryRunner.query(`ALTER TABLE "dispute" DROP CONSTRAINT "FK_9d7db150c3b6ba1fbc8563cd182"`);
    await queryRunner.query(`ALTER TABLE "educator" DROP COLUMN "erased_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_dispute_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dispute_queue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dispute_educator"`);
    await queryRunner.query(`DROP TABLE "dispute"`);
  }
}
