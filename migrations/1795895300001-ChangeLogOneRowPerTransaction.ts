import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change logs note a transaction, not every statement: the caches test "has a transaction they did not see
 * written anything?", so one row per transaction (and source table) answers that as exactly as one per statement.
 * Before, a claim inserted through the evidence_claim_fact row trigger logged one row per claim (a statement per
 * row), so importing a district wrote millions of rows and every freshness test scanned them. The trigger now
 * looks the transaction up first (the xid index) and adds nothing when it is already there; existing duplicates
 * are removed. A row added inside a savepoint that rolls back goes with every change after it in that savepoint,
 * and the next change outside it logs again.
 */
export class ChangeLogOneRowPerTransaction1795895300001 implements MigrationInterface {
  name = 'ChangeLogOneRowPerTransaction1795895300001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION "matching_note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM matching_data_change WHERE xid = pg_current_xact_id() AND source = TG_TABLE_NAME) THEN
          INSERT INTO matching_data_change (source) VALUES (TG_TABLE_NAME);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION "matching_note_role_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM matching_role_change WHERE xid = pg_current_xact_id()) THEN
          INSERT INTO matching_role_change DEFAULT VALUES;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DELETE FROM matching_data_change WHERE id NOT IN (SELECT min(id) FROM matching_data_change GROUP BY xid, source)`);
    await q.query(`DELETE FROM matching_role_change WHERE id NOT IN (SELECT min(id) FROM matching_role_change GROUP BY xid)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION "matching_note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO matching_data_change (source) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION "matching_note_role_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO matching_role_change DEFAULT VALUES; RETURN NULL; END $$`);
  }
}
