import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hybrid commitments made outside Pathways: no posted role behind them, so a free-text title instead; a source to tell
 * them apart; a version so HR's edits (ending one early) are guarded against concurrent changes.
 */
export class ExternalCommitments1795893210000 implements MigrationInterface {
  name = 'ExternalCommitments1795893210000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hybrid_commitment" ALTER COLUMN "role_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "hybrid_commitment" ADD "role_title" character varying(200)`);
    await q.query(`ALTER TABLE "hybrid_commitment" ADD "source" character varying(16) NOT NULL DEFAULT 'PATHWAYS'`);
    await q.query(`ALTER TABLE "hybrid_commitment" ADD "version" integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "hybrid_commitment" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(
      `ALTER TABLE "hybrid_commitment" ADD CONSTRAINT "ck_hybrid_commitment_source" CHECK ("source" IN ('PATHWAYS', 'EXTERNAL'))`,
    );
    await q.query(
      `ALTER TABLE "hybrid_commitment" ADD CONSTRAINT "ck_hybrid_commitment_role" CHECK (("source" = 'PATHWAYS' AND "role_id" IS NOT NULL) OR ("source" = 'EXTERNAL' AND "role_title" IS NOT NULL))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "hybrid_commitment" DROP CONSTRAINT "ck_hybrid_commitment_role"`);
    await q.query(`ALTER TABLE "hybrid_commitment" DROP CONSTRAINT "ck_hybrid_commitment_source"`);
    // Commitments without a posted role cannot exist in the older schema.
    await q.query(`DELETE FROM "hybrid_commitment" WHERE "role_id" IS NULL`);
    await q.query(`ALTER TABLE "hybrid_commitment" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "hybrid_commitment" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "hybrid_commitment" DROP COLUMN "source"`);
    await q.query(`ALTER TABLE "hybrid_commitment" DROP COLUMN "role_title"`);
    await q.query(`ALTER TABLE "hybrid_commitment" ALTER COLUMN "role_id" SET NOT NULL`);
  }
}
