import { Persona } from '../../src/access/persona.js';
import { insertApplication } from '../support/fairness-fixtures.js';
import { ok } from '../support/hiring-fixtures.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { insertBuilding, insertEducator, insertRole } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const AS_OF = '2025-06-30';
const HEAT = `query($asOf: String) { capacityHeatMap(frameworkCode: "DISTRICT-AI-READINESS", competencyCodes: ["AI-TOOL-EVAL", "AI-BIAS"], asOf: $asOf) {
  rows { building { name } educators cells { competencyCode atOrAbove { level educators } } } } }`;
const COVERAGE = `query($asOf: String) { capacityCoverage(frameworkCode: "DISTRICT-AI-READINESS", competencyCodes: ["AI-TOOL-EVAL", "AI-BIAS"], minLevel: 2, asOf: $asOf) {
  buildings { building { name } educators covered share } } }`;
const HEAT_PATH = `/charts/capacity-heat-map.svg?frameworkCode=DISTRICT-AI-READINESS&competencyCodes=AI-TOOL-EVAL,AI-BIAS&level=2&asOf=${AS_OF}`;
const COVERAGE_PATH = `/charts/capacity-coverage.svg?frameworkCode=DISTRICT-AI-READINESS&competencyCodes=AI-TOOL-EVAL&competencyCodes=AI-BIAS&minLevel=2&asOf=${AS_OF}`;
const SET = `mutation($input: SetSelfIdentificationInput!) { setMySelfIdentification(input: $input) { version } }`;
const RUN = `mutation($input: RunFairnessAuditInput!) { runFairnessAudit(input: $input) { id measures { measure dimensions { dimension categories { label impactRatio flagged } } } } }`;

