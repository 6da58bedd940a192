import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts HR can manage: a version for optimistic concurrency, a token version that sign-out-everywhere and
 * disabling bump (access tokens carry it), one-time set-password links stored only as hashes, and a change
 * notification that keeps each process's principal cache exact.
 */
export class Accounts1795893200000 implements MigrationInterface {
  name = 'Accounts1795893200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "account" ADD "version" integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "account" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "account" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX "ix_account_personas" ON "account" USING gin ("personas")`);
    // Every change to an account row, whatever wrote it, tells each service process to drop its cached principal.
    // NOTIFY is transactional: it is delivered on commit and never for a rolled-back change.
    await q.query(`CREATE FUNCTION "notify_account_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('account_changed', OLD.id::text); RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER "trg_account_changed" AFTER UPDATE OR DELETE ON "account"
      FOR EACH ROW EXECUTE FUNCTION "notify_account_changed"()`);
    await q.query(`CREATE TABLE "account_password_link" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "account_id" uuid NOT NULL,
      "token_hash" character varying(64) NOT NULL,
      "purpose" character varying(16) NOT NULL,
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_account_password_link" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_account_password_link_purpose" CHECK ("purpose" IN ('INVITATION', 'RESET')),
      CONSTRAINT "FK_account_password_link_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "uq_account_password_link_hash" ON "account_password_link" ("token_hash")`);
    await q.query(`CREATE INDEX "ix_account_password_link_account" ON "account_password_link" ("account_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "account_password_link"`);
    await q.query(`DROP TRIGGER "trg_account_changed" ON "account"`);
    await q.query(`DROP FUNCTION "notify_account_changed"()`);
    await q.query(`DROP INDEX "public"."ix_account_personas"`);
    await q.query(`ALTER TABLE "account" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "account" DROP COLUMN "token_version"`);
    await q.query(`ALTER TABLE "account" DROP COLUMN "version"`);
  }
}
