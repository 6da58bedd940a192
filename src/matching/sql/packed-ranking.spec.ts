import { compareCandidates, sharedRanks, type Rankable } from '../domain/ranking.js';
import type { TieBreakRule } from '../domain/scoring-policy.js';
import { leadingRanking, unpackRanking } from './packed-ranking.js';

/** Packs candidates as packedRankingSql's records: uuid_send, three int4send and boolsend. */
function pack(cs: Rankable[]): Buffer {
  return Buffer.concat(
    cs.map((c) => {
      const b = Buffer.alloc(29);
      Buffer.from(c.educatorId.replace(/-/g, ''), 'hex').copy(b, 0);
      b.writeInt32BE(c.score, 16);
      b.writeInt32BE(c.requiredMet, 20);
      b.writeInt32BE(c.metCount, 24);
      b[28] = c.qualified ? 1 : 0;
      return b;
    }),
  );
}

function candidates(n: number, seed: number): Rankable[] {
  let s = seed;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const hex = (v: number, w: number) => Math.floor(v).toString(16).padStart(w, '0');
  return Array.from({ length: n }, (_, i) => {
    const requiredMet = Math.floor(r() * 3);
    return {
      educatorId: `${hex(r() * 2 ** 32, 8)}-${hex(r() * 65536, 4)}-4000-8000-${hex(i, 12)}`,
      qualified: requiredMet === 2,
      score: Math.floor(r() * 5) * 100,
      requiredMet,
      metCount: requiredMet + Math.floor(r() * 2),
    };
  });
}

describe('unpackRanking', () => {
  for (const rule of ['EDUCATOR_ID', 'REQUIRED_MET_THEN_EDUCATOR_ID'] as TieBreakRule[]) {
    for (const [what, sorted] of [
      ['in educator id order', true],
      ['out of order (the slower sort)', false],
    ] as const) {
      it(`orders records ${what} as the domain's comparator does, with shared ranks and tie sizes (${rule})`, () => {
        const cs = candidates(2000, sorted ? 3 : 4);
        if (sorted) cs.sort((a, b) => (a.educatorId < b.educatorId ? -1 : 1));
        const want = [...cs].sort(compareCandidates(rule));
        const got = unpackRanking(pack(cs), rule);
        expect([...got.ids]).toEqual(want.map((c) => c.educatorId));
        expect([...got.scores]).toEqual(want.map((c) => c.score));
        expect([...got.requiredMet]).toEqual(want.map((c) => c.requiredMet));
        expect([...got.metCount]).toEqual(want.map((c) => c.metCount));
        expect([...got.qualified]).toEqual(want.map((c) => (c.qualified ? 1 : 0)));
        const shared = sharedRanks(want);
        expect([...got.ranks]).toEqual(shared.map((s) => s.rank));
        expect([...got.tied].map(Boolean)).toEqual(shared.map((s) => s.tied));
        expect(got.qualifiedCount).toBe(want.filter((c) => c.qualified).length);
      });
    }
  }

  it('reads an empty ranking (no rows: the aggregate is null) and refuses a torn record', () => {
    expect(unpackRanking(null, 'EDUCATOR_ID').ids.length).toBe(0);
    expect(() => unpackRanking(Buffer.alloc(30), 'EDUCATOR_ID')).toThrow(/not whole records/);
  });
});

describe('leadingRanking', () => {
  const row = (n: number, score: number, qualified = true) => ({
    educatorId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    score,
    requiredMet: qualified ? 1 : 0,
    metCount: qualified ? 1 : 0,
    qualified,
  });

  it('holds the first candidates with shared ranks; one row more tells whether the last held one is tied', () => {
    const rows = [row(1, 90), row(2, 80), row(3, 80), row(4, 80), row(5, 10, false)];
    const two = leadingRanking(rows.slice(0, 3), 2, 40, 30);
    expect([...two.ids]).toEqual([rows[0].educatorId, rows[1].educatorId]);
    expect([...two.ranks]).toEqual([1, 2]);
    expect([...two.tied]).toEqual([0, 1]);
    expect([two.total, two.qualifiedCount]).toEqual([40, 30]);
    const all = leadingRanking(rows, 5, 5, 4);
    expect([...all.ranks]).toEqual([1, 2, 2, 2, 5]);
    expect([...all.tied]).toEqual([0, 1, 1, 1, 0]);
    expect([...all.qualified]).toEqual([1, 1, 1, 1, 0]);
  });

  it('refuses to hold more candidates than it was given', () => {
    expect(() => leadingRanking([row(1, 5)], 2, 2, 2)).toThrow(/Cannot hold 2/);
  });
});