/** The charts over HTTP: the reports' own authorization, and SVG whose marks carry the reports' figures. */
describe('charts as SVG', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  const tokens: Partial<Record<Persona | 'NONE', string>> = {};

  const get = (path: string, token?: string) =>
    fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const svg = async (path: string, token: string) => {
    const res = await get(path, token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const text = await res.text();
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).not.toMatch(/<script|javascript:|href="http/i);
    return text;
  };
  /** The accessible name vega gives each text mark: "<x title>: <x>; <y title>: <y>; label: <text>" (values as SVG escapes them). */
  const label = (competency: string, building: string, text: string) =>
    `aria-label="Competency: ${competency}; building: ${building}; label: ${text.replace('<', '&lt;')}"`;

  beforeAll(async () => {
    t = await startTestApp();
    d = await buildCapacityDistrict(t.ds);
    for (const p of [Persona.HR, Persona.LEADER, Persona.COMPLIANCE, Persona.PANELIST, Persona.EDUCATOR])
      tokens[p] = (await t.signInAs([p])).token;
    tokens.NONE = (await t.signInAs([])).token;
  });
  afterAll(() => t.close());

  it.each([
    ['capacity heat map', HEAT_PATH, [Persona.HR, Persona.LEADER]],
    ['coverage by building', COVERAGE_PATH, [Persona.HR, Persona.LEADER]],
    ['fairness impact ratios', '/charts/fairness-impact-ratios.svg', [Persona.COMPLIANCE]],
  ] as const)('%s: 401 without a valid token, 403 for every persona its report refuses', async (_name, path, allowed) => {
    const anonymous = await get(path);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      errors: [{ message: expect.stringContaining('Sign in'), extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect((await get(path, 'not-a-token')).status).toBe(401);
    for (const persona of [Persona.HR, Persona.LEADER, Persona.COMPLIANCE, Persona.PANELIST, Persona.EDUCATOR, 'NONE'] as const) {
      const res = await get(path, tokens[persona]);
      if ((allowed as readonly string[]).includes(persona)) {
        // Allowed: a chart, or (fairness before any audit) the report's own NOT_FOUND.
        expect([200, 404]).toContain(res.status);
      } else {
        expect({ persona, status: res.status }).toEqual({ persona, status: 403 });
        expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
      }
    }
  });

  it("heat map for HR: one cell per building and competency, each labelled with the report's count at level 2+", async () => {
    const report = ok(await t.gql(HEAT, { asOf: AS_OF }, tokens.HR)).capacityHeatMap;
    const text = await svg(HEAT_PATH, tokens.HR!);
    expect(text).toContain('Educators at level 2 or above, by building and competency');
    const cells = report.rows.flatMap((r: any) =>
      r.cells.map((c: any) => ({ building: r.building.name, code: c.competencyCode, n: c.atOrAbove[1].educators })),
    );
    expect(cells).toHaveLength(4 * 2);
    for (const c of cells) expect(text).toContain(label(c.code, c.building, String(c.n)));
    // One grey base rect and one coloured rect per cell (the empty building's share is undefined: no colour).
    expect(text.match(/aria-roledescription="rect mark"/g)).toHaveLength(8 + 6);
    expect(report.rows.find((r: any) => r.building.name === 'North School').cells[0].atOrAbove[1].educators).toBe(2);
  });

  it('heat map for a district leader: counts under 5 drawn as "<5", never as the number', async () => {
    const text = await svg(HEAT_PATH, tokens.LEADER!);
    expect(text).toContain('counts under 5 hidden');
    expect(text).toContain(label('AI-TOOL-EVAL', 'North School', '<5'));
    expect(text).not.toContain(label('AI-TOOL-EVAL', 'North School', '2'));
    expect(text).toContain(label('AI-TOOL-EVAL', 'Empty School', '0'));
    // Hidden cells have no share, so no coloured rect: only the grey base for all 8, coloured for none.
    expect(text.match(/aria-roledescription="rect mark"/g)).toHaveLength(8);
  });

  it('coverage by building: a bar per building with "covered of educators"; hidden for a leader', async () => {
    const report = ok(await t.gql(COVERAGE, { asOf: AS_OF }, tokens.HR)).capacityCoverage;
    const text = await svg(COVERAGE_PATH, tokens.HR!);
    expect(text).toContain('Educators demonstrating all of AI-TOOL-EVAL, AI-BIAS at level 2 or above');
    for (const b of report.buildings) expect(text).toContain(`>${b.covered} of ${b.educators}</text>`);
    expect(text.match(/aria-roledescription="bar"/g)).toHaveLength(report.buildings.filter((b: any) => b.share !== null).length);
    const north = report.buildings.find((b: any) => b.building.name === 'North School');
    expect(north.covered).toBeGreaterThan(0);

    const seen = await svg(COVERAGE_PATH, tokens.LEADER!);
    expect(seen).toContain('>fewer than 5</text>');
    expect(seen).not.toContain(`>${north.covered} of ${north.educators}</text>`);
  });

  it('refuses what the report refuses, with its codes', async () => {
    const bad = async (path: string) => {
      const res = await get(path, tokens.HR);
      return { status: res.status, body: (await res.json()) as any };
    };
    expect(await bad('/charts/capacity-coverage.svg?frameworkCode=DISTRICT-AI-READINESS&competencyCodes=AI-BIAS')).toMatchObject({
      status: 400,
      body: { errors: [{ message: expect.stringContaining('minLevel'), extensions: { code: 'BAD_USER_INPUT' } }] },
    });
    expect((await bad('/charts/capacity-heat-map.svg?level=9')).status).toBe(400);
    expect((await bad('/charts/capacity-heat-map.svg?asOf=2025-02-30')).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await bad('/charts/capacity-heat-map.svg?color=red')).body.errors[0].message).toContain('Unknown parameter color');
    expect(await bad('/charts/capacity-heat-map.svg?frameworkCode=NO-SUCH')).toMatchObject({
      status: 404,
      body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] },
    });
    expect((await bad(`/charts/capacity-heat-map.svg?buildingIds=${d.buildings.NORTH},nope`)).status).toBe(400);
  });

  it("fairness: the newest audit's impact ratios, a bar per category with a ratio, flagged ones named", async () => {
    const building = await insertBuilding(t.ds, 'Chart High');
    const roleId = await insertRole(t.ds, { title: 'Chart role', requirements: [] });
    // Women: 2 of 2 shortlisted; men: 1 of 3 -> impact ratio 1/3, flagged.
    const people: Array<[string, string[]]> = [
      ['FEMALE', ['SUBMITTED', 'SCREENED', 'SHORTLISTED']],
      ['FEMALE', ['SUBMITTED', 'SCREENED', 'SHORTLISTED']],
      ['MALE', ['SUBMITTED', 'SCREENED', 'SHORTLISTED']],
      ['MALE', ['SUBMITTED', 'REJECTED']],
      ['MALE', ['SUBMITTED', 'REJECTED']],
    ];
    for (const [i, [sex, path]] of people.entries()) {
      const educatorId = await insertEducator(t.ds, { buildingId: building });
      ok(await t.gql(SET, { input: { sex, raceEthnicity: 'WHITE' } }, (await t.signInAs([Persona.EDUCATOR], { educatorId })).token));
      await insertApplication(t.ds, { roleId, educatorId, submittedAt: `2026-03-0${i + 1}T09:00:00Z`, path });
    }
    const audit = ok(await t.gql(RUN, { input: { roleId, from: '2026-03-01', to: '2026-03-31' } }, tokens.COMPLIANCE)).runFairnessAudit;
    const sex = audit.measures[0].dimensions.find((x: any) => x.dimension === 'SEX').categories;
    expect(Object.fromEntries(sex.map((c: any) => [c.label, [c.impactRatio, c.flagged]]))).toEqual({
      Male: [1 / 3, true],
      Female: [1, false],
    });

    for (const path of ['/charts/fairness-impact-ratios.svg', `/charts/fairness-impact-ratios.svg?auditId=${audit.id}`]) {
      const text = await svg(path, tokens.COMPLIANCE!);
      expect(text).toContain('Bias audit: impact ratios by category');
      expect(text).toContain(`Chart role · 2026-03-01 to 2026-03-31 · audit ${audit.id}`);
      expect(text.match(/>0\.33 flagged[^<]*<\/text>/g)?.length).toBeGreaterThan(0);
      expect(text.match(/>1\.00[^<]*<\/text>/g)?.length).toBeGreaterThan(0);
      expect(text).toContain('Applied → shortlisted');
      expect(text).toMatch(/aria-roledescription="bar"/);
      expect(text).toMatch(/class="mark-rule role-mark/);
    }
    expect((await get('/charts/fairness-impact-ratios.svg?auditId=7d8f0d36-5ad4-4a5f-9f55-0e0a2b9a1c11', tokens.COMPLIANCE)).status).toBe(
      404,
    );
    expect((await get('/charts/fairness-impact-ratios.svg?auditId=nope', tokens.COMPLIANCE)).status).toBe(400);
  });
});
