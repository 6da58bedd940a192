import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CASE identity: stable lower-case UUIDs for every framework, competency, grouping, level, rubric and hierarchy
 * association (existing rows get random ones, stored), plus tables for imported sources and crosswalks.
 * Groupings are backfilled from each framework's dimensions (UNESCO's five dimensions, the district's three areas).
 */

export class CaseIdentifiers1795893500000 implements MigrationInterface {
  name = 'CaseIdentifiers1795893500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_association" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "case_identifier" uuid NOT NULL DEFAULT gen_random_uuid(), "association_type" character varying(100) NOT NULL, "origin_identifier" character varying(255) NOT NULL, "origin_uri" text NOT NULL, "origin_title" text NOT NULL DEFAULT '', "destination_identifier" character varying(255) NOT NULL, "destination_uri" text NOT NULL, "destination_title" text NOT NULL DEFAULT '', "origin_competency_id" uuid, "destination_competency_id" uuid, "sequence_number" integer, "source" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_change_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_6fd2460eadbdaf16ee289535b4e" UNIQUE ("case_identifier"), CONSTRAINT "PK_9583c09bb0adfc6decd69614f90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_association_framework" ON "case_association"  ("framework_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_case_association_destination" ON "case_association"  ("destination_competency_id", "association_type") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_case_association_origin" ON "case_association"  ("origin_competency_id", "association_type") `,
    );
    await queryRunner.query(
      `CREATE TABLE "case_document_source" ("framework_id" uuid NOT NULL, "document" jsonb NOT NULL, "rubric" jsonb, "package_hash" character varying(64) NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_44ff26edcc79a3193e2dba3b9dc" PRIMARY KEY ("framework_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_grouping" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "framework_id" uuid NOT NULL, "case_identifier" uuid NOT NULL DEFAULT gen_random_uuid(), "case_child_of_identifier" uuid NOT NULL DEFAULT gen_random_uuid(), "parent_id" uuid, "name" text NOT NULL, "code" character varying(200), "sort_order" integer NOT NULL DEFAULT '0', "item" jsonb, "child_of" jsonb, "retired_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_2f370f9cdd4fbd517f91eaa7b8c" UNIQUE ("case_identifier"), CONSTRAINT "UQ_936217355e138e52463f1d3f277" UNIQUE ("case_child_of_identifier"), CONSTRAINT "PK_99c27f7d30339d8527537b2ac85" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_case_grouping_framework" ON "case_grouping"  ("framework_id", "sort_order") `);
    await queryRunner.query(
      `CREATE TABLE "case_item_source" ("competency_id" uuid NOT NULL, "grouping_id" uuid, "item" jsonb NOT NULL, "child_of" jsonb, CONSTRAINT "PK_a8fb874e8a797f5da416e8ff93c" PRIMARY KEY ("competency_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "competency_framework" ADD "publication" character varying(16) NOT NULL DEFAULT 'SIGNED_IN'`);
    await queryRunner.query(`ALTER TABLE "competency_framework" ADD "case_rubric_identifier" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(
      `ALTER TABLE "competency_framework" ADD CONSTRAINT "UQ_b1234b87e6aa7a01b2166e5a739" UNIQUE ("case_rubric_identifier")`,
    );
    await queryRunner.query(`ALTER TABLE "competency" ADD "case_identifier" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "competency" ADD CONSTRAINT "UQ_995c28e615a6159a740d0a42818" UNIQUE ("case_identifier")`);
    await queryRunner.query(`ALTER TABLE "competency" ADD "case_child_of_identifier" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "competency" ADD CONSTRAINT "UQ_0e983b1ef1fa0995bbc6c123610" UNIQUE ("case_child_of_identifier")`);
    await queryRunner.query(`ALTER TABLE "competency" ADD "case_criterion_identifier" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(
      `ALTER TABLE "competency" ADD CONSTRAINT "UQ_80d75f11a2195a4ebb6367d9de6" UNIQUE ("case_criterion_identifier")`,
    );
    await queryRunner.query(`ALTER TABLE "competency_level" ADD "case_identifier" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "competency_level" ADD CONSTRAINT "UQ_ddf505843aba2eaa087209af369" UNIQUE ("case_identifier")`);
    await queryRunner.query(
      `ALTER TABLE "case_association" ADD CONSTRAINT "FK_93c0c0a32eeb40df96fa6bb26a0" FOREIGN KEY ("framework_id") REFERENCES "competency_framework"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_association" ADD CONSTRAINT "FK_c07324d32edbfd929b02deb82e1" FOREIGN KEY ("origin_competency_id") REFERENCES "competency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_association" ADD CONSTRAINT "FK_85dd7829246f85c4a30ad3b59b5" FOREIGN KEY ("destination_competency_id") REFERENCES "competency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_document_source" ADD CONSTRAINT "FK_44ff26edcc79a3193e2dba3b9dc" FOREIGN KEY ("framework_id") REFERENCES "competency_framework"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_grouping" ADD CONSTRAINT "FK_4b4d1849376db97606a569b2b74" FOREIGN KEY ("framework_id") REFERENCES "competency_framework"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_grouping" ADD CONSTRAINT "FK_dfc666ef6cd42ab0456d230fcbe" FOREIGN KEY ("parent_id") REFERENCES "case_grouping"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_item_source" ADD CONSTRAINT "FK_a8fb874e8a797f5da416e8ff93c" FOREIGN KEY ("competency_id") REFERENCES "competency"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_item_source" ADD CONSTRAINT "FK_0534e03e875ee509b1ca0aa25c1" FOREIGN KEY ("grouping_id") REFERENCES "case_grouping"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
          INSERT INTO case_grouping (framework_id, name, code, sort_order)
          SELECT framework_id, dimension,
                 CASE WHEN bool_and(code LIKE '%.%') AND count(DISTINCT split_part(code, '.', 1)) = 1 THEN min(split_part(code, '.', 1)) END,
                 (row_number() OVER (PARTITION BY framework_id ORDER BY min(sort_order)) - 1)::int
            FROM competency GROUP BY framework_id, dimension`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "case_item_source" DROP CONSTRAINT "FK_0534e03e875ee509b1ca0aa25c1"`);
    await queryRunner.query(`ALTER TABLE "case_item_source" DROP CONSTRAINT "FK_a8fb874e8a797f5da416e8ff93c"`);
    await queryRunner.query(`ALTER TABLE "case_grouping" DROP CONSTRAINT "FK_dfc666ef6cd42ab0456d230fcbe"`);
    await queryRunner.query(`ALTER TABLE "case_grouping" DROP CONSTRAINT "FK_4b4d1849376db97606a569b2b74"`);
    await queryRunner.query(`ALTER TABLE "case_document_source" DROP CONSTRAINT "FK_44ff26edcc79a3193e2dba3b9dc"`);
    await queryRunner.query(`ALTER TABLE "case_association" DROP CONSTRAINT "FK_85dd7829246f85c4a30ad3b59b5"`);
    await queryRunner.query(`ALTER TABLE "case_association" DROP CONSTRAINT "FK_c07324d32edbfd929b02deb82e1"`);
    await queryRunner.query(`ALTER TABLE "case_association" DROP CONSTRAINT "FK_93c0c0a32eeb40df96fa6bb26a0"`);
    await queryRunner.query(`ALTER TABLE "competency_level" DROP CONSTRAINT "UQ_ddf505843aba2eaa087209af369"`);
    await queryRunner.query(`ALTER TABLE "competency_level" DROP COLUMN "case_identifier"`);
    await queryRunner.query(`ALTER TABLE "competency" DROP CONSTRAINT "UQ_80d75f11a2195a4ebb6367d9de6"`);
    await queryRunner.query(`ALTER TABLE "competency" DROP COLUMN "case_criterion_identifier"`);
    await queryRunner.query(`ALTER TABLE "competency" DROP CONSTRAINT "UQ_0e983b1ef1fa0995bbc6c123610"`);
    await queryRunner.query(`ALTER TABLE "competency" DROP COLUMN "case_child_of_identifier"`);
    await queryRunner.query(`ALTER TABLE "competency" DROP CONSTRAINT "UQ_995c28e615a6159a740d0a42818"`);
    await queryRunner.query(`ALTER TABLE "competency" DROP COLUMN "case_identifier"`);
    await queryRunner.query(`ALTER TABLE "competency_framework" DROP CONSTRAINT "UQ_b1234b87e6aa7a01b2166e5a739"`);
    await queryRunner.query(`ALTER TABLE "competency_framework" DROP COLUMN "case_rubric_identifier"`);
    await queryRunner.query(`ALTER TABLE "competency_framework" DROP COLUMN "publication"`);
    await queryRunner.query(`DROP TABLE "case_item_source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_grouping_framework"`);
    await queryRunner.query(`DROP TABLE "case_grouping"`);
    await queryRunner.query(`DROP TABLE "case_document_source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_association_origin"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_association_destination"`);
    await queryRunner.query(`DROP INDEX "public"."ix_case_association_framework"`);
    await queryRunner.query(`DROP TABLE "case_association"`);
  }
}
