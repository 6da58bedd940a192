import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verifiable credentials: the trusted-issuer registry, DIDs linked to educators, imported credentials with their
 * verification reports, the district issuer (sealed key) and the credentials it issued. Status list positions come
 * from their own sequence, bounded by the list size (131072 bits).
 */

export class Credentials1795893400000 implements MigrationInterface {
  name = 'Credentials1795893400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "district_issuer" ("id" smallint NOT NULL, "name" character varying(200) NOT NULL, "url" character varying(500) NOT NULL, "did" character varying(500) NOT NULL, "public_key_multibase" character varying(200) NOT NULL, "sealed_secret_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_district_issuer_single" CHECK ("id" = 1), CONSTRAINT "PK_eb1b5a35b7bad84847788b2b1fa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "holder_did" ("did" character varying(500) NOT NULL, "educator_id" uuid NOT NULL, "linked_by" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7eee673a30ad7d390024553528" PRIMARY KEY ("did"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_holder_did_educator" ON "holder_did"  ("educator_id") `);
    await queryRunner.query(
      `CREATE TABLE "imported_credential" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "educator_id" uuid NOT NULL, "evidence_id" uuid NOT NULL, "digest" character(64) NOT NULL, "format" character varying(16) NOT NULL, "issuer_id" character varying(500) NOT NULL, "trusted" boolean NOT NULL, "document" text NOT NULL, "report" jsonb NOT NULL, "status" character varying(12) NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE, "status_checked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_check_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0b6f2bb83645e49f01f9d2a93bf" UNIQUE ("evidence_id"), CONSTRAINT "uq_imported_credential_digest" UNIQUE ("educator_id", "digest"), CONSTRAINT "REL_0b6f2bb83645e49f01f9d2a93b" UNIQUE ("evidence_id"), CONSTRAINT "ck_imported_credential_format" CHECK ("format" IN ('DATA_INTEGRITY','VC_JWT')), CONSTRAINT "ck_imported_credential_status" CHECK ("status" IN ('ACTIVE','REVOKED','SUSPENDED','UNKNOWN','EXPIRED')), CONSTRAINT "PK_59fdba60bb771a9016c7756f1d3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_imported_credential_next_check" ON "imported_credential"  ("next_check_at") `);
    await queryRunner.query(
      `CREATE TABLE "issued_credential" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evidence_id" uuid, "educator_id" uuid NOT NULL, "status_index" integer NOT NULL, "document" jsonb NOT NULL, "jwt" text NOT NULL, "issued_by" character varying(254) NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" character varying(254), "revocation_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_9b6b1c73ad475839e369ba488da" UNIQUE ("status_index"), CONSTRAINT "ck_issued_credential_status_index" CHECK ("status_index" >= 0 AND "status_index" < 131072), CONSTRAINT "PK_c7e06f2e78712e5ba518e990ba2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_issued_credential_evidence" ON "issued_credential"  ("evidence_id") `);
    await queryRunner.query(`CREATE INDEX "ix_issued_credential_educator" ON "issued_credential"  ("educator_id") `);
    await queryRunner.query(
      `CREATE TABLE "trusted_issuer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer_id" character varying(500) NOT NULL, "display_name" character varying(200) NOT NULL, "key_source" character varying(10) NOT NULL, "jwks_url" character varying(2000), "public_key_multibase" character varying(200), "achievement_mappings" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_6ee2e65259b30e9abcba6846892" UNIQUE ("issuer_id"), CONSTRAINT "ck_trusted_issuer_multikey" CHECK ("key_source" <> 'MULTIKEY' OR "public_key_multibase" IS NOT NULL), CONSTRAINT "ck_trusted_issuer_jwks" CHECK ("key_source" <> 'JWKS' OR "jwks_url" IS NOT NULL), CONSTRAINT "ck_trusted_issuer_key_source" CHECK ("key_source" IN ('DID','JWKS','MULTIKEY')), CONSTRAINT "PK_ac57d16cd94f2c20244b1588b63" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE SEQUENCE "credential_status_index" MINVALUE 0 START 0 MAXVALUE 131071 NO CYCLE`);
    await queryRunner.query(
      `ALTER TABLE "holder_did" ADD CONSTRAINT "FK_efed2664febfe1c1b19d3c552f0" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imported_credential" ADD CONSTRAINT "FK_de35dec15f6c43d875704dd605e" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "imported_credential" ADD CONSTRAINT "FK_0b6f2bb83645e49f01f9d2a93bf" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_credential" ADD CONSTRAINT "FK_f078a7e9fec49840b1b7165c441" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "issued_credential" ADD CONSTRAINT "FK_6dc1d9010ed4e447463b4e6db49" FOREIGN KEY ("educator_id") REFERENCES "educator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "issued_credential" DROP CONSTRAINT "FK_6dc1d9010ed4e447463b4e6db49"`);
    await queryRunner.query(`ALTER TABLE "issued_credential" DROP CONSTRAINT "FK_f078a7e9fec49840b1b7165c441"`);
    await queryRunner.query(`ALTER TABLE "imported_credential" DROP CONSTRAINT "FK_0b6f2bb83645e49f01f9d2a93bf"`);
    await queryRunner.query(`ALTER TABLE "imported_credential" DROP CONSTRAINT "FK_de35dec15f6c43d875704dd605e"`);
    await queryRunner.query(`ALTER TABLE "holder_did" DROP CONSTRAINT "FK_efed2664febfe1c1b19d3c552f0"`);
    await queryRunner.query(`DROP TABLE "trusted_issuer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_issued_credential_educator"`);
    await queryRunner.query(`DROP INDEX "public"."ix_issued_credential_evidence"`);
    await queryRunner.query(`DROP TABLE "issued_credential"`);
    await queryRunner.query(`DROP INDEX "public"."ix_imported_credential_next_check"`);
    await queryRunner.query(`DROP TABLE "imported_credential"`);
    await queryRunner.query(`DROP INDEX "public"."ix_holder_did_educator"`);
    await queryRunner.query(`DROP TABLE "holder_did"`);
    await queryRunner.query(`DROP TABLE "district_issuer"`);
    await queryRunner.query(`DROP SEQUENCE "credential_status_index"`);
  }
}
