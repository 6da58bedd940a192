/**
 * The rules that decide whether an evidence item counts on a date and which level it can show.
 * This is the single definition: the pure functions below and the SQL builder in
 * `demonstrated-levels.repository.ts` both read these constants, so the rules exist once.
 */

// The vocabulary itself is the evidence module's (defined once); the rules below are matching's.
// Per-kind facts (weights, ageing, attendance, slots) come from the evidence kind registry.
import {
  EVIDENCE_KINDS,
  kindSpec,
  PILOT_PARTS,
  SCORING_VARIANTS,
  VERIFICATION_STATUSES,
  type EvidenceKind,
  type PilotPart,
  type ScoringKind,
  type ScoringVariant,
  type VerificationStatus,
} from '../../evidence/domain/evidence-kind.js';

export { EVIDENCE_KINDS, PILOT_PARTS, SCORING_VARIANTS, VERIFICATION_STATUSES };
export type { EvidenceKind, PilotPart, ScoringKind, ScoringVariant, VerificationStatus };

/** Trust, lowest first: verification only ever moves an item up this list. */
const TRUST_ORDER: readonly VerificationStatus[] = ['SELF_REPORTED', 'ENDORSED', 'VERIFIED'];

/** Whether evidence with `status` is trusted enough for a policy whose lowest qualifying status is `lowest`. */
export function isTrustedAs(status: VerificationStatus, lowest: VerificationStatus): boolean {
  return TRUST_ORDER.indexOf(status) >= TRUST_ORDER.indexOf(lowest);
}

/** Every status at or above `lowest`, strongest first (VERIFICATION_STATUSES order). */
export function statusesAtLeast(lowest: VerificationStatus): VerificationStatus[] {
  return VERIFICATION_STATUSES.filter((s) => isTrustedAs(s, lowest));
}

/** The kinds the scoring policy weighs, in weight-slot order: a pilot counts differently by the part the educator played. */
export const SCORING_KINDS: readonly ScoringKind[] = SCORING_VARIANTS.map((v) => v.scoringKind);

const VARIANT_BY_KIND = new Map<ScoringKind, ScoringVariant>(SCORING_VARIANTS.map((v) => [v.scoringKind, v]));

/** A scoring kind's registry entry. */
export function scoringVariant(kind: ScoringKind): ScoringVariant {
  const v = VARIANT_BY_KIND.get(kind);
  if (!v) throw new Error(`Unknown scoring kind ${kind}`);
  return v;
}

/** Attendance shows exposure, not expertise: it can never demonstrate a level above the policy's cap. */
export const ATTENDANCE_KINDS: readonly EvidenceKind[] = EVIDENCE_KINDS.filter((k) => kindSpec(k).attendance);

/** Kinds that do not age: a credential counts in full until it expires. */
export const NON_AGEING_KINDS: readonly EvidenceKind[] = EVIDENCE_KINDS.filter((k) => !kindSpec(k).ages);

/**
 * Which dates decide counting, by evidence field, first non-null wins. The SQL builder maps these
 * fields to columns; the domain reads them from `ClaimFact`, already resolved to day numbers.
 * - start: an item whose start is after the as-of date is not (yet) in the portfolio; undated items always are.
 * - ageFrom: evidence ages from its end, else its start, else the day it was recorded.
 * - expiry: an item is expired on days strictly after `expires_on` (it is still valid on that day).
 */
export const DATE_RULES = {
  start: ['issuedOn', 'startedOn'],
  ageFrom: ['endedOn', 'startedOn', 'issuedOn', 'recordedOn'],
  expiry: 'expiresOn',
} as const;

export type EvidenceDateField = 'issuedOn' | 'startedOn' | 'endedOn' | 'recordedOn' | 'expiresOn';

/** The policy values the counting rules need. */
export interface EvidenceRules {
  attendanceCapLevel: number;
}

