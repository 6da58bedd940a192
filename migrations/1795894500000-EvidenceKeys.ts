import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district's own key for an evidence item (from the system it kept learning records in), so an evidence file
 * imported twice updates the same items instead of adding them again. Evidence recorded in Pathways has none; its
 * export carries the item's id in the key column instead.
 */
export class EvidenceKeys1795894500000 implements MigrationInterface {
  name = 'EvidenceKeys1795894500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "evidence" ADD "district_key" character varying(100)`);
    await q.query(`CREATE UNIQUE INDEX "uq_evidence_district_key" ON "evidence" ("district_key") WHERE "district_key" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "uq_evidence_district_key"`);
    await q.query(`ALTER TABLE "evidence" DROP COLUMN "district_key"`);
  }
}
