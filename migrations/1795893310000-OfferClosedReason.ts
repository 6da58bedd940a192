import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why an offer closed without an answer (for example: the role filled), shown to the candidate. */
export class OfferClosedReason1795893310000 implements MigrationInterface {
  name = 'OfferClosedReason1795893310000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offer" ADD "closed_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offer" DROP COLUMN "closed_reason"`);
  }
}
