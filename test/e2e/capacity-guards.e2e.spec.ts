import { Persona } from '../../src/access/persona.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

/** Who may read capacity reports, what they refuse, and that they follow the scoring policy in force. */
describe('capacity reports: access, bad input and the policy in force', () => {
  let t: TestApp;
  let hr: string;
  let d: CapacityDistrict;
  const AS_OF = '2025-06-30';
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    d = await buildCapacityDistrict(t.ds);
  });
  afterAll(() => t.close());

  const reports = () =>
    ({
      capacityCoverage: [
        `query($ids: [ID!]) { capacityCoverage(competencyIds: $ids, minLevel: 2) { total { covered } } }`,
        { ids: [d.competencies.T] },
      ],
      capacityHeatMap: [`{ capacityHeatMap { total { educators } } }`, {}],
      capacityGaps: [
        `query($ids: [ID!]) { capacityGaps(competencyIds: $ids, level: 2, threshold: 0.5) { level } }`,
        { ids: [d.competencies.T] },
      ],
      capacityOverextension: [`{ capacityOverextension { fteThreshold } }`, {}],
      capacityPipeline: [
        `query($ids: [ID!]) { capacityPipeline(competencyIds: $ids, targetLevel: 3) { targetLevel } }`,
        { ids: [d.competencies.T] },
      ],
    }) as Record<string, [string, Record<string, unknown>]>;

  it('serves every report to HR only: educators and panelists are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    const educator = (await t.signInAs([Persona.EDUCATOR], { educatorId: d.educators.n1 })).token;
    const panelist = (await t.signInAs([Persona.PANELIST])).token;
    for (const [field, [query, vars]] of Object.entries(reports())) {
      const ok = await t.gql(query, vars, hr);
      expect({ field, errors: ok.errors }).toEqual({ field, errors: undefined });
      expect({ field, code: codeOf(await t.gql(query, vars, educator)) }).toEqual({ field, code: 'FORBIDDEN' });
      expect({ field, code: codeOf(await t.gql(query, vars, panelist)) }).toEqual({ field, code: 'FORBIDDEN' });
      expect({ field, code: codeOf(await t.gql(query, vars)) }).toEqual({ field, code: 'UNAUTHENTICATED' });
    }
  });

  const COVERAGE = `query($ids: [ID!], $fw: String, $codes: [String!], $min: Int!, $asOf: String, $statuses: [VerificationStatus!], $b: [ID!]) {
    capacityCoverage(competencyIds: $ids, frameworkCode: $fw, competencyCodes: $codes, minLevel: $min, asOf: $asOf, statuses: $statuses, buildingIds: $b) { total { covered } }
  }`;
  const coverage = (vars: Record<string, unknown>) => t.gql(COVERAGE, { min: 2, asOf: AS_OF, ...vars }, hr);

  it('refuses an empty or missing competency list, a level outside 1-4 and malformed values with BAD_USER_INPUT', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['empty competency list', { ids: [] }],
      ['no competencies at all', {}],
      ['codes without a framework', { codes: ['AI-BIAS'] }],
      ['ids and codes together', { ids: [d.competencies.T], fw: 'DISTRICT-AI-READINESS', codes: ['AI-BIAS'] }],
      ['level 0', { ids: [d.competencies.T], min: 0 }],
      ['level 5', { ids: [d.competencies.T], min: 5 }],
      ['malformed id', { ids: ['not-a-uuid'] }],
      ['impossible date', { ids: [d.competencies.T], asOf: '2025-02-30' }],
      ['date in another format', { ids: [d.competencies.T], asOf: '30/06/2025' }],
      ['no statuses', { ids: [d.competencies.T], statuses: [] }],
      ['empty building filter', { ids: [d.competencies.T], b: [] }],
    ];
    for (const [name, vars] of cases) {
      const res = await coverage(vars);
      expect({ name, code: codeOf(res) }).toEqual({ name, code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(res.errors)).not.toMatch(/SELECT|stack/i);
    }
  });

  it('answers unknown competencies, frameworks and buildings with NOT_FOUND', async () => {
    expect(codeOf(await coverage({ ids: [d.competencies.T, UNKNOWN] }))).toBe('NOT_FOUND');
    const code = await coverage({ fw: 'DISTRICT-AI-READINESS', codes: ['AI-BIAS', 'NO-SUCH'] });
    expect(codeOf(code)).toBe('NOT_FOUND');
    expect(code.errors?.[0].message).toContain('DISTRICT-AI-READINESS/NO-SUCH');
    expect(codeOf(await coverage({ fw: 'NO-SUCH-FRAMEWORK', codes: ['AI-BIAS'] }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(`{ capacityHeatMap(frameworkCode: "NO-SUCH-FRAMEWORK") { total { educators } } }`, {}, hr))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await coverage({ ids: [d.competencies.T], b: [d.buildings.NORTH, UNKNOWN] }))).toBe('NOT_FOUND');
  });

  it('refuses thresholds outside 0..1 and levels outside 1-4 on the other reports too', async () => {
    const gaps = (level: number, threshold: number) =>
      t.gql(
        `query($ids: [ID!], $l: Int!, $th: Float!) { capacityGaps(competencyIds: $ids, level: $l, threshold: $th) { level } }`,
        { ids: [d.competencies.T], l: level, th: threshold },
        hr,
      );
    expect(codeOf(await gaps(2, -0.1))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gaps(2, 1.5))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gaps(0, 0.5))).toBe('BAD_USER_INPUT');
    expect((await gaps(2, 1)).errors).toBeUndefined();
    expect((await gaps(2, 0)).errors).toBeUndefined();
    const pipeline = await t.gql(
      `query($ids: [ID!]) { capacityPipeline(competencyIds: $ids, targetLevel: 5) { targetLevel } }`,
      { ids: [d.competencies.T] },
      hr,
    );
    expect(codeOf(pipeline)).toBe('BAD_USER_INPUT');
    const over = await t.gql(`{ capacityOverextension(concentrationThreshold: 1.2) { fteThreshold } }`, {}, hr);
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
  });

  it('names duplicated competencies once', async () => {
    const res = await t.gql(
      `query($ids: [ID!]) { capacityCoverage(competencyIds: $ids, minLevel: 2, asOf: "${AS_OF}") { competencies { code } total { covered } } }`,
      { ids: [d.competencies.T, d.competencies.B, d.competencies.T, d.competencies.P] },
      hr,
    );
    expect(res.data.capacityCoverage).toEqual({
      competencies: [{ code: 'AI-TOOL-EVAL' }, { code: 'AI-BIAS' }, { code: 'DATA-PRIVACY' }],
      total: { covered: 5 },
    });
  });

  it('follows the scoring policy in force: raising the attendance cap lets attendance count, and advises it', async () => {
    const published = await t.gql(
      `mutation($input: PublishScoringPolicyInput!) { publishScoringPolicy(input: $input) { version } }`,
      { input: { basedOnVersion: 2, attendanceCapLevel: 2, notes: 'Attendance may show practice' } },
      hr,
    );
    expect(published.errors).toBeUndefined();
    const res = await t.gql(
      `query($ids: [ID!], $b: [ID!]) {
        capacityCoverage(competencyIds: $ids, minLevel: 2, asOf: "${AS_OF}", buildingIds: $b) { basis { policyVersion attendanceCapLevel } total { covered } }
        capacityPipeline(competencyIds: $ids, targetLevel: 2, asOf: "${AS_OF}", buildingIds: $b) { competencies { closingEvidence { kind } } }
      }`,
      { ids: [d.competencies.T, d.competencies.B, d.competencies.P], b: [d.buildings.NORTH] },
      hr,
    );
    // n4's 120-hour course (claims level 3) now shows level 2: North has n1, n2 and n4.
    expect(res.data.capacityCoverage).toEqual({ basis: { policyVersion: 3, attendanceCapLevel: 2 }, total: { covered: 3 } });
    expect(res.data.capacityPipeline.competencies[0].closingEvidence.map((e: { kind: string }) => e.kind)).toContain('COURSE');
  });
});
