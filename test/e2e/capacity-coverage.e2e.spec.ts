import { readFileSync } from 'node:fs';
import { Persona } from '../../src/access/persona.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Figures below are counted by hand from the district described in `capacity-district.ts`. */
describe('capacity coverage over HTTP, on a district counted by hand', () => {
  let t: TestApp;
  let hr: string;
  let d: CapacityDistrict;
  const AS_OF = '2025-06-30';

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    d = await buildCapacityDistrict(t.ds);
  });
  afterAll(() => t.close());

  const COVERAGE = `query($ids: [ID!], $min: Int!, $asOf: String, $statuses: [VerificationStatus!], $buildings: [ID!]) {
    capacityCoverage(competencyIds: $ids, minLevel: $min, asOf: $asOf, statuses: $statuses, buildingIds: $buildings) {
      basis { asOf statuses policyVersion attendanceCapLevel buildingIds }
      minLevel
      competencies { code }
      total { educators covered share }
      buildings { building { code } educators covered share }
    }
  }`;
  const tbp = () => [d.competencies.T, d.competencies.B, d.competencies.P];
  const coverage = async (vars: Record<string, unknown>) => {
    const res = await t.gql(COVERAGE, { ids: tbp(), min: 2, asOf: AS_OF, ...vars }, hr);
    expect(res.errors).toBeUndefined();
    return res.data.capacityCoverage;
  };
  const row = (code: string, educators: number, covered: number, share: number | null) => ({
    building: { code },
    educators,
    covered,
    share,
  });

  it('counts educators with all three competencies at level 2+, verified and endorsed evidence, every building listed', async () => {
    const r = await coverage({});
    expect(r.basis).toEqual({
      asOf: AS_OF,
      statuses: ['VERIFIED', 'ENDORSED'],
      policyVersion: 2,
      attendanceCapLevel: 1,
      buildingIds: null,
    });
    expect(r.competencies.map((c: { code: string }) => c.code)).toEqual(['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY']);
    // n1, n2 | s2 | w1, w4. Not: n3 (self-reported), n4 (attendance capped at 1), s1 (expired), w2 (no privacy).
    expect(r.total).toEqual({ educators: 12, covered: 5, share: 5 / 12 });
    expect(r.buildings).toEqual([row('EMPTY', 0, 0, null), row('NORTH', 4, 2, 0.5), row('SOUTH', 4, 1, 0.25), row('WEST', 4, 2, 0.5)]);
  });

  it('answers for a past date from the evidence valid then, with the staff on hand then', async () => {
    const r = await coverage({ asOf: '2024-06-30' });
    // n2's privacy PD starts 2024-09-01; s1's certification has not expired; w4 was not hired yet.
    expect(r.buildings).toEqual([row('EMPTY', 0, 0, null), row('NORTH', 4, 1, 0.25), row('SOUTH', 4, 2, 0.5), row('WEST', 3, 1, 1 / 3)]);
    expect(r.total).toEqual({ educators: 11, covered: 4, share: 4 / 11 });
  });

  it('counts a credential on its expiry day and not the day after', async () => {
    expect((await coverage({ asOf: '2024-12-31' })).buildings[2]).toEqual(row('SOUTH', 4, 2, 0.5));
    expect((await coverage({ asOf: '2025-01-01' })).buildings[2]).toEqual(row('SOUTH', 4, 1, 0.25));
  });

  it('follows the verification filter', async () => {
    const verified = await coverage({ statuses: ['VERIFIED'] });
    expect(verified.buildings).toEqual([row('EMPTY', 0, 0, null), row('NORTH', 4, 1, 0.25), row('SOUTH', 4, 0, 0), row('WEST', 4, 2, 0.5)]);
    expect(verified.total).toEqual({ educators: 12, covered: 3, share: 0.25 });
    const all = await coverage({ statuses: ['VERIFIED', 'ENDORSED', 'SELF_REPORTED'] });
    expect(all.buildings.map((b: { covered: number }) => b.covered)).toEqual([0, 3, 1, 2]);
    expect(all.total).toEqual({ educators: 12, covered: 6, share: 0.5 });
  });

  it('limits to the selected buildings, the total included', async () => {
    const r = await coverage({ buildings: [d.buildings.NORTH, d.buildings.EMPTY] });
    expect(r.basis.buildingIds).toEqual([d.buildings.NORTH, d.buildings.EMPTY]);
    expect(r.buildings).toEqual([row('EMPTY', 0, 0, null), row('NORTH', 4, 2, 0.5)]);
    expect(r.total).toEqual({ educators: 4, covered: 2, share: 0.5 });
    const west = await coverage({ buildings: [d.buildings.WEST] });
    expect(west.buildings).toEqual([row('WEST', 4, 2, 0.5)]);
  });

  it('raises the bar with the level: nobody shows all three at 3 (w1 holds bias at 2); n1 and w1 show tool evaluation at 3+', async () => {
    const r = await coverage({ min: 3 });
    expect(r.total).toEqual({ educators: 12, covered: 0, share: 0 });
    const one = await coverage({ ids: [d.competencies.T], min: 3 });
    expect(one.buildings.map((b: { covered: number }) => b.covered)).toEqual([0, 1, 0, 1]);
  });

  it('defaults asOf to today', async () => {
    const res = await t.gql(COVERAGE, { ids: tbp(), min: 2 }, hr);
    expect(res.data.capacityCoverage.basis.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('answers the saved superintendent query as it is stored', async () => {
    const query = readFileSync(new URL('../../graphql/examples/superintendent-coverage.graphql', import.meta.url), 'utf8');
    const res = await t.gql(query, { asOf: AS_OF }, hr);
    expect(res.errors).toBeUndefined();
    const r = res.data.capacityCoverage;
    expect(r.competencies.map((c: { code: string }) => c.code)).toEqual(['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY']);
    expect(r.total).toEqual({ educators: 12, covered: 5, share: 5 / 12 });
    expect(r.buildings.map((b: { building: { code: string }; covered: number }) => [b.building.code, b.covered])).toEqual([
      ['EMPTY', 0],
      ['NORTH', 2],
      ['SOUTH', 1],
      ['WEST', 2],
    ]);
    expect(r.csv).toBe(
      [
        'as_of,statuses,competencies,min_level,scope,building_code,building_name,educators,covered,share',
        '2025-06-30,VERIFIED|ENDORSED,AI-TOOL-EVAL+AI-BIAS+DATA-PRIVACY,2,TOTAL,,,12,5,0.4167',
        '2025-06-30,VERIFIED|ENDORSED,AI-TOOL-EVAL+AI-BIAS+DATA-PRIVACY,2,BUILDING,EMPTY,Empty School,0,0,',
        '2025-06-30,VERIFIED|ENDORSED,AI-TOOL-EVAL+AI-BIAS+DATA-PRIVACY,2,BUILDING,NORTH,North School,4,2,0.5000',
        '2025-06-30,VERIFIED|ENDORSED,AI-TOOL-EVAL+AI-BIAS+DATA-PRIVACY,2,BUILDING,SOUTH,South School,4,1,0.2500',
        '2025-06-30,VERIFIED|ENDORSED,AI-TOOL-EVAL+AI-BIAS+DATA-PRIVACY,2,BUILDING,WEST,West School,4,2,0.5000',
        '',
      ].join('\n'),
    );
  });

  it('reads evidence without writing anything', async () => {
    const count = async () =>
      (await t.ds.query(`SELECT (SELECT count(*) FROM evidence)::int AS e, (SELECT count(*) FROM audit_entry)::int AS a`))[0];
    const before = await count();
    await coverage({});
    expect(await count()).toEqual(before);
  });
});
