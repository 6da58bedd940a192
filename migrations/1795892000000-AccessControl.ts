import { MigrationInterface, QueryRunner } from 'typeorm';

/** Panel seats per role, and the counters behind sign-in lockouts (used by rate-limiter-flexible). */
export class AccessControl1795892000000 implements MigrationInterface {
  name = 'AccessControl1795892000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "panel_member" ("role_id" uuid NOT NULL, "account_id" uuid NOT NULL, "added_by" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_panel_member" PRIMARY KEY ("role_id", "account_id"))`,
    );
    await q.query(`CREATE INDEX "ix_panel_member_account" ON "panel_member" ("account_id")`);
    await q.query(
      `ALTER TABLE "panel_member" ADD CONSTRAINT "FK_0785b62ac94a9c16e61cdc5e517" FOREIGN KEY ("role_id") REFERENCES "hybrid_role"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "panel_member" ADD CONSTRAINT "FK_4edce8242f8674722ada80042c3" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`CREATE TABLE "sign_in_limit" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "sign_in_limit"`);
    await q.query(`DROP TABLE "panel_member"`);
  }
}
