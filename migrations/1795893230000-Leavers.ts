import { MigrationInterface, QueryRunner } from 'typeorm';

/** An educator's leaving date: from that day they are no longer on staff (rankings, capacity), history before it stays. */
export class Leavers1795893230000 implements MigrationInterface {
  name = 'Leavers1795893230000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "educator" ADD "leaving_date" date`);
    await q.query(
      `ALTER TABLE "educator" ADD CONSTRAINT "ck_educator_leaving_date" CHECK ("leaving_date" IS NULL OR "leaving_date" >= "hire_date")`,
    );
    // Leavers are few: rankings exclude them through this small partial index instead of reading every educator.
    await q.query(`CREATE INDEX "ix_educator_leaving_date" ON "educator" ("leaving_date") WHERE "leaving_date" IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."ix_educator_leaving_date"`);
    await q.query(`ALTER TABLE "educator" DROP CONSTRAINT "ck_educator_leaving_date"`);
    await q.query(`ALTER TABLE "educator" DROP COLUMN "leaving_date"`);
  }
}
