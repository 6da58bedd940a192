import { Persona } from '../../src/access/persona.js';
import { ok } from '../support/hiring-fixtures.js';
import {
  competencyIds,
  insertBuilding,
  insertCommitment,
  insertEducator,
  insertEvidence,
  insertRole,
} from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * "Evaluates an AI tool for alignment, bias and privacy" = AI-TOOL-EVAL 2 + AI-BIAS 2 + DATA-PRIVACY 2.
 * Split High: Ann holds tool evaluation, Ben bias (from October 2025), Cat privacy: every part, nobody the whole.
 * Whole Middle: Dee holds all three (from January 2026); Eli nothing; Fay tool evaluation at level 1 only.
 * Lone Elementary: Gus holds tool evaluation only.
 */
const AS_OF = '2026-03-15';
const CREATE = `mutation($input: CreateCapabilityInput!) { createCapability(input: $input) { id code name version components { competency { code } minLevel } } }`;
const COVERAGE = `query($code: String, $asOf: String, $t: Float) { capabilityCoverage(capabilityCode: $code, asOf: $asOf, threshold: $t) {
  basis { asOf policyVersion } capability { code } total { educators covered share }
  buildings { building { name } educators covered share split gap components { holders minLevel } } csv } }`;

describe('equity across buildings', () => {
  let t: TestApp;
  let hr: string;
  let comps: Record<string, string>;
  let capabilityId: string;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    comps = await competencyIds(t.ds, ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY']);
    const split = await insertBuilding(t.ds, 'Split High');
    const whole = await insertBuilding(t.ds, 'Whole Middle');
    const lone = await insertBuilding(t.ds, 'Lone Elementary');
    const person = async (name: string, buildingId: string, claims: Array<[string, number, string]>) => {
      people[name] = await insertEducator(t.ds, { buildingId, name });
      for (const [code, level, startedOn] of claims) {
        await insertEvidence(t.ds, { educatorId: people[name], kind: 'PILOT', startedOn, claims: [{ competencyId: comps[code], level }] });
      }
    };
    await person('Ann', split, [['AI-TOOL-EVAL', 2, '2025-01-10']]);
    await person('Ben', split, [['AI-BIAS', 3, '2025-10-01']]);
    await person('Cat', split, [['DATA-PRIVACY', 2, '2025-01-10']]);
    await person('Dee', whole, [
      ['AI-TOOL-EVAL', 2, '2026-01-10'],
      ['AI-BIAS', 2, '2026-01-10'],
      ['DATA-PRIVACY', 3, '2026-01-10'],
    ]);
    await person('Eli', whole, []);
    await person('Fay', whole, [['AI-TOOL-EVAL', 1, '2025-01-10']]);
    await person('Gus', lone, [['AI-TOOL-EVAL', 2, '2025-01-10']]);
    await person('Hal', whole, []);
    const created = ok(
      await t.gql(
        CREATE,
        {
          input: {
            code: 'AI-TOOL-REVIEW',
            name: 'Evaluates an AI tool for alignment, bias and privacy',
            components: ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY'].map((code) => ({ competencyId: comps[code], minLevel: 2 })),
          },
        },
        hr,
      ),
    ).createCapability;
    capabilityId = created.id;
  });
  afterAll(() => t.close());

  it('saves a named capability and refuses a used code, unknown competencies and bad levels', async () => {
    const input = { code: 'AI-TOOL-REVIEW', name: 'Again', components: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] };
    expect(codeOf(await t.gql(CREATE, { input }, hr))).toBe('CONFLICT');
    expect(
      codeOf(
        await t.gql(
          CREATE,
          { input: { ...input, code: 'X1', components: [{ competencyId: '00000000-0000-4000-8000-000000000000', minLevel: 2 }] } },
          hr,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(CREATE, { input: { ...input, code: 'X2', components: [{ competencyId: comps['AI-BIAS'], minLevel: 9 }] } }, hr)),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await t.gql(CREATE, { input: { ...input, code: 'X3', components: [input.components[0], input.components[0]] } }, hr)),
    ).toBe('BAD_USER_INPUT');
    expect(await t.ds.query('SELECT code FROM capability ORDER BY code')).toEqual([{ code: 'AI-TOOL-REVIEW' }]);
    expect(codeOf(await t.gql(CREATE, { input: { ...input, code: 'X4' } }, (await t.signInAs([Persona.EDUCATOR])).token))).toBe(
      'FORBIDDEN',
    );
    const list = ok(await t.gql(`{ capabilities { code components { competency { code } minLevel } } }`, {}, hr)).capabilities;
    expect(list).toEqual([
      {
        code: 'AI-TOOL-REVIEW',
        components: ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY'].map((code) => ({ competency: { code }, minLevel: 2 })),
      },
    ]);
  });

  it('flags the building where each part is held by someone but nobody holds the whole', async () => {
    const r = ok(await t.gql(COVERAGE, { code: 'AI-TOOL-REVIEW', asOf: AS_OF, t: 0.5 }, hr)).capabilityCoverage;
    const by = Object.fromEntries(r.buildings.map((b: any) => [b.building.name, b]));
    expect(by['Split High']).toMatchObject({
      educators: 3,
      covered: 0,
      share: 0,
      split: true,
      gap: 'SPLIT',
      components: [
        { holders: 1, minLevel: 2 },
        { holders: 1, minLevel: 2 },
        { holders: 1, minLevel: 2 },
      ],
    });
    expect(by['Whole Middle']).toMatchObject({ educators: 4, covered: 1, share: 1 / 4, split: false, gap: 'BELOW_THRESHOLD' });
    expect(by['Whole Middle'].components.map((c: any) => c.holders)).toEqual([1, 1, 1]);
    expect(by['Lone Elementary']).toMatchObject({ educators: 1, covered: 0, split: false, gap: 'NOBODY' });
    expect(r.total).toEqual({ educators: 8, covered: 1, share: 1 / 8 });
    expect(r.csv.split('\n')[0]).toBe(
      'as_of,statuses,capability_code,building_code,building_name,educators,covered,share,split,gap,part_holders',
    );
    expect(r.csv).toContain(',Split High,3,0,0.0000,true,SPLIT,1|1|1');
  });

  it('answers the same by id, and an unknown capability as NOT_FOUND', async () => {
    const byId = await t.gql(
      `query($id: ID) { capabilityCoverage(capabilityId: $id, asOf: "${AS_OF}") { total { covered } } }`,
      { id: capabilityId },
      hr,
    );
    expect(ok(byId).capabilityCoverage.total.covered).toBe(1);
    expect(codeOf(await t.gql(COVERAGE, { code: 'NOPE' }, hr))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(`{ capabilityCoverage { total { covered } } }`, {}, hr))).toBe('BAD_USER_INPUT');
  });

  it('shows the monthly trend of the last 12 months', async () => {
    const r = ok(
      await t.gql(
        `query { capabilityTrend(capabilityCode: "AI-TOOL-REVIEW", asOf: "${AS_OF}") {
      points { asOf total { covered } buildings { building { name } covered split gap } } csv } }`,
        {},
        hr,
      ),
    ).capabilityTrend;
    expect(r.points.map((p: any) => p.asOf)).toEqual([
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
      AS_OF,
    ]);
    const split = r.points.map((p: any) => p.buildings.find((b: any) => b.building.name === 'Split High').gap);
    expect(split).toEqual([...Array(6).fill('NOBODY'), ...Array(6).fill('SPLIT')]);
    expect(r.points.map((p: any) => p.total.covered)).toEqual([...Array(9).fill(0), 1, 1, 1]);
    expect(r.csv.trim().split('\n')).toHaveLength(1 + 12 * 3);
  });

  it('measures the share of hybrid commitments carried by the top 3 of each building', async () => {
    const r1 = await insertRole(t.ds, { title: 'Coach', requirements: [] });
    const r2 = await insertRole(t.ds, { title: 'Data lead', requirements: [] });
    const commit = (name: string, roleId: string, roleFte = 0.2) =>
      insertCommitment(t.ds, { educatorId: people[name], roleId, roleFte, startsOn: '2026-01-01' });
    await commit('Dee', r1);
    await commit('Dee', r2, 0.4);
    await commit('Eli', r1);
    await commit('Fay', r1, 0.1);
    await commit('Hal', r2, 0.1);
    const r = ok(
      await t.gql(
        `{ commitmentConcentration(asOf: "${AS_OF}") { buildings { building { name } commitments educatorsCommitted
      topThree { fullName commitments roleFte } topThreeCommitments topThreeShare totalRoleFte topThreeRoleFte topThreeFteShare } csv } }`,
        {},
        hr,
      ),
    ).commitmentConcentration;
    const whole = r.buildings.find((b: any) => b.building.name === 'Whole Middle');
    expect(whole).toMatchObject({
      commitments: 5,
      educatorsCommitted: 4,
      topThreeCommitments: 4,
      topThreeShare: 4 / 5,
      totalRoleFte: 1,
      topThreeRoleFte: 0.9,
      topThreeFteShare: 0.9,
    });
    expect(whole.topThree.map((p: any) => p.fullName)).toEqual(['Dee', 'Eli', 'Fay']);
    expect(r.buildings.find((b: any) => b.building.name === 'Split High')).toMatchObject({ commitments: 0, topThreeShare: null });
  });

  it('changes a capability only from the version loaded, and deletes it', async () => {
    const made = ok(
      await t.gql(
        CREATE,
        { input: { code: 'PRIVACY-LEAD', name: 'Privacy lead', components: [{ competencyId: comps['DATA-PRIVACY'], minLevel: 3 }] } },
        hr,
      ),
    ).createCapability;
    const UPDATE = `mutation($input: UpdateCapabilityInput!) { updateCapability(input: $input) { version components { competency { code } minLevel } } }`;
    const components = [
      { competencyId: comps['DATA-PRIVACY'], minLevel: 2 },
      { competencyId: comps['AI-BIAS'], minLevel: 2 },
    ];
    const updated = ok(await t.gql(UPDATE, { input: { id: made.id, version: made.version, components } }, hr)).updateCapability;
    expect(updated).toEqual({
      version: made.version + 1,
      components: [
        { competency: { code: 'DATA-PRIVACY' }, minLevel: 2 },
        { competency: { code: 'AI-BIAS' }, minLevel: 2 },
      ],
    });
    expect(codeOf(await t.gql(UPDATE, { input: { id: made.id, version: made.version, name: 'Stale' } }, hr))).toBe('CONFLICT');
    expect(await t.ds.query('SELECT name FROM capability WHERE id = $1', [made.id])).toEqual([{ name: 'Privacy lead' }]);
    const DELETE = `mutation($input: DeleteCapabilityInput!) { deleteCapability(input: $input) }`;
    expect(ok(await t.gql(DELETE, { input: { id: made.id, version: updated.version } }, hr)).deleteCapability).toBe(made.id);
    expect(await t.ds.query('SELECT 1 FROM capability_component WHERE capability_id = $1', [made.id])).toEqual([]);
  });
});
