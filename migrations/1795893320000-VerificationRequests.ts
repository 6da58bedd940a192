import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Educators ask HR to verify evidence; HR decides VERIFIED, ENDORSED or REJECTED with a reason the educator reads. */
export class VerificationRequests1795893320000 implements MigrationInterface {
  name = 'VerificationRequests1795893320000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "verification_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evidence_id" uuid NOT NULL, "educator_id" uuid NOT NULL,
      "status" character varying(16) NOT NULL DEFAULT 'PENDING', "note" text NOT NULL DEFAULT '', "links" jsonb NOT NULL DEFAULT '[]',
      "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_email" character varying(254),
      "decision_reason" text, "version" integer NOT NULL,
      CONSTRAINT "ck_verification_request_status" CHECK ("status" IN ('PENDING','VERIFIED','ENDORSED','REJECTED')),
      CONSTRAINT "PK_verification_request" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_verification_request_pending" ON "verification_request" ("evidence_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_verification_request_queue" ON "verification_request" ("status", "requested_at")`);
    await queryRunner.query(`CREATE INDEX "ix_verification_request_educator" ON "verification_request" ("educator_id")`);
    await queryRunner.query(
      `ALTER TABLE "verification_request" ADD CONSTRAINT "FK_97b7dadc0dfee0b1112510b4845" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "verification_request"`);
  }
}
