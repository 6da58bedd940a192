import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frameworks HR maintains: a framework's own proficiency scale (the levels its competencies share), retirement (a
 * framework in use is retired, not deleted), and which competencies follow the framework's scale. Existing frameworks
 * whose competencies all share one scale get it as theirs, and those competencies follow it.
 */
export class FrameworkLifecycle1795894100000 implements MigrationInterface {
  name = 'FrameworkLifecycle1795894100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "competency_framework" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "competency" ADD "follows_framework_levels" boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE "competency_framework_level" ("framework_id" uuid NOT NULL, "level" smallint NOT NULL, "label" character varying(80) NOT NULL,
      "descriptor" text NOT NULL DEFAULT '', CONSTRAINT "ck_framework_level_range" CHECK ("level" BETWEEN 1 AND 10),
      CONSTRAINT "pk_competency_framework_level" PRIMARY KEY ("framework_id", "level"))`);
    await q.query(`ALTER TABLE "competency_framework_level" ADD CONSTRAINT "fk_framework_level_framework" FOREIGN KEY ("framework_id")
      REFERENCES "competency_framework"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // A framework whose competencies all have the same levels (numbers, labels, descriptors) takes them as its scale.
    await q.query(`
      WITH sig AS (
        SELECT c.framework_id, c.id, c.sort_order, c.code,
               string_agg(l.level || E'\\x1f' || l.label || E'\\x1f' || l.descriptor, E'\\x1e' ORDER BY l.level) AS s
          FROM competency c JOIN competency_level l ON l.competency_id = c.id GROUP BY c.id),
      uniform AS (SELECT framework_id FROM sig GROUP BY framework_id HAVING count(DISTINCT s) = 1),
      first AS (SELECT DISTINCT ON (framework_id) framework_id, id FROM sig WHERE framework_id IN (SELECT framework_id FROM uniform) ORDER BY framework_id, sort_order, code)
      INSERT INTO "competency_framework_level" ("framework_id", "level", "label", "descriptor")
      SELECT first.framework_id, l.level, l.label, l.descriptor FROM first JOIN competency_level l ON l.competency_id = first.id`);
    await q.query(`UPDATE "competency" SET "follows_framework_levels" = true
      WHERE "framework_id" IN (SELECT "framework_id" FROM "competency_framework_level")
        AND EXISTS (SELECT 1 FROM "competency_level" l WHERE l.competency_id = "competency".id)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "competency_framework_level" DROP CONSTRAINT "fk_framework_level_framework"`);
    await q.query(`DROP TABLE "competency_framework_level"`);
    await q.query(`ALTER TABLE "competency" DROP COLUMN "follows_framework_levels"`);
    await q.query(`ALTER TABLE "competency_framework" DROP COLUMN "retired_at"`);
  }
}
