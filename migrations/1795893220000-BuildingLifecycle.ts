import { MigrationInterface, QueryRunner } from 'typeorm';

/** Buildings HR can rename (guarded by a version) and archive: hidden from new data, kept in history. */
export class BuildingLifecycle1795893220000 implements MigrationInterface {
  name = 'BuildingLifecycle1795893220000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "building" ADD "archived_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "building" ADD "version" integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE "building" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "building" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "building" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "building" DROP COLUMN "archived_at"`);
  }
}
