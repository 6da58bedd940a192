import { badInput, conflict } from '../../common/app-error.js';
import { HiringReason } from './hiring-reason.js';

export const MAX_REASON_LENGTH = 2000;

/** One row of a saved ranking run, as far as the override rule needs it. */
export interface RankedEntry {
  educatorId: string;
  rank: number;
  qualified: boolean;
}

/**
 * The candidate the latest saved ranking run points to for the next offer: the best-ranked qualified
 * candidate who is still available. Out of the running are those who ruled themselves out (declined the
 * invitation, withdrew, declined an offer) and those who already hold an offer for this role, so a second
 * opening points to the next person. Candidates HR rejected stay in: passing over them is a human override.
 * Null when there is no run or it has no qualified candidate left.
 */
export function expectedCandidate(ranking: readonly RankedEntry[] | null, unavailable: ReadonlySet<string>): RankedEntry | null {
  if (!ranking) return null;
  return [...ranking].sort((a, b) => a.rank - b.rank).find((r) => r.qualified && !unavailable.has(r.educatorId)) ?? null;
}

export interface OverrideDecision {
  /** True when this offer departs from the ranking and therefore carries a reason. */
  override: boolean;
  expected: RankedEntry | null;
  reason: string | null;
}

/**
 * Human oversight: offering to anyone but the expected candidate needs a written reason. Without a saved
 * run (or with no qualified candidate in it) there is no machine recommendation to depart from, so no reason
 * is demanded; a reason given anyway is kept.
 */
export function decideOverride(offeredEducatorId: string, expected: RankedEntry | null, reason: string | null | undefined): OverrideDecision {
  const text = (reason ?? '').trim();
  if (text.length > MAX_REASON_LENGTH) throw badInput(`The reason is ${text.length} characters; the limit is ${MAX_REASON_LENGTH}`);
  const override = expected !== null && expected.educatorId !== offeredEducatorId;
  if (override && !text) {
    throw badInput(
      `This candidate is not the top-ranked qualified candidate of the latest saved ranking run (rank ${expected.rank} is): give an overrideReason`,
      { expectedRank: expected.rank },
    );
  }
  return { override, expected, reason: text || null };
}

/** Offer terms: a start date not in the past, and an end date not before it (null = open-ended). */
export function assertOfferDates(startsOn: string, endsOn: string | null, today?: string): void {
  if (today !== undefined && startsOn < today) throw badInput(`startsOn ${startsOn} is in the past; an offer starts today (${today}) or later`);
  if (endsOn !== null && endsOn < startsOn) throw badInput(`The end date ${endsOn} is before the start date ${startsOn}`);
}

/** The role fills once accepted offers reach its openings; an acceptance beyond that is a lost race (CONFLICT). */
export function assertSeatLeft(acceptedCount: number, openings: number): void {
  if (acceptedCount >= openings) {
    throw conflict(`All ${openings} opening${openings === 1 ? '' : 's'} of this role are already accepted`, HiringReason.ROLE_FILLED);
  }
}

export function fillsRole(acceptedCountAfter: number, openings: number): boolean {
  return acceptedCountAfter >= openings;
}
