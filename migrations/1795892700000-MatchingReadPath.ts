import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 1. Two columns on the claim facts, derived by the database from the row itself, so the ranking pass does
 * per claim one array lookup instead of comparing kind, pilot part and status strings, and reads the age
 * origin instead of recomputing it. Neither depends on a scoring policy; the policy's numbers stay in the
 * statement. The encodings are frozen here; `weightSlotOf` and `DATE_RULES` in the matching domain state
 * the same rules, and test/integration/claim-facts.spec.ts checks both sides agree on every combination.
 *
 * - weight_slot: 1 + 3 x (position of the scoring kind in SCORING_KINDS) + (position of the verification
 *   status in VERIFICATION_STATUSES): the index of the claim's (kind weight x verification factor).
 * - age_from_day: the day evidence ages from (end, else start, else issue, else the day recorded) in days
 *   since 1970-01-01; null for kinds that do not age (certifications).
 *
 * 2. Publishing a scoring policy is logged in the matching change log too, so the service can keep the
 * current policy in memory beside the open roles and reuse both under the same exact freshness test.
 */
const WEIGHT_SLOT = `1 + 3 * (CASE "kind"
      WHEN 'PILOT' THEN CASE "pilot_part" WHEN 'LEAD' THEN 0 WHEN 'CO_LEAD' THEN 3 ELSE 6 END
      WHEN 'PROFESSIONAL_LEARNING' THEN 1 WHEN 'CERTIFICATION' THEN 2 WHEN 'PRESENTATION' THEN 4
      WHEN 'ARTIFACT' THEN 5 WHEN 'COURSE' THEN 7 END)
    + CASE "verification_status" WHEN 'VERIFIED' THEN 0 WHEN 'ENDORSED' THEN 1 WHEN 'SELF_REPORTED' THEN 2 END`;
const AGE_FROM_DAY = `CASE WHEN "kind" = 'CERTIFICATION' THEN NULL
      ELSE coalesce("ended_on", "started_on", "issued_on", "recorded_on") - DATE '1970-01-01' END`;

export class MatchingReadPath1795892700000 implements MigrationInterface {
  name = 'MatchingReadPath1795892700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "evidence_claim_fact"
      ADD COLUMN "weight_slot" smallint NOT NULL GENERATED ALWAYS AS (${WEIGHT_SLOT}) STORED,
      ADD COLUMN "age_from_day" integer GENERATED ALWAYS AS (${AGE_FROM_DAY}) STORED`);
    await q.query(`DROP INDEX "ix_evidence_claim_fact_competency"`);
    await q.query(`CREATE INDEX "ix_evidence_claim_fact_competency" ON "evidence_claim_fact" ("competency_id", "educator_id")
      INCLUDE ("level", "kind", "pilot_part", "verification_status", "issued_on", "started_on", "ended_on", "recorded_on", "expires_on",
               "weight_slot", "age_from_day")`);
    await q.query(`CREATE TRIGGER "scoring_policy_matching_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scoring_policy"
      FOR EACH STATEMENT EXECUTE FUNCTION "matching_note_role_change"()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "scoring_policy_matching_change" ON "scoring_policy"`);
    await q.query(`DROP INDEX "ix_evidence_claim_fact_competency"`);
    await q.query(`ALTER TABLE "evidence_claim_fact" DROP COLUMN "age_from_day", DROP COLUMN "weight_slot"`);
    await q.query(`CREATE INDEX "ix_evidence_claim_fact_competency" ON "evidence_claim_fact" ("competency_id", "educator_id")
      INCLUDE ("level", "kind", "pilot_part", "verification_status", "issued_on", "started_on", "ended_on", "recorded_on", "expires_on")`);
  }
}
