import {
  claimStateOn,
  countedLevel,
  VERIFICATION_STATUSES,
  type ClaimFact,
  type EvidenceRules,
  type VerificationStatus,
} from './evidence-rules.js';

export interface DemonstratedLevelOptions {
  asOfDay: number;
  rules: EvidenceRules;
  /** Which verification statuses count; all of them when omitted. */
  statuses?: readonly VerificationStatus[];
}

/**
 * The highest level these claims demonstrate on a date (0 when none counts): expired and not-yet-started
 * evidence is left out and attendance is capped. Same rules as `DemonstratedLevelsRepository`.
 */
export function demonstratedLevel(facts: readonly ClaimFact[], opts: DemonstratedLevelOptions): number {
  const statuses = opts.statuses ?? VERIFICATION_STATUSES;
  let best = 0;
  for (const f of facts) {
    if (!statuses.includes(f.status) || claimStateOn(f, opts.asOfDay) !== 'COUNTS') continue;
    best = Math.max(best, countedLevel(f, opts.rules));
  }
  return best;
}

/** Demonstrated level per competency (only competencies with at least one counting claim appear). */
export function demonstratedLevelsByCompetency(facts: readonly ClaimFact[], opts: DemonstratedLevelOptions): Map<string, number> {
  const byCompetency = new Map<string, ClaimFact[]>();
  for (const f of facts) {
    const list = byCompetency.get(f.competencyId);
    if (list) list.push(f);
    else byCompetency.set(f.competencyId, [f]);
  }
  const out = new Map<string, number>();
  for (const [competencyId, list] of byCompetency) {
    const level = demonstratedLevel(list, opts);
    if (level > 0) out.set(competencyId, level);
  }
  return out;
}
