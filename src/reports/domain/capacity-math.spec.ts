import { AppError } from '../../common/app-error.js';
import {
  atOrAboveCounts,
  checkShareThreshold,
  concentration,
  gapReason,
  isConcentrated,
  share,
  spreadOf,
  totalFte,
} from './capacity-math.js';

describe('share', () => {
  it('divides by the educators on staff', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 3)).toBe(0);
    expect(share(3, 3)).toBe(1);
    expect(share(2, 3)).toBe(2 / 3);
  });

  it('is null, not zero, for a building with nobody on staff', () => {
    expect(share(0, 0)).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => share(5, 4)).toThrow(RangeError);
    expect(() => share(-1, 4)).toThrow(RangeError);
    expect(() => share(1.5, 4)).toThrow(RangeError);
  });
});

describe('gap detection', () => {
  it('calls a building with nobody at the level a gap whatever the threshold', () => {
    expect(gapReason(0, 10, 0)).toBe('NOBODY');
    expect(gapReason(0, 0, 0.2)).toBe('NOBODY');
  });

  it('flags a share strictly below the threshold, not one equal to it', () => {
    expect(gapReason(1, 5, 0.25)).toBe('BELOW_THRESHOLD');
    expect(gapReason(1, 4, 0.25)).toBeNull();
    expect(gapReason(3, 10, 0.3)).toBeNull();
    expect(gapReason(2, 3, 1)).toBe('BELOW_THRESHOLD');
    expect(gapReason(3, 3, 1)).toBeNull();
  });

  it('refuses thresholds outside 0..1 with a coded error', () => {
    for (const bad of [-0.01, 1.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => gapReason(1, 2, bad)).toThrow(AppError);
      expect(() => checkShareThreshold(bad)).toThrow(/between 0 and 1/);
    }
    expect(() => checkShareThreshold(0)).not.toThrow();
    expect(() => checkShareThreshold(1)).not.toThrow();
  });
});

describe('spread between best- and worst-covered buildings', () => {
  it('is the best share minus the worst share', () => {
    const r = spreadOf([
      { code: 'B', share: 0.25 },
      { code: 'A', share: 0.75 },
      { code: 'C', share: 0.5 },
    ]);
    expect(r).toEqual({ best: { code: 'A', share: 0.75 }, worst: { code: 'B', share: 0.25 }, spread: 0.5 });
  });

  it('leaves empty buildings out and breaks ties by building code', () => {
    const r = spreadOf([
      { code: 'Z', share: 0.5 },
      { code: 'E', share: null },
      { code: 'M', share: 0.5 },
      { code: 'K', share: 0 },
      { code: 'D', share: 0 },
    ]);
    expect(r?.best.code).toBe('M');
    expect(r?.worst.code).toBe('D');
    expect(r?.spread).toBe(0.5);
  });

  it('is 0 with one measured building and null with none', () => {
    expect(spreadOf([{ code: 'A', share: 0.4 }])?.spread).toBe(0);
    expect(spreadOf([{ code: 'A', share: null }])).toBeNull();
    expect(spreadOf([])).toBeNull();
  });
});

describe('at-or-above counts', () => {
  it('accumulates exact levels into "at or above" for levels 1..4', () => {
    const exact = new Map([
      [1, 3],
      [2, 2],
      [4, 1],
    ]);
    expect(atOrAboveCounts(exact, 4)).toEqual([6, 3, 1, 1]);
  });

  it('counts levels above the scale toward every entry and handles nobody', () => {
    expect(atOrAboveCounts(new Map([[6, 2]]), 4)).toEqual([2, 2, 2, 2]);
    expect(atOrAboveCounts(new Map(), 4)).toEqual([0, 0, 0, 0]);
  });
});

describe('concentration of level-3+ evidence', () => {
  it('is the share held by the three people holding most', () => {
    expect(concentration([5, 1, 1, 1, 2])).toEqual({ total: 10, topCount: 8, topShare: 0.8 });
  });

  it('ignores people holding none and is null for a building holding none', () => {
    expect(concentration([0, 0, 2])).toEqual({ total: 2, topCount: 2, topShare: 1 });
    expect(concentration([0, 0])).toEqual({ total: 0, topCount: 0, topShare: null });
    expect(concentration([])).toEqual({ total: 0, topCount: 0, topShare: null });
  });

  it('flags a building only when it has more educators than the top group and the share is above the threshold', () => {
    const c = concentration([3, 1]);
    expect(isConcentrated(c, 10, 0.5)).toBe(true);
    expect(isConcentrated(c, 3, 0.5)).toBe(false);
    expect(isConcentrated(concentration([1, 1, 1, 1, 1, 1]), 6, 0.5)).toBe(false);
    expect(isConcentrated(concentration([2, 1, 1, 1, 1]), 6, 2 / 3)).toBe(false);
    expect(isConcentrated(concentration([]), 6, 0.5)).toBe(false);
  });
});

describe('total role FTE', () => {
  it('adds in hundredths so decimal FTEs add up exactly', () => {
    expect(totalFte([0.1, 0.2])).toBe(0.3);
    expect(totalFte([0.4, 0.2, 0.15])).toBe(0.75);
    expect(totalFte([])).toBe(0);
  });
});
