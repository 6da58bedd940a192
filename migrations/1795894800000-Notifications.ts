import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: a message is written in the same transaction as the change it reports, then
 * delivered by a worker with retries. Educators choose whether they hear about newly posted roles.
 */
export class Notifications1795894800000 implements MigrationInterface {
  name = 'Notifications1795894800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL,
      "account_id" uuid, "educator_id" uuid, "recipient_email" character varying(254) NOT NULL,
      "subject" character varying(300) NOT NULL, "body" text NOT NULL, "secret_body" text,
      "dedupe_key" character varying(200), "status" character varying(12) NOT NULL DEFAULT 'PENDING',
      "attempts" integer NOT NULL DEFAULT 0, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_error" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "sent_at" TIMESTAMP WITH TIME ZONE, "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "ck_notification_status" CHECK ("status" IN ('PENDING','SENT','FAILED')),
      CONSTRAINT "PK_notification" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_dedupe" ON "notification" ("dedupe_key") WHERE "dedupe_key" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_notification_due" ON "notification" ("next_attempt_at") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "ix_notification_account" ON "notification" ("account_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_notification_educator" ON "notification" ("educator_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "notification_preference" ("account_id" uuid NOT NULL, "new_role_alerts" boolean NOT NULL DEFAULT false,
      "version" integer NOT NULL DEFAULT 1, CONSTRAINT "PK_notification_preference" PRIMARY KEY ("account_id"),
      CONSTRAINT "FK_notification_preference_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE)`);
    // New-role alerts look at roles opened from now on; roles already open were announced before alerts existed.
    await queryRunner.query(`CREATE TABLE "role_alert_scan" ("role_id" uuid NOT NULL, "scanned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_role_alert_scan" PRIMARY KEY ("role_id"),
      CONSTRAINT "FK_role_alert_scan_role" FOREIGN KEY ("role_id") REFERENCES "hybrid_role"("id") ON DELETE CASCADE)`);
    await queryRunner.query(`INSERT INTO "role_alert_scan" ("role_id") SELECT "id" FROM "hybrid_role" WHERE "status" <> 'DRAFT'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "role_alert_scan"`);
    await queryRunner.query(`DROP TABLE "notification_preference"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
