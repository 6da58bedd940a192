import type { MigrationInterface, QueryRunner } from 'typeorm';

const NOTES = 'Qualification rests on trusted evidence: only endorsed or verified evidence can meet a requirement';

/**
 * The scoring policy gains its lowest qualifying verification status. Published versions keep their meaning
 * (self-reported evidence could meet requirements under them, so they hold SELF_REPORTED and replay as they
 * ranked); the current version is then republished as the next version with ENDORSED, the new default.
 */
export class TrustedQualification1795893300000 implements MigrationInterface {
  name = 'TrustedQualification1795893300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "scoring_policy" ADD "qualifying_status" character varying(16) NOT NULL DEFAULT 'SELF_REPORTED'`);
    await queryRunner.query(`ALTER TABLE "scoring_policy" ALTER COLUMN "qualifying_status" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "scoring_policy" ADD CONSTRAINT "ck_scoring_policy_qualifying_status" CHECK ("qualifying_status" IN ('SELF_REPORTED','ENDORSED','VERIFIED'))`,
    );
    const current: Array<{ version: number }> = await queryRunner.query(`SELECT "version" FROM "scoring_policy" WHERE "is_current"`);
    if (!current.length) return;
    await queryRunner.query(`UPDATE "scoring_policy" SET "is_current" = false WHERE "is_current"`);
    await queryRunner.query(
      `INSERT INTO "scoring_policy" ("version", "is_current", "kind_weights", "verification_factors", "ageing_half_life_years", "ageing_minimum_factor",
         "attendance_cap_level", "overextension_fte_threshold", "tie_break", "qualifying_status", "notes")
       SELECT "version" + 1, true, "kind_weights", "verification_factors", "ageing_half_life_years", "ageing_minimum_factor",
         "attendance_cap_level", "overextension_fte_threshold", "tie_break", 'ENDORSED', $2
       FROM "scoring_policy" WHERE "version" = $1`,
      [current[0].version, NOTES],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The version this migration published goes (a ranking run saved under it keeps it: the foreign key refuses).
    const rows: Array<{ version: number }> = await queryRunner.query(
      `SELECT "version" FROM "scoring_policy" WHERE "is_current" AND "notes" = $1 AND "published_by_account_id" IS NULL`,
      [NOTES],
    );
    if (rows.length) {
      await queryRunner.query(`DELETE FROM "scoring_policy" WHERE "version" = $1`, [rows[0].version]);
      await queryRunner.query(`UPDATE "scoring_policy" SET "is_current" = true WHERE "version" = $1`, [rows[0].version - 1]);
    }
    await queryRunner.query(`ALTER TABLE "scoring_policy" DROP CONSTRAINT "ck_scoring_policy_qualifying_status"`);
    await queryRunner.query(`ALTER TABLE "scoring_policy" DROP COLUMN "qualifying_status"`);
  }
}
