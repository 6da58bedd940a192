import { compareCandidates, rankedPositions, type Rankable } from './ranking.js';
import type { TieBreakRule } from './scoring-policy.js';

/** A deterministic pseudo-random sequence, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

function candidates(n: number, seed: number, sortedIds = true): Rankable[] {
  const r = random(seed);
  const ids = Array.from({ length: n }, (_, i) => `${hex(Math.floor(r() * 2 ** 32))}-0000-4000-8000-${hex(i).padStart(12, '0')}`);
  if (sortedIds) ids.sort();
  // Few distinct scores, so ties (and the tie-break rule) decide most of the order.
  return ids.map((educatorId) => {
    const requiredMet = Math.floor(r() * 4);
    return {
      educatorId,
      qualified: requiredMet === 3,
      score: Math.floor(r() * 6) * 50,
      requiredMet,
      metCount: requiredMet + Math.floor(r() * 3),
    };
  });
}

const byComparator = (cs: Rankable[], rule: TieBreakRule) => [...cs].sort(compareCandidates(rule)).map((c) => c.educatorId);
const byPositions = (cs: Rankable[], rule: TieBreakRule) => [...rankedPositions(cs, rule)].map((i) => cs[i].educatorId);

describe('rankedPositions', () => {
  for (const rule of ['EDUCATOR_ID', 'REQUIRED_MET_THEN_EDUCATOR_ID'] as TieBreakRule[]) {
    it(`orders candidates exactly as the comparator does (${rule})`, () => {
      for (const seed of [1, 2, 3]) {
        const cs = candidates(3000, seed);
        expect(byPositions(cs, rule)).toEqual(byComparator(cs, rule));
      }
    });

    it(`falls back to the comparator when the ids are not in order or a value cannot be packed (${rule})`, () => {
      const unsorted = candidates(500, 7, false);
      expect(byPositions(unsorted, rule)).toEqual(byComparator(unsorted, rule));
      const outOfRange = candidates(500, 8);
      outOfRange[10] = { ...outOfRange[10], score: 2 ** 22 };
      outOfRange[20] = { ...outOfRange[20], score: 0.5 };
      outOfRange[30] = { ...outOfRange[30], requiredMet: 40, metCount: 40 };
      expect(byPositions(outOfRange, rule)).toEqual(byComparator(outOfRange, rule));
    });
  }

  it('orders nothing and one candidate', () => {
    expect([...rankedPositions([], 'EDUCATOR_ID')]).toEqual([]);
    expect([...rankedPositions(candidates(1, 4), 'EDUCATOR_ID')]).toEqual([0]);
  });
});
