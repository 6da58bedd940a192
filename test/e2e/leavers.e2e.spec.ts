import { Persona } from '../../src/access/persona.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, type HiringWorld } from '../support/hiring-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const LEAVE = `mutation($input: RecordLeavingInput!) { recordLeaving(input: $input) { id leavingDate version } }`;
const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) { totalCount nodes { educatorId } } }`;

describe('leavers drop out of rankings from their leaving date, and their account stops', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    roleId = await postOpenRole(t, w);
  });
  afterAll(() => t.close());

  const version = async (id: string) => (await t.ds.query('SELECT version FROM educator WHERE id = $1', [id]))[0].version as number;
  const ranked = async () => ok(await t.gql(RANKING, { roleId }, w.hr)).roleRanking;

  it('refuses a leaving date before the hire date, and a stale version, with nothing changed', async () => {
    const before = await t.ds.query('SELECT id, leaving_date, version FROM educator ORDER BY id');
    const early = await t.gql(LEAVE, { input: { id: w.bea.educatorId, version: await version(w.bea.educatorId), leavingDate: '1990-01-01' } }, w.hr);
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toMatch(/before the hire date/);
    expect(codeOf(await t.gql(LEAVE, { input: { id: w.bea.educatorId, version: 99, leavingDate: daysFromNow(0) } }, w.hr))).toBe('CONFLICT');
    expect(await t.ds.query('SELECT id, leaving_date, version FROM educator ORDER BY id')).toEqual(before);
  });

  it('a leaver leaving today leaves the ranking and their session ends on the next request', async () => {
    const start = await ranked();
    expect(start.nodes.map((n: { educatorId: string }) => n.educatorId)).toContain(w.bea.educatorId);
    ok(await t.gql(`{ viewer { accountId } }`, {}, w.bea.token));
    const left = ok(await t.gql(LEAVE, { input: { id: w.bea.educatorId, version: await version(w.bea.educatorId), leavingDate: daysFromNow(0) } }, w.hr)).recordLeaving;
    expect(left.leavingDate).toBe(daysFromNow(0));
    const after = await ranked();
    expect(after.nodes.map((n: { educatorId: string }) => n.educatorId)).not.toContain(w.bea.educatorId);
    expect(after.totalCount).toBe(start.totalCount - 1);
    expect(codeOf(await t.gql(`{ viewer { accountId } }`, {}, w.bea.token))).toBe('UNAUTHENTICATED');
    const [account] = await t.ds.query('SELECT disabled_at FROM account WHERE educator_id = $1', [w.bea.educatorId]);
    expect(account.disabled_at).not.toBeNull();
    // History stays: the educator and their evidence are still there.
    expect((await t.ds.query('SELECT count(*)::int AS n FROM evidence WHERE educator_id = $1', [w.bea.educatorId]))[0].n).toBe(3);
  });

  it('a future leaving date keeps the person ranked and signed in until then', async () => {
    ok(await t.gql(LEAVE, { input: { id: w.cy.educatorId, version: await version(w.cy.educatorId), leavingDate: daysFromNow(30) } }, w.hr));
    expect((await ranked()).nodes.map((n: { educatorId: string }) => n.educatorId)).toContain(w.cy.educatorId);
    ok(await t.gql(`{ viewer { accountId } }`, {}, w.cy.token));
  });
});

describe('leavers drop out of capacity from their leaving date and stay in reports before it', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildCapacityDistrict(t.ds);
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  const HEAT = `query($ids: [ID!], $asOf: String) { capacityHeatMap(competencyIds: $ids, asOf: $asOf) { rows { building { code } educators } total { educators } } }`;
  const north = async (asOf: string) =>
    ok(await t.gql(HEAT, { ids: [d.competencies.T], asOf }, hr)).capacityHeatMap.rows.find((r: { building: { code: string } }) => r.building.code === 'NORTH').educators;

  it('counts the leaver before the date and not from it', async () => {
    const n1 = d.educators.n1;
    const [{ version }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [n1]);
    ok(await t.gql(LEAVE, { input: { id: n1, version, leavingDate: '2025-03-01' } }, hr));
    expect(await north('2025-02-28')).toBe(4);
    expect(await north('2025-03-01')).toBe(3);
  });
});
