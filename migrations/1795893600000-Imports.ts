import { MigrationInterface, QueryRunner } from 'typeorm';

/** The district's own employee id on educators (the key imports upsert by) and the import jobs with their counts. */
export class Imports1795893600000 implements MigrationInterface {
  name = 'Imports1795893600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "educator" ADD "employee_id" character varying(64)`);
    // Educators entered by hand before the first import have none; every id given is unique.
    await q.query(`CREATE UNIQUE INDEX "uq_educator_employee_id" ON "educator" ("employee_id") WHERE "employee_id" IS NOT NULL`);
    await q.query(`CREATE TABLE "import_job" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "kind" character varying(32) NOT NULL,
      "phase" character varying(20) NOT NULL,
      "delimiter" character varying(1) NOT NULL,
      "file_sha256" character varying(64),
      "file_bytes" integer NOT NULL DEFAULT 0,
      "rows_read" integer NOT NULL DEFAULT 0,
      "rows_valid" integer NOT NULL DEFAULT 0,
      "to_create" integer NOT NULL DEFAULT 0,
      "to_update" integer NOT NULL DEFAULT 0,
      "unchanged" integer NOT NULL DEFAULT 0,
      "error_count" integer NOT NULL DEFAULT 0,
      "errors" jsonb NOT NULL DEFAULT '[]',
      "created_by" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "committed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_import_job" PRIMARY KEY ("id"))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "import_job"`);
    await q.query(`DROP INDEX "public"."uq_educator_employee_id"`);
    await q.query(`ALTER TABLE "educator" DROP COLUMN "employee_id"`);
  }
}
