import type { MigrationInterface, QueryRunner } from 'typeorm';

const FACT_COLUMNS = `educator_id, level, kind, pilot_part, verification_status, issued_on, started_on, ended_on, recorded_on, expires_on`;
const FACT_VALUES = `e.educator_id, c.level, e.kind, e.pilot_part, e.verification_status, e.issued_on, e.started_on, e.ended_on,
  (e.created_at AT TIME ZONE 'UTC')::date, e.expires_on`;
const COUNTED = `educator_id, kind, pilot_part, verification_status, issued_on, started_on, ended_on, expires_on, created_at`;
const old = (c: string) =>
  c
    .split(', ')
    .map((x) => `OLD.${x}`)
    .join(', ');
const neu = (c: string) =>
  c
    .split(', ')
    .map((x) => `NEW.${x}`)
    .join(', ');

/** The claim-fact sync functions as MatchingReadModels created them (restored by down). */
const CLAIM_SYNC_BEFORE = `CREATE OR REPLACE FUNCTION "matching_claim_fact_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
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
  END $$`;
const EVIDENCE_SYNC_BEFORE = `CREATE OR REPLACE FUNCTION "matching_evidence_fact_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    UPDATE evidence_claim_fact SET (educator_id, kind, pilot_part, verification_status, issued_on, started_on, ended_on, recorded_on, expires_on) =
      (NEW.educator_id, NEW.kind, NEW.pilot_part, NEW.verification_status, NEW.issued_on, NEW.started_on, NEW.ended_on,
       (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.expires_on)
    WHERE evidence_id = NEW.id;
    RETURN NULL;
  END $$`;

/**
 * Trusted evidence workflow.
 *
 * 1. Soft delete: `evidence.deleted_at`. Archived evidence keeps its row and claims (its owner may restore it for
 *    30 days) but has no claim facts, so nothing that reads `evidence_claim_fact` (ranking, standings, explanations,
 *    demonstrated levels, reports) counts it; the triggers remove its facts on archiving and write them back on
 *    restoring, and never write facts for a claim of archived evidence.
 * 2. Endorsers: the buildings an ENDORSER account may endorse in (`endorser_building`), and every endorser's
 *    decision on an item (`evidence_endorsement`: who, when, ENDORSED or DECLINED, the reason the educator reads).
 * 3. Pending revisions: an owner's edit of endorsed or verified evidence waits in `evidence_revision` (the changed
 *    fields and claims) while the trusted version keeps counting, until HR or an in-scope endorser decides it.
 */
export class TrustedEvidenceWorkflow1795894200000 implements MigrationInterface {
  name = 'TrustedEvidenceWorkflow1795894200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "evidence" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "ix_evidence_archived" ON "evidence" ("deleted_at") WHERE "deleted_at" IS NOT NULL`);

    await q.query(
      CLAIM_SYNC_BEFORE.replace(
        'FROM evidence e WHERE e.id = NEW.evidence_id',
        'FROM evidence e WHERE e.id = NEW.evidence_id AND e.deleted_at IS NULL',
      ),
    );
    await q.query(`CREATE OR REPLACE FUNCTION "matching_evidence_fact_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.deleted_at IS NOT NULL THEN
          DELETE FROM evidence_claim_fact WHERE evidence_id = NEW.id;
        ELSIF OLD.deleted_at IS NOT NULL THEN
          INSERT INTO evidence_claim_fact (evidence_id, competency_id, ${FACT_COLUMNS})
          SELECT c.evidence_id, c.competency_id, ${FACT_VALUES}
          FROM evidence_claim c JOIN evidence e ON e.id = c.evidence_id WHERE c.evidence_id = NEW.id
          ON CONFLICT (evidence_id, competency_id) DO NOTHING;
        ELSE
          UPDATE evidence_claim_fact SET (educator_id, kind, pilot_part, verification_status, issued_on, started_on, ended_on, recorded_on, expires_on) =
            (NEW.educator_id, NEW.kind, NEW.pilot_part, NEW.verification_status, NEW.issued_on, NEW.started_on, NEW.ended_on,
             (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.expires_on)
          WHERE evidence_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER "evidence_fact_sync" ON "evidence"`);
    await q.query(`CREATE TRIGGER "evidence_fact_sync" AFTER UPDATE ON "evidence" FOR EACH ROW
      WHEN ((${old(COUNTED)}, OLD.deleted_at) IS DISTINCT FROM (${neu(COUNTED)}, NEW.deleted_at))
      EXECUTE FUNCTION "matching_evidence_fact_sync"()`);

