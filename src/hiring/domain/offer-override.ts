import { badInput, conflict } from '../../common/app-error.js';
import { HiringReason } from './hiring-reason.js';

export const MAX_REASON_LENGTH = 2000;

/** One row of a saved ranking run, as far as the override rule needs it (`rank` is the place in the run). */
export interface RankedEntry {
  educatorId: string;
  rank: number;
  qualified: boolean;
  score: number;
}

/**
 * The candidates the latest saved ranking run points to for the next offer: among the role's applicants, the
 * best-ranked qualified one who is still available, and every available qualified applicant tied with them
 * (same score: a tie shares its rank, so each of them is an expected choice). Out of the running are those who
 * ruled themselves out (declined the invitation, withdrew, declined an offer) and those who already hold an
 * offer for this role, so a second opening points to the next person. Candidates HR rejected stay in: passing
 * over them is a human override. Empty when there is no run or no qualified applicant is left in it.
 */
export function expectedCandidates(
  ranking: readonly RankedEntry[] | null,
  applicants: ReadonlySet<string>,
  unavailable: ReadonlySet<string>,
): RankedEntry[] {
  if (!ranking) return [];
  const open = [...ranking]
    .sort((a, b) => a.rank - b.rank)
    .filter((r) => r.qualified && applicants.has(r.educatorId) && !unavailable.has(r.educatorId));
  return open.length ? open.filter((r) => r.score === open[0].score) : [];
}

export interface OverrideDecision {
  /** True when this offer departs from the ranking and therefore carries a reason. */
  override: boolean;
  /** The expected candidate recorded with the offer: the offered one when they are among the expected, else the first of them. */
  expected: RankedEntry | null;
  reason: string | null;
}

/**
 * Human oversight: offering to anyone but an expected candidate needs a written reason. Without a saved run
 * (or with no qualified applicant in it) there is no machine recommendation to depart from, so no reason is
 * demanded; a reason given anyway is kept.
 */
export function decideOverride(
  offeredEducatorId: string,
  expected: readonly RankedEntry[],
  reason: string | null | undefined,
): OverrideDecision {
  const text = (reason ?? '').trim();
  if (text.length > MAX_REASON_LENGTH) throw badInput(`The reason is ${text.length} characters; the limit is ${MAX_REASON_LENGTH}`);
  const offered = expected.find((e) => e.educatorId === offeredEducatorId);
  const override = expected.length > 0 && !offered;
  if (override && !text) {
    const tie = expected.length > 1 ? ` (${expected.length} applicants tie at the top)` : '';
    throw badInput(
      `This candidate is not the top-ranked qualified candidate among the role's applicants in the latest saved ranking run (place ${expected[0].rank} is${tie}): give an overrideReason`,
      { expectedRank: expected[0].rank },
    );
  }
  return { override, expected: offered ?? expected[0] ?? null, reason: text || null };
}

/** Offer terms: a start date not in the past, and an end date not before it (null = open-ended). */
export function assertOfferDates(startsOn: string, endsOn: string | null, today?: string): void {
  if (today !== undefined && startsOn < today)
    throw badInput(`startsOn ${startsOn} is in the past; an offer starts today (${today}) or later`);
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