/** One evidence item's claim on one competency, with its dates as day numbers (days since 1970-01-01, UTC). */
export interface ClaimFact {
  evidenceId: string;
  competencyId: string;
  kind: EvidenceKind;
  pilotPart: PilotPart | null;
  status: VerificationStatus;
  claimedLevel: number;
  startDay: number | null;
  ageFromDay: number | null;
  expiresDay: number | null;
}

export type ClaimState = 'COUNTS' | 'EXPIRED' | 'NOT_STARTED';

export function claimStateOn(fact: Pick<ClaimFact, 'startDay' | 'expiresDay'>, asOfDay: number): ClaimState {
  if (fact.startDay !== null && fact.startDay > asOfDay) return 'NOT_STARTED';
  if (fact.expiresDay !== null && fact.expiresDay < asOfDay) return 'EXPIRED';
  return 'COUNTS';
}

export function isAttendance(kind: EvidenceKind): boolean {
  return ATTENDANCE_KINDS.includes(kind);
}

/** The level an item can show for its claim: attendance is capped, everything else shows what it claims. */
export function countedLevel(fact: Pick<ClaimFact, 'kind' | 'claimedLevel'>, rules: EvidenceRules): number {
  return isAttendance(fact.kind) ? Math.min(fact.claimedLevel, rules.attendanceCapLevel) : fact.claimedLevel;
}

/** The highest level any evidence kind can show for a competency, given the attendance cap. */
export function maxLevelShownBy(kind: ScoringKind, rules: EvidenceRules): number {
  return isAttendance(scoringVariant(kind).kind) ? rules.attendanceCapLevel : Number.POSITIVE_INFINITY;
}

/** The scoring kind of an item: its kind's one variant, or the variant for its pilot part (a part not given weighs as the last one, MEMBER). */
export function scoringKindOf(kind: EvidenceKind, pilotPart: PilotPart | null): ScoringKind {
  const variants = SCORING_VARIANTS.filter((v) => v.kind === kind);
  if (variants.length === 1) return variants[0].scoringKind;
  return (variants.find((v) => v.pilotPart === pilotPart) ?? variants[variants.length - 1]).scoringKind;
}

/**
 * Where a (scoring kind, verification status) pair sits in a table of policy numbers, counting from 1.
 * The claim facts carry this slot as a column (migration MatchingReadPath), so SQL reads a claim's
 * weight from a table with one lookup.
 */
export function weightSlotOf(kind: ScoringKind, status: VerificationStatus): number {
  return 1 + VERIFICATION_STATUSES.length * scoringVariant(kind).slot + VERIFICATION_STATUSES.indexOf(status);
}

/**
 * The SQL that computes weightSlotOf from an evidence row's "kind", "pilot_part" and "verification_status" (the
 * generated column evidence_claim_fact.weight_slot). A migration that adds a kind pastes this expression, as text,
 * into its ALTER TABLE (migrations never import code that later changes).
 */
export function weightSlotSql(): string {
  const byKind = EVIDENCE_KINDS.map((k) => {
    const variants = SCORING_VARIANTS.filter((v) => v.kind === k);
    if (variants.length === 1) return `WHEN '${k}' THEN ${variants[0].slot}`;
    const last = variants[variants.length - 1];
    const parts = variants
      .slice(0, -1)
      .map((v) => `WHEN '${v.pilotPart}' THEN ${v.slot}`)
      .join(' ');
    return `WHEN '${k}' THEN CASE "pilot_part" ${parts} ELSE ${last.slot} END`;
  }).join(' ');
  const statuses = VERIFICATION_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ');
  return `1 + ${VERIFICATION_STATUSES.length} * (CASE "kind" ${byKind} END) + CASE "verification_status" ${statuses} END`;
}

/** The evidence kind and pilot part a scoring kind stands for (for gap advice). */
export function evidenceKindOf(kind: ScoringKind): { kind: EvidenceKind; pilotPart: PilotPart | null } {
  const v = scoringVariant(kind);
  return { kind: v.kind, pilotPart: v.pilotPart ?? null };
}

const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' to days since 1970-01-01 (UTC). */
export function dayOf(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`Not an ISO date: ${isoDate}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
