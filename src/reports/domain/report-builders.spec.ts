import {
  concentrationFigures,
  coverageFigures,
  gapFigures,
  heatMapFigures,
  overextendedEducators,
  pipelineFigures,
} from './report-builders.js';

const A = { id: 'a', code: 'A', name: 'Alpha', educators: 4 };
const B = { id: 'b', code: 'B', name: 'Beta', educators: 2 };
const Z = { id: 'z', code: 'Z', name: 'Zed', educators: 0 };
const T = { id: 't', code: 'T', name: 'Tool', frameworkCode: 'F' };
const rows = [
  { buildingId: 'a', competencyId: 't', level: 1, educators: 1 },
  { buildingId: 'a', competencyId: 't', level: 3, educators: 2 },
  { buildingId: 'b', competencyId: 't', level: 2, educators: 1 },
];

describe('report figures from database rows', () => {
  it('coverage totals add the buildings up and share over the educators on staff', () => {
    const r = coverageFigures([
      { ...A, covered: 1 },
      { ...B, covered: 2 },
      { ...Z, covered: 0 },
    ]);
    expect(r.total).toEqual({ educators: 6, covered: 3, share: 0.5 });
    expect(r.buildings.map((b) => b.share)).toEqual([0.25, 1, null]);
  });

  it('heat map cells count at or above each level, with a total row', () => {
    const r = heatMapFigures([A, B, Z], [T], rows);
    expect(r.rows.map((x) => x.cells[0].atOrAbove.map((l) => l.educators))).toEqual([
      [3, 2, 2, 0],
      [1, 1, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(r.total).toEqual({
      educators: 6,
      cells: [
        { competencyId: 't', competencyCode: 'T', atOrAbove: [1, 2, 3, 4].map((level, i) => ({ level, educators: [4, 3, 2, 0][i] })) },
      ],
    });
  });

  it('gaps name empty and thin buildings, and the spread ignores buildings with nobody on staff', () => {
    const [g] = gapFigures([A, B, Z], [T], rows, 3, 0.6);
    expect(g.buildings.map((b) => [b.building.code, b.atLevel, b.share, b.gap])).toEqual([
      ['A', 2, 0.5, 'BELOW_THRESHOLD'],
      ['B', 0, 0, 'NOBODY'],
      ['Z', 0, null, 'NOBODY'],
    ]);
    expect(g.gaps.map((b) => b.building.code)).toEqual(['B', 'A', 'Z']);
    expect(g.spread).toEqual({ best: g.buildings[0], worst: g.buildings[1], spread: 0.5 });
  });

  it('pipeline totals are the sum of the buildings', () => {
    const [p] = pipelineFigures([A, B, Z], [T], rows, 2, { attendanceCapLevel: 1 });
    expect([p.educators, p.atOrAboveTarget, p.oneLevelShort, p.furtherShort]).toEqual([6, 3, 1, 2]);
    expect(p.buildings.map((b) => [b.atOrAboveTarget, b.oneLevelShort, b.furtherShort])).toEqual([
      [2, 1, 1],
      [1, 0, 1],
      [0, 0, 0],
    ]);
    expect(p.closingEvidence.some((e) => e.kind === 'COURSE')).toBe(false);
  });

  it("overextension adds an educator's active commitments and flags totals at or above the threshold", () => {
    const c = (educatorId: string, fullName: string, roleFte: number) => ({
      educatorId,
      fullName,
      buildingId: 'a',
      roleId: `r-${roleFte}`,
      roleTitle: 'R',
      roleFte,
      startsOn: '2025-01-01',
      endsOn: null,
    });
    const flagged = overextendedEducators(
      [c('e1', 'Ann', 0.1), c('e1', 'Ann', 0.2), c('e1', 'Ann', 0.1), c('e2', 'Bob', 0.39), c('e3', 'Cy', 0.5)],
      new Map([['a', A]]),
      0.4,
    );
    expect(flagged.map((e) => [e.fullName, e.totalRoleFte, e.commitments.length])).toEqual([
      ['Cy', 0.5, 1],
      ['Ann', 0.4, 3],
    ]);
  });

  it('concentration takes the top three holders of each building, most first', () => {
    const h = (educatorId: string, evidence: number) => ({ buildingId: 'a', educatorId, fullName: educatorId, evidence });
    const [a, b] = concentrationFigures([A, B], [h('p', 1), h('q', 4), h('r', 2), h('s', 1)], 0.5);
    expect(a).toMatchObject({ expertEvidence: 8, holders: 4, topThreeEvidence: 7, topThreeShare: 7 / 8, concentrated: true });
    expect(a.topHolders.map((x) => x.educatorId)).toEqual(['q', 'r', 'p']);
    expect(b).toMatchObject({ expertEvidence: 0, topThreeShare: null, concentrated: false, topHolders: [] });
  });
});
