import { hideSmallCounts } from './small-counts.js';

describe('hideSmallCounts', () => {
  it('nulls counts from 1 to below-1 and the shares built on them, keeps zero and larger counts', () => {
    const report = {
      total: { educators: 40, covered: 12, share: 0.3 },
      buildings: [
        { building: { code: 'A' }, educators: 3, covered: 1, share: 0.3333 },
        { building: { code: 'B' }, educators: 30, covered: 0, share: 0 },
        { building: { code: 'C' }, educators: 7, covered: 5, share: 0.7143 },
      ],
    };
    expect(hideSmallCounts(report, 5)).toEqual({
      total: { educators: 40, covered: 12, share: 0.3 },
      buildings: [
        { building: { code: 'A' }, educators: null, covered: null, share: null },
        { building: { code: 'B' }, educators: 30, covered: 0, share: 0 },
        { building: { code: 'C' }, educators: 7, covered: 5, share: 0.7143 },
      ],
    });
    expect(report.buildings[0].educators).toBe(3); // the input is not changed
  });

  it('drops named holders of evidence, and a spread whose best or worst share is hidden', () => {
    const out = hideSmallCounts(
      {
        buildings: [{ educators: 9, holders: 2, topThreeShare: 1, topHolders: [{ fullName: 'Bea Lopez', evidence: 2 }] }],
        spread: { best: { share: null }, worst: { share: 0.1 }, spread: 0.5 },
      },
      5,
    );
    expect(out).toEqual({ buildings: [{ educators: 9, holders: null, topThreeShare: null, topHolders: [] }], spread: null });
  });

  it('drops a list of named people (overextended educators) and hides their count when small', () => {
    const out = hideSmallCounts(
      { overextendedCount: 2, educators: [{ fullName: 'Bea Lopez', totalRoleFte: 0.6 }], buildings: [{ educators: 9 }] },
      5,
    );
    expect(out).toEqual({ overextendedCount: null, educators: [], buildings: [{ educators: 9 }] });
  });

  it('hides nothing with a threshold of 1', () => {
    const r = { educators: 1, covered: 1, share: 1 };
    expect(hideSmallCounts(r, 1)).toEqual(r);
  });
});
