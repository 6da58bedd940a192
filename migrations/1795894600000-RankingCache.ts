import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change log for the data a ranking is computed from, beside the role change log (MatchingReadModels): claims
 * and their facts (a claim added, changed or removed, a verification decided, an expiry), evidence (titles and
 * dates an explanation shows), educators (a leaver, a building move, a hire date, a name), hybrid commitments
 * (overextension) and crosswalks (case_association). Each writing statement records its transaction id
 * (statement-level triggers: no row locks). The service keeps computed rankings in memory with the snapshot they
 * were read in and serves them only while no change in either log is visible that was not visible in that
 * snapshot: exact, and shared by every instance because the logs live in the database.
 *
 * Kept apart from the role change log so a claim does not throw away the cached open roles every standing reads.
 */
const DATA_TABLES = ['evidence_claim_fact', 'evidence', 'educator', 'hybrid_commitment', 'case_association', 'building'];

export class RankingCache1795894600000 implements MigrationInterface {
  name = 'RankingCache1795894600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "matching_data_change" (
      "id" bigserial NOT NULL, "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "source" character varying(40) NOT NULL,
      CONSTRAINT "PK_matching_data_change" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_matching_data_change_xid" ON "matching_data_change" ("xid")`);
    await q.query(`CREATE FUNCTION "matching_note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO matching_data_change (source) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`);
    for (const table of DATA_TABLES) {
      await q.query(`CREATE TRIGGER "${table}_matching_data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION "matching_note_data_change"()`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of DATA_TABLES) await q.query(`DROP TRIGGER "${table}_matching_data_change" ON "${table}"`);
    await q.query(`DROP FUNCTION "matching_note_data_change"()`);
    await q.query(`DROP TABLE "matching_data_change"`);
  }
}
