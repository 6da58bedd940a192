import { ErrorCode } from '../../common/app-error.js';
import { capabilityFigures, checkComponents, commitmentConcentration, monthlySeries } from './capability.js';

const B = (id: string, educators: number) => ({ id, code: id, name: `Building ${id}`, educators });
const COMPONENTS = [
  { competencyId: 'tool', minLevel: 2 },
  { competencyId: 'bias', minLevel: 2 },
  { competencyId: 'privacy', minLevel: 2 },
];

describe('named capabilities by building', () => {
  it('flags a building where each part is held by someone but nobody holds the whole', () => {
    const holders = [
      { buildingId: 'A', competencyId: 'tool', holders: 1 },
      { buildingId: 'A', competencyId: 'bias', holders: 1 },
      { buildingId: 'A', competencyId: 'privacy', holders: 2 },
      { buildingId: 'B', competencyId: 'tool', holders: 1 },
      { buildingId: 'B', competencyId: 'bias', holders: 1 },
      { buildingId: 'C', competencyId: 'tool', holders: 2 },
      { buildingId: 'C', competencyId: 'bias', holders: 2 },
      { buildingId: 'C', competencyId: 'privacy', holders: 2 },
    ];
    const r = capabilityFigures([B('A', 5), B('B', 4), B('C', 10), B('D', 0)], COMPONENTS, holders, [{ buildingId: 'C', covered: 1 }], 0.2);
    expect(r.buildings.map((b) => [b.building.id, b.covered, b.split, b.gap])).toEqual([
      ['A', 0, true, 'SPLIT'],
      ['B', 0, false, 'NOBODY'],
      ['C', 1, false, 'BELOW_THRESHOLD'],
      ['D', 0, false, 'NOBODY'],
    ]);
    expect(r.buildings[0].components.map((c) => c.holders)).toEqual([1, 1, 2]);
    expect(r.total).toEqual({ educators: 19, covered: 1, share: 1 / 19 });
    expect(r.buildings[3].share).toBeNull();
  });

  it('refuses empty, repeated or out-of-range components', () => {
    for (const bad of [
      [],
      [
        { competencyId: 'x', minLevel: 2 },
        { competencyId: 'x', minLevel: 3 },
      ],
      [{ competencyId: 'x', minLevel: 5 }],
    ]) {
      expect(() => checkComponents(bad)).toThrow(expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT }));
    }
  });

  it('builds 12 monthly as-of days ending at the day asked', () => {
    expect(monthlySeries('2026-03-15')).toEqual([
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-15',
    ]);
  });
});

describe('concentration of hybrid commitments', () => {
  it('takes the share carried by the top 3 educators of each building', () => {
    const c = (educatorId: string, roleFte = 0.2) => ({ educatorId, fullName: educatorId, buildingId: 'A', roleFte });
    const rows = commitmentConcentration(
      [B('A', 8), B('B', 3)],
      [c('p1'), c('p1'), c('p1'), c('p2'), c('p2'), c('p3', 0.4), c('p4'), c('p5')],
    );
    expect(rows[0]).toMatchObject({
      commitments: 8,
      educatorsCommitted: 5,
      topThreeCommitments: 6,
      topThreeShare: 6 / 8,
      totalRoleFte: 1.8,
      topThreeRoleFte: 1.4,
    });
    expect(rows[0].topThree.map((p) => p.educatorId)).toEqual(['p1', 'p2', 'p3']);
    expect(rows[1]).toMatchObject({ commitments: 0, topThreeShare: null, topThreeFteShare: null });
  });
});
