import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An invitation to apply the district closes without an answer (the educator left): status WITHDRAWN, with the
 * reason HR and the educator read.
 */
export class InvitationWithdrawn1795895500000 implements MigrationInterface {
  name = 'InvitationWithdrawn1795895500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "ck_invitation_status"`);
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "ck_invitation_status" CHECK ("status" IN ('INVITED','ACCEPTED','DECLINED','WITHDRAWN'))`,
    );
    await queryRunner.query(`ALTER TABLE "invitation" ADD "closed_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invitation" DROP COLUMN "closed_reason"`);
    await queryRunner.query(`UPDATE "invitation" SET "status" = 'DECLINED' WHERE "status" = 'WITHDRAWN'`);
    await queryRunner.query(`ALTER TABLE "invitation" DROP CONSTRAINT "ck_invitation_status"`);
    await queryRunner.query(
      `ALTER TABLE "invitation" ADD CONSTRAINT "ck_invitation_status" CHECK ("status" IN ('INVITED','ACCEPTED','DECLINED'))`,
    );
  }
}
