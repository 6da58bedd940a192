import { Persona } from '../../src/access/persona.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const AS_OF = '2025-06-30';
const HEAT = `query($ids: [ID!], $asOf: String) { capacityHeatMap(competencyIds: $ids, asOf: $asOf) {
  basis { smallCountsHiddenBelow }
  rows { building { code } educators cells { competencyCode atOrAbove { level educators } } }
  total { educators cells { atOrAbove { level educators } } } csv } }`;
const COVERAGE = `query($codes: [String!], $asOf: String) { capacityCoverage(competencyCodes: $codes, frameworkCode: "DISTRICT-AI-READINESS", minLevel: 2, asOf: $asOf) {
  basis { smallCountsHiddenBelow } total { educators covered share } buildings { building { code } educators covered share } csv } }`;
const OVER = `query($asOf: String) { capacityOverextension(asOf: $asOf) {
  buildings { building { code } educators holders topThreeShare topHolders { fullName evidence } } } }`;

/** The district of `capacity-district.ts`: NORTH, SOUTH and WEST have 4 educators each, EMPTY none; 12 in all. */
describe('the district leader persona', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  let hr: string;
  let leader: string;

  beforeAll(async () => {
    t = await startTestApp();
    d = await buildCapacityDistrict(t.ds);
    hr = (await t.signInAs([Persona.HR])).token;
    leader = (await t.signInAs([Persona.LEADER])).token;
  });
  afterAll(() => t.close());

  const ask = async (query: string, vars: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, vars, token);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data)[0] as any;
  };

  it('reads the heat map with counts under 5 shown as "fewer than 5"; zeros and larger counts stay', async () => {
    const full = await ask(HEAT, { ids: [d.competencies.T], asOf: AS_OF }, hr);
    const seen = await ask(HEAT, { ids: [d.competencies.T], asOf: AS_OF }, leader);
    expect(full.basis.smallCountsHiddenBelow).toBeNull();
    expect(seen.basis.smallCountsHiddenBelow).toBe(5);
    const row = (r: any, code: string) => r.rows.find((x: any) => x.building.code === code);
    expect(row(full, 'NORTH').educators).toBe(4);
    expect(row(seen, 'NORTH').educators).toBeNull();
    expect(row(seen, 'NORTH').cells[0].atOrAbove.map((l: any) => l.educators)).toEqual([null, null, null, 0]);
    expect(row(seen, 'EMPTY').educators).toBe(0);
    expect(seen.total.educators).toBe(12);
    expect(seen.total.cells[0].atOrAbove.map((l: any) => l.educators)).toEqual([8, 6, null, null]);
    expect(seen.csv).toContain('BUILDING,NORTH,North School,fewer than 5,AI-TOOL-EVAL,fewer than 5,fewer than 5,fewer than 5,0');
    expect(full.csv).not.toContain('fewer than');
  });

  it('reads coverage: shares built on hidden counts are hidden too', async () => {
    const seen = await ask(COVERAGE, { codes: ['AI-TOOL-EVAL'], asOf: AS_OF }, leader);
    expect(seen.total).toMatchObject({ educators: 12 });
    for (const b of seen.buildings.filter((x: any) => x.building.code !== 'EMPTY')) {
      expect(b).toMatchObject({ educators: null, covered: null, share: null });
    }
  });

  it('reads overextension without the named holders of evidence', async () => {
    const full = await ask(OVER, { asOf: AS_OF }, hr);
    const seen = await ask(OVER, { asOf: AS_OF }, leader);
    expect(full.buildings.some((b: any) => b.topHolders.length > 0)).toBe(true);
    for (const b of seen.buildings) expect(b.topHolders).toEqual([]);
  });

  it('reads overextension as a count, hidden when small, never as named people and the roles they took', async () => {
    const Q = `query($asOf: String) { capacityOverextension(asOf: $asOf) { overextendedCount educators { fullName commitments { roleTitle } } csv } }`;
    const full = await ask(Q, { asOf: AS_OF }, hr);
    expect(full.educators.length).toBeGreaterThan(0);
    expect(full.overextendedCount).toBe(full.educators.length);
    const seen = await ask(Q, { asOf: AS_OF }, leader);
    expect(seen.educators).toEqual([]);
    expect(seen.overextendedCount).toBeNull(); // fewer than 5 in this district
    for (const e of full.educators) expect(seen.csv).not.toContain(e.fullName);
  });

  it('sees nothing that identifies an individual: no evidence, applications, rankings or scores', async () => {
    const educatorId = Object.values(d.educators)[0];
    const items = await t.gql(`query($id: ID) { evidenceItems(educatorId: $id) { totalCount } }`, { id: educatorId }, leader);
    expect(items.data?.evidenceItems?.totalCount ?? 0).toBe(0);
    const [evidence] = await t.ds.query('SELECT id FROM evidence LIMIT 1');
    expect(codeOf(await t.gql(`query($id: ID!) { evidence(id: $id) { id } }`, { id: evidence.id }, leader))).toBe('NOT_FOUND');
    const educator = await t.gql(`query($id: ID!) { educator(id: $id) { workEmail } }`, { id: educatorId }, leader);
    expect(educator.data?.educator?.workEmail ?? null).toBeNull();
    expect(codeOf(await t.gql(`{ educators { totalCount } }`, {}, leader))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`query($id: ID!) { educatorStanding(educatorId: $id) { educatorId } }`, { id: educatorId }, leader))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the leader threshold is configurable', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  beforeAll(async () => {
    t = await startTestApp({ LEADER_MIN_COUNT: '3' });
    d = await buildCapacityDistrict(t.ds);
  });
  afterAll(() => t.close());

  it('with 3, a building of four is shown and counts of 1 and 2 are hidden', async () => {
    const leader = (await t.signInAs([Persona.LEADER])).token;
    const res = await t.gql(HEAT, { ids: [d.competencies.T], asOf: AS_OF }, leader);
    const north = res.data.capacityHeatMap.rows.find((x: any) => x.building.code === 'NORTH');
    expect(north.educators).toBe(4);
    expect(north.cells[0].atOrAbove.map((l: any) => l.educators)).toEqual([3, null, null, 0]);
  });
});

