import { badInput } from '../../common/app-error.js';

/**
 * Capacity arithmetic. Every share here has one denominator: the educators on staff in the building
 * (or in all selected buildings for a total). A building with nobody on staff has no share (null),
 * not a share of 0, so an empty building neither drags an average down nor wins "worst covered".
 */

/** count / total, or null when there is nobody to count. */
export function share(count: number, total: number): number | null {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || count > total) {
    throw new RangeError(`share needs whole counts with 0 <= count <= total, got ${count}/${total}`);
  }
  return total === 0 ? null : count / total;
}

/** A share threshold is a fraction of a building's educators: 0 to 1 inclusive. */
export function checkShareThreshold(threshold: number, name = 'threshold'): void {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    throw badInput(`${name} must be a share between 0 and 1, got ${threshold}`);
  }
}

export type GapReason = 'NOBODY' | 'BELOW_THRESHOLD';

/**
 * Why a building is a gap for one competency at one level, or null when it is not:
 * nobody at the level (empty buildings included) or a share strictly below the threshold.
 */
export function gapReason(count: number, total: number, threshold: number): GapReason | null {
  checkShareThreshold(threshold);
  if (count === 0) return 'NOBODY';
  const s = share(count, total) as number;
  return s < threshold ? 'BELOW_THRESHOLD' : null;
}

export interface Ranked {
  /** Display order key used to break ties (the building code). */
  code: string;
  share: number | null;
}

export interface SpreadResult<T extends Ranked> {
  best: T;
  worst: T;
  /** best.share - worst.share, 0 when only one building has educators. */
  spread: number;
}

/**
 * The gap between the best- and worst-covered buildings. Buildings with no educators have no share
 * and are left out; null when no building has any. Ties go to the lower code so the answer is stable.
 */
export function spreadOf<T extends Ranked>(rows: readonly T[]): SpreadResult<T> | null {
  const measured = rows.filter((r): r is T & { share: number } => r.share !== null);
  if (!measured.length) return null;
  const byCode = [...measured].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  let best = byCode[0];
  let worst = byCode[0];
  for (const r of byCode) {
    if (r.share > best.share) best = r;
    if (r.share < worst.share) worst = r;
  }
  return { best, worst, spread: best.share - worst.share };
}

/**
 * From the number of educators at each exact demonstrated level, how many are at or above each level
 * 1..maxLevel (index 0 is level 1). Levels above maxLevel count toward every entry.
 */
export function atOrAboveCounts(countsByLevel: ReadonlyMap<number, number>, maxLevel: number): number[] {
  const out = new Array<number>(maxLevel).fill(0);
  for (const [level, n] of countsByLevel) {
    for (let l = 1; l <= Math.min(level, maxLevel); l += 1) out[l - 1] += n;
  }
  return out;
}

export interface Concentration {
  /** All counted items across the building. */
  total: number;
  /** Items held by the `top` people holding most. */
  topCount: number;
  /** topCount / total; null when the building holds none. */
  topShare: number | null;
}

/** How much of a building's expertise the `top` people holding most of it account for. */
export function concentration(countsPerPerson: readonly number[], top = 3): Concentration {
  const sorted = countsPerPerson.filter((n) => n > 0).sort((a, b) => b - a);
  const total = sorted.reduce((s, n) => s + n, 0);
  const topCount = sorted.slice(0, top).reduce((s, n) => s + n, 0);
  return { total, topCount, topShare: total === 0 ? null : topCount / total };
}

/**
 * "A few people hold most of it": the top share is strictly above the threshold, in a building with
 * more educators than the top group (with 3 or fewer on staff the top 3 trivially hold everything).
 */
export function isConcentrated(c: Concentration, educators: number, threshold: number, top = 3): boolean {
  return educators > top && c.topShare !== null && c.topShare > threshold;
}

/** Sum of role FTEs in hundredths, so 0.1 + 0.2 is 0.3 and not 0.30000000000000004. */
export function totalFte(ftes: readonly number[]): number {
  return ftes.reduce((s, f) => s + Math.round(f * 100), 0) / 100;
}