    await q.query(`CREATE TABLE "endorser_building" ("account_id" uuid NOT NULL, "building_id" uuid NOT NULL,
      "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "pk_endorser_building" PRIMARY KEY ("account_id", "building_id"))`);
    await q.query(`CREATE INDEX "ix_endorser_building_building" ON "endorser_building" ("building_id")`);
    await q.query(
      `ALTER TABLE "endorser_building" ADD CONSTRAINT "fk_endorser_building_account" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "endorser_building" ADD CONSTRAINT "fk_endorser_building_building" FOREIGN KEY ("building_id") REFERENCES "building"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "evidence_endorsement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evidence_id" uuid NOT NULL,
      "decision" character varying(16) NOT NULL, "reason" text NOT NULL DEFAULT '', "decided_by_account_id" uuid,
      "decided_by_email" character varying(254) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "ck_evidence_endorsement_decision" CHECK ("decision" IN ('ENDORSED','DECLINED')),
      CONSTRAINT "pk_evidence_endorsement" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "ix_evidence_endorsement_evidence" ON "evidence_endorsement" ("evidence_id", "decided_at")`);
    await q.query(
      `ALTER TABLE "evidence_endorsement" ADD CONSTRAINT "fk_evidence_endorsement_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await q.query(`CREATE TABLE "evidence_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evidence_id" uuid NOT NULL, "educator_id" uuid NOT NULL,
      "status" character varying(16) NOT NULL DEFAULT 'PENDING', "changes" jsonb NOT NULL, "claims" jsonb, "changed_fields" text array NOT NULL,
      "proposed_by_email" character varying(254) NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_email" character varying(254), "decision_reason" text, "resulting_status" character varying(16),
      "version" integer NOT NULL,
      CONSTRAINT "ck_evidence_revision_status" CHECK ("status" IN ('PENDING','APPROVED','REJECTED')),
      CONSTRAINT "pk_evidence_revision" PRIMARY KEY ("id"))`);
    await q.query(`CREATE UNIQUE INDEX "uq_evidence_revision_pending" ON "evidence_revision" ("evidence_id") WHERE "status" = 'PENDING'`);
    await q.query(`CREATE INDEX "ix_evidence_revision_queue" ON "evidence_revision" ("status", "proposed_at")`);
    await q.query(
      `ALTER TABLE "evidence_revision" ADD CONSTRAINT "fk_evidence_revision_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "evidence_revision"`);
    await q.query(`DROP TABLE "evidence_endorsement"`);
    await q.query(`DROP TABLE "endorser_building"`);
    await q.query(`DROP TRIGGER "evidence_fact_sync" ON "evidence"`);
    await q.query(`CREATE TRIGGER "evidence_fact_sync" AFTER UPDATE ON "evidence" FOR EACH ROW
      WHEN ((${old(COUNTED)}) IS DISTINCT FROM (${neu(COUNTED)}))
      EXECUTE FUNCTION "matching_evidence_fact_sync"()`);
    await q.query(EVIDENCE_SYNC_BEFORE);
    await q.query(CLAIM_SYNC_BEFORE);
    // Without archiving every claim has its fact again.
    await q.query(`INSERT INTO evidence_claim_fact (evidence_id, competency_id, ${FACT_COLUMNS})
      SELECT c.evidence_id, c.competency_id, ${FACT_VALUES}
      FROM evidence_claim c JOIN evidence e ON e.id = c.evidence_id WHERE e.deleted_at IS NOT NULL
      ON CONFLICT (evidence_id, competency_id) DO NOTHING`);
    await q.query(`DROP INDEX "ix_evidence_archived"`);
    await q.query(`ALTER TABLE "evidence" DROP COLUMN "deleted_at"`);
  }
}
