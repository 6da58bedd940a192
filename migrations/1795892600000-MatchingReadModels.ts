import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models for matching.
 *
 * 1. A maintained, denormalised copy of every evidence claim with the evidence columns the counting rules
 * read (owner, kind, pilot part, status, dates). Ranking and demonstrated levels scan only the claims of
 * the competencies asked for, in (competency, educator) order from one covering index, instead of joining
 * every claim to the whole evidence table. Triggers keep it exact inside the writing transaction; the
 * foreign key removes a fact with its claim (and so with its evidence).
 *
 * 2. A change log for roles, requirements and competencies: each writing statement records its transaction
 * id (statement-level triggers: no row locks, no contention). The service caches the open roles with the
 * snapshot they were read in, and reuses them only while no logged change is visible that was not visible
 * in that snapshot, an exact test that reads only recent entries through the xid index.
 */
const FACT_COLUMNS = `educator_id, level, kind, pilot_part, verification_status, issued_on, started_on, ended_on, recorded_on, expires_on`;

/** Tables whose changes can change the open roles a standing is computed against. */
const ROLE_TABLES = ['hybrid_role', 'role_requirement', 'competency'];

export class MatchingReadModels1795892600000 implements MigrationInterface {
  name = 'MatchingReadModels1795892600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "evidence_claim_fact" (
      "evidence_id" uuid NOT NULL,
      "competency_id" uuid NOT NULL,
      "educator_id" uuid NOT NULL,
      "level" smallint NOT NULL,
      "kind" character varying(24) NOT NULL,
      "pilot_part" character varying(10),
      "verification_status" character varying(16) NOT NULL,
      "issued_on" date,
      "started_on" date,
      "ended_on" date,
      "recorded_on" date NOT NULL,
      "expires_on" date,
      CONSTRAINT "PK_evidence_claim_fact" PRIMARY KEY ("evidence_id", "competency_id"),
      CONSTRAINT "FK_evidence_claim_fact_claim" FOREIGN KEY ("evidence_id", "competency_id")
        REFERENCES "evidence_claim" ("evidence_id", "competency_id") ON DELETE CASCADE ON UPDATE CASCADE)`);
    await q.query(`CREATE INDEX "ix_evidence_claim_fact_competency" ON "evidence_claim_fact" ("competency_id", "educator_id")
      INCLUDE ("level", "kind", "pilot_part", "verification_status", "issued_on", "started_on", "ended_on", "recorded_on", "expires_on")`);
    await q.query(`CREATE INDEX "ix_evidence_claim_fact_educator" ON "evidence_claim_fact" ("educator_id")`);

    // A claim inserted or changed: (re)write its fact. An old key is removed first, whichever order the
    // foreign key's ON UPDATE CASCADE and this trigger run in.
    await q.query(`CREATE FUNCTION "matching_claim_fact_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.evidence_id, OLD.competency_id) IS DISTINCT FROM (NEW.evidence_id, NEW.competency_id) THEN
          DELETE FROM evidence_claim_fact WHERE evidence_id = OLD.evidence_id AND competency_id = OLD.competency_id;
        END IF;
        INSERT INTO evidence_claim_fact (evidence_id, competency_id, ${FACT_COLUMNS})
        SELECT NEW.evidence_id, NEW.competency_id, e.educator_id, NEW.level, e.kind, e.pilot_part, e.verification_status,
               e.issued_on, e.started_on, e.ended_on, (e.created_at AT TIME ZONE 'UTC')::date, e.expires_on
        FROM evidence e WHERE e.id = NEW.evidence_id
        ON CONFLICT (evidence_id, competency_id) DO UPDATE SET (${FACT_COLUMNS}) =
          (EXCLUDED.educator_id, EXCLUDED.level, EXCLUDED.kind, EXCLUDED.pilot_part, EXCLUDED.verification_status,
           EXCLUDED.issued_on, EXCLUDED.started_on, EXCLUDED.ended_on, EXCLUDED.recorded_on, EXCLUDED.expires_on);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "evidence_claim_fact_sync" AFTER INSERT OR UPDATE ON "evidence_claim"
      FOR EACH ROW EXECUTE FUNCTION "matching_claim_fact_sync"()`);

    // Evidence whose counted columns change (verification, dates, kind, owner): update its facts.
    await q.query(`CREATE FUNCTION "matching_evidence_fact_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE evidence_claim_fact SET (educator_id, kind, pilot_part, verification_status, issued_on, started_on, ended_on, recorded_on, expires_on) =
          (NEW.educator_id, NEW.kind, NEW.pilot_part, NEW.verification_status, NEW.issued_on, NEW.started_on, NEW.ended_on,
           (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.expires_on)
        WHERE evidence_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "evidence_fact_sync" AFTER UPDATE ON "evidence" FOR EACH ROW
      WHEN ((OLD.educator_id, OLD.kind, OLD.pilot_part, OLD.verification_status, OLD.issued_on, OLD.started_on, OLD.ended_on, OLD.expires_on, OLD.created_at)
        IS DISTINCT FROM (NEW.educator_id, NEW.kind, NEW.pilot_part, NEW.verification_status, NEW.issued_on, NEW.started_on, NEW.ended_on, NEW.expires_on, NEW.created_at))
      EXECUTE FUNCTION "matching_evidence_fact_sync"()`);

    await q.query(`CREATE TABLE "matching_role_change" (
      "id" bigserial NOT NULL, "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_matching_role_change" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_matching_role_change_xid" ON "matching_role_change" ("xid")`);
    await q.query(`CREATE FUNCTION "matching_note_role_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO matching_role_change DEFAULT VALUES; RETURN NULL; END $$`);
    for (const table of ROLE_TABLES) {
      await q.query(`CREATE TRIGGER "${table}_matching_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION "matching_note_role_change"()`);
    }

    await q.query(`INSERT INTO evidence_claim_fact (evidence_id, competency_id, ${FACT_COLUMNS})
      SELECT c.evidence_id, c.competency_id, e.educator_id, c.level, e.kind, e.pilot_part, e.verification_status,
             e.issued_on, e.started_on, e.ended_on, (e.created_at AT TIME ZONE 'UTC')::date, e.expires_on
      FROM evidence_claim c JOIN evidence e ON e.id = c.evidence_id`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ROLE_TABLES) await q.query(`DROP TRIGGER "${table}_matching_change" ON "${table}"`);
    await q.query(`DROP FUNCTION "matching_note_role_change"()`);
    await q.query(`DROP TABLE "matching_role_change"`);
    await q.query(`DROP TRIGGER "evidence_fact_sync" ON "evidence"`);
    await q.query(`DROP FUNCTION "matching_evidence_fact_sync"()`);
    await q.query(`DROP TRIGGER "evidence_claim_fact_sync" ON "evidence_claim"`);
    await q.query(`DROP FUNCTION "matching_claim_fact_sync"()`);
    await q.query(`DROP TABLE "evidence_claim_fact"`);
  }
}
