/**
 * The rules that decide whether an evidence item counts on a date and which level it can show.
 * This is the single definition: the pure functions below and the SQL builder in
 * `demonstrated-levels.repository.ts` both read these constants, so the rules exist once.
 */

// The vocabulary itself is the evidence module's (defined once); the rules below are matching's.
import { EVIDENCE_KINDS, PILOT_PARTS, VERIFICATION_STATUSES, type EvidenceKind, type PilotPart, type VerificationStatus } from '../../evidence/domain/evidence-kind.js';

export { EVIDENCE_KINDS, PILOT_PARTS, VERIFICATION_STATUSES };
export type { EvidenceKind, PilotPart, VerificationStatus };

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

/** The kinds the scoring policy weighs: a pilot counts differently by the part the educator played. */
export const SCORING_KINDS = [
  'PILOT_LEAD', 'PROFESSIONAL_LEARNING', 'CERTIFICATION', 'PILOT_CO_LEAD', 'PRESENTATION', 'ARTIFACT', 'PILOT_MEMBER', 'COURSE',
] as const;
export type ScoringKind = (typeof SCORING_KINDS)[number];

/** Attendance shows exposure, not expertise: it can never demonstrate a level above the policy's cap. */
export const ATTENDANCE_KINDS: readonly EvidenceKind[] = ['COURSE'];

/** Kinds that do not age: a credential counts in full until it expires. */
export const NON_AGEING_KINDS: readonly EvidenceKind[] = ['CERTIFICATION'];

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
  return kind === 'COURSE' ? rules.attendanceCapLevel : Number.POSITIVE_INFINITY;
}

export function scoringKindOf(kind: EvidenceKind, pilotPart: PilotPart | null): ScoringKind {
  if (kind !== 'PILOT') return kind;
  if (pilotPart === 'LEAD') return 'PILOT_LEAD';
  if (pilotPart === 'CO_LEAD') return 'PILOT_CO_LEAD';
  return 'PILOT_MEMBER';
}

/**
 * Where a (scoring kind, verification status) pair sits in a table of policy numbers, counting from 1.
 * The claim facts carry this slot as a column (migration MatchingReadPath), so SQL reads a claim's
 * weight from a table with one lookup.
 */
export function weightSlotOf(kind: ScoringKind, status: VerificationStatus): number {
  return 1 + VERIFICATION_STATUSES.length * SCORING_KINDS.indexOf(kind) + VERIFICATION_STATUSES.indexOf(status);
}

/** The evidence kind and pilot part a scoring kind stands for (for gap advice). */
export function evidenceKindOf(kind: ScoringKind): { kind: EvidenceKind; pilotPart: PilotPart | null } {
  switch (kind) {
    case 'PILOT_LEAD': return { kind: 'PILOT', pilotPart: 'LEAD' };
    case 'PILOT_CO_LEAD': return { kind: 'PILOT', pilotPart: 'CO_LEAD' };
    case 'PILOT_MEMBER': return { kind: 'PILOT', pilotPart: 'MEMBER' };
    default: return { kind, pilotPart: null };
  }
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