describe('the district leader reads the equity reports with small counts hidden and no names', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  let hr: string;
  let leader: string;
  const CREATE = `mutation($input: CreateCapabilityInput!) { createCapability(input: $input) { id } }`;
  const CAP = `query($asOf: String) { capabilityCoverage(capabilityCode: "AI-TOOL-REVIEW", asOf: $asOf) {
    basis { smallCountsHiddenBelow } total { educators covered share } buildings { building { code } educators covered share components { holders } } csv } }`;
  const TREND = `query($asOf: String) { capabilityTrend(capabilityCode: "AI-TOOL-REVIEW", asOf: $asOf) { points { asOf total { educators covered } buildings { educators covered } } } }`;
  const CONC = `query($asOf: String) { commitmentConcentration(asOf: $asOf) {
    basis { smallCountsHiddenBelow } buildings { building { code } educators commitments educatorsCommitted topThree { educatorId fullName } topThreeCommitments topThreeShare totalRoleFte topThreeFteShare } csv } }`;

  beforeAll(async () => {
    t = await startTestApp();
    d = await buildCapacityDistrict(t.ds);
    hr = (await t.signInAs([Persona.HR])).token;
    leader = (await t.signInAs([Persona.LEADER])).token;
    const res = await t.gql(
      CREATE,
      {
        input: {
          code: 'AI-TOOL-REVIEW',
          name: 'Tool review',
          components: [d.competencies.T, d.competencies.B, d.competencies.P].map((competencyId) => ({ competencyId, minLevel: 2 })),
        },
      },
      hr,
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const ask = async (query: string, vars: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, vars, token);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data)[0] as any;
  };

  it('capability coverage: per-building counts under 5 are null ("fewer than 5" in CSV), zeros and the district total of 12 stay', async () => {
    const full = await ask(CAP, { asOf: AS_OF }, hr);
    const seen = await ask(CAP, { asOf: AS_OF }, leader);
    const north = (r: any) => r.buildings.find((b: any) => b.building.code === 'NORTH');
    expect(north(full).covered).toBeGreaterThan(0);
    expect(north(full).covered).toBeLessThan(5);
    expect(north(seen)).toMatchObject({ educators: null, covered: null, share: null });
    expect(north(seen).components.every((c: any) => c.holders === null || c.holders === 0)).toBe(true);
    expect(seen.buildings.find((b: any) => b.building.code === 'EMPTY')).toMatchObject({ educators: 0, covered: 0 });
    expect(seen.total.educators).toBe(12);
    expect(seen.basis.smallCountsHiddenBelow).toBe(5);
    expect(seen.csv).toContain('fewer than 5');
    expect(full.csv).not.toContain('fewer than');
  });

  it('the capability trend hides the same counts at every point', async () => {
    const seen = await ask(TREND, { asOf: AS_OF }, leader);
    expect(seen.points).toHaveLength(12);
    for (const p of seen.points)
      for (const b of p.buildings) for (const n of [b.educators, b.covered]) expect(n === null || n === 0 || n >= 5).toBe(true);
  });

  it('commitment concentration names nobody to a leader, and hides small counts with the FTE built on them', async () => {
    const full = await ask(CONC, { asOf: AS_OF }, hr);
    const seen = await ask(CONC, { asOf: AS_OF }, leader);
    const north = (r: any) => r.buildings.find((b: any) => b.building.code === 'NORTH');
    expect(north(full).topThree.length).toBeGreaterThan(0);
    expect(north(seen).topThree).toEqual([]);
    expect(north(seen)).toMatchObject({ commitments: null, educatorsCommitted: null, topThreeShare: null, totalRoleFte: null });
    for (const b of seen.buildings) expect(b.topThree).toEqual([]);
    const names = full.buildings.flatMap((b: any) => b.topThree.map((p: any) => p.fullName));
    for (const name of names) expect(seen.csv).not.toContain(name);
  });
});
