import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Named capabilities: a set of competencies at levels, saved by HR and used by the equity reports. */
export class Capabilities1795893710000 implements MigrationInterface {
  name = 'Capabilities1795893710000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "capability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(48) NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_a30c8f80d9cbf7c1315b30acfe4" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_capability_code" ON "capability"  ("code") `);
    await q.query(
      `CREATE TABLE "capability_component" ("capability_id" uuid NOT NULL, "competency_id" uuid NOT NULL, "min_level" smallint NOT NULL, "position" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_capability_component_level" CHECK ("min_level" BETWEEN 1 AND 4), CONSTRAINT "PK_7141606b0fad9c22d6de9452755" PRIMARY KEY ("capability_id", "competency_id"))`,
    );
    await q.query(`CREATE INDEX "ix_capability_component_competency" ON "capability_component"  ("competency_id") `);
    await q.query(
      `ALTER TABLE "capability_component" ADD CONSTRAINT "FK_ceb0b3e9b59f8c05b91b3d0eb89" FOREIGN KEY ("capability_id") REFERENCES "capability"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "capability_component" ADD CONSTRAINT "FK_e482c177f68db81be6735804402" FOREIGN KEY ("competency_id") REFERENCES "competency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "capability_component" DROP CONSTRAINT "FK_e482c177f68db81be6735804402"`);
    await q.query(`ALTER TABLE "capability_component" DROP CONSTRAINT "FK_ceb0b3e9b59f8c05b91b3d0eb89"`);
    await q.query(`DROP INDEX "public"."ix_capability_component_competency"`);
    await q.query(`DROP TABLE "capability_component"`);
    await q.query(`DROP INDEX "public"."uq_capability_code"`);
    await q.query(`DROP TABLE "capability"`);
  }
}
