import { Persona } from '../../src/access/persona.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { daysFromNow, ok } from '../support/hiring-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const MOVE = `mutation($input: MoveEducatorInput!) { moveEducator(input: $input) { id buildingId version buildingAssignments { buildingId startsOn endsOn } } }`;
const UPDATE = `mutation($input: UpdateEducatorInput!) { updateEducator(input: $input) { id buildingId version } }`;
const COVERAGE = `query($ids: [ID!], $asOf: String) {
  capacityCoverage(competencyIds: $ids, minLevel: 2, asOf: $asOf) { buildings { building { code } educators covered } } }`;
const OVER = `query($asOf: String) { capacityOverextension(asOf: $asOf) { educators { fullName building { code } } } }`;
const HEAT = `query($ids: [ID!], $asOf: String, $buildings: [ID!], $all: Boolean) {
  capacityHeatMap(competencyIds: $ids, asOf: $asOf, buildingIds: $buildings, includeArchived: $all) { basis { includeArchived } rows { building { code } educators } } }`;
const ARCHIVE = `mutation($input: SetBuildingArchivedInput!) { setBuildingArchived(input: $input) { id version } }`;
const DELETE = `mutation($input: DeleteBuildingInput!) { deleteBuilding(input: $input) }`;

type Row = { building: { code: string }; educators: number; covered?: number };

describe('building moves are dated history, and reports as of a past day place people where they were', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildCapacityDistrict(t.ds);
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  const version = async (id: string) => (await t.ds.query('SELECT version FROM educator WHERE id = $1', [id]))[0].version as number;
  const history = async (id: string) =>
    t.ds.query(`SELECT building_id, starts_on::text, ends_on::text FROM building_assignment WHERE educator_id = $1 ORDER BY starts_on`, [
      id,
    ]);
  const coverage = async (asOf: string) => {
    const rows: Row[] = ok(await t.gql(COVERAGE, { ids: [d.competencies.T, d.competencies.B, d.competencies.P], asOf }, hr))
      .capacityCoverage.buildings;
    return Object.fromEntries(rows.map((r) => [r.building.code, [r.educators, r.covered]]));
  };

  it('every educator starts with one assignment from the hire date in their building', async () => {
    expect(await history(d.educators.w4)).toEqual([{ building_id: d.buildings.WEST, starts_on: '2025-01-15', ends_on: null }]);
  });

  it('refuses a move before the current assignment began, into an unknown building, or from a stale version, with nothing changed', async () => {
    const n1 = d.educators.n1;
    const before = [await history(n1), await version(n1)];
    const early = await t.gql(
      MOVE,
      { input: { id: n1, version: await version(n1), buildingId: d.buildings.SOUTH, effectiveFrom: '2014-01-01' } },
      hr,
    );
    expect(codeOf(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toMatch(/hire date/);
    const same = await t.gql(
      MOVE,
      { input: { id: n1, version: await version(n1), buildingId: d.buildings.NORTH, effectiveFrom: '2025-09-01' } },
      hr,
    );
    expect(codeOf(same)).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          MOVE,
          {
            input: { id: n1, version: await version(n1), buildingId: '00000000-0000-4000-8000-000000000000', effectiveFrom: '2025-09-01' },
          },
          hr,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(MOVE, { input: { id: n1, version: 99, buildingId: d.buildings.SOUTH, effectiveFrom: '2025-09-01' } }, hr)),
    ).toBe('CONFLICT');
    expect([await history(n1), await version(n1)]).toEqual(before);
  });

  it('a move records a new assignment; reports before it use the old building and from it the new one', async () => {
    const n1 = d.educators.n1;
    const beforeMove = await coverage('2025-08-31');
    expect(beforeMove.NORTH).toEqual([4, 2]);
    expect(beforeMove.SOUTH).toEqual([4, 1]);

    const moved = ok(
      await t.gql(MOVE, { input: { id: n1, version: await version(n1), buildingId: d.buildings.SOUTH, effectiveFrom: '2025-09-01' } }, hr),
    ).moveEducator;
    expect(moved.buildingId).toBe(d.buildings.SOUTH);
    expect(moved.buildingAssignments).toEqual([
      { buildingId: d.buildings.NORTH, startsOn: '2015-08-01', endsOn: '2025-08-31' },
      { buildingId: d.buildings.SOUTH, startsOn: '2025-09-01', endsOn: null },
    ]);
    expect(await history(n1)).toEqual([
      { building_id: d.buildings.NORTH, starts_on: '2015-08-01', ends_on: '2025-08-31' },
      { building_id: d.buildings.SOUTH, starts_on: '2025-09-01', ends_on: null },
    ]);
    const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'EDUCATOR_MOVED' AND target_id = $1`, [n1]);
    expect(audit.changes).toMatchObject({ buildingId: { from: d.buildings.NORTH, to: d.buildings.SOUTH }, effectiveFrom: '2025-09-01' });

    // The same past day answers as before the move was recorded; from the move on, n1 counts in SOUTH.
    expect(await coverage('2025-08-31')).toEqual(beforeMove);
    const after = await coverage('2025-09-01');
    expect(after.NORTH).toEqual([3, 1]);
    expect(after.SOUTH).toEqual([5, 2]);

    // Their hybrid commitments follow them too.
    const over = async (asOf: string) =>
      ok(await t.gql(OVER, { asOf }, hr)).capacityOverextension.educators.find((e: { fullName: string }) => e.fullName === 'Educator N1')
        ?.building.code;
    expect(await over('2025-08-31')).toBe('NORTH');
    expect(await over('2025-09-01')).toBe('SOUTH');
  });

  it('refuses a move dated before the latest one (moves are recorded in order)', async () => {
    const n1 = d.educators.n1;
    const res = await t.gql(
      MOVE,
      { input: { id: n1, version: await version(n1), buildingId: d.buildings.WEST, effectiveFrom: '2025-06-01' } },
      hr,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/started on 2025-09-01/);
  });

  it('a building changed through updateEducator is a move from today, keeping the history', async () => {
    const s3 = d.educators.s3;
    const updated = ok(
      await t.gql(UPDATE, { input: { id: s3, version: await version(s3), buildingId: d.buildings.WEST } }, hr),
    ).updateEducator;
    expect(updated.buildingId).toBe(d.buildings.WEST);
    const today = daysFromNow(0);
    const rows = await history(s3);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ building_id: d.buildings.SOUTH, starts_on: '2015-08-01' });
    expect(rows[1]).toEqual({ building_id: d.buildings.WEST, starts_on: today, ends_on: null });
  });

  it("a building in anyone's history cannot be deleted, even once nobody is there now", async () => {
    const n4 = d.educators.n4;
    ok(
      await t.gql(MOVE, { input: { id: n4, version: await version(n4), buildingId: d.buildings.EMPTY, effectiveFrom: '2016-01-01' } }, hr),
    );
    ok(
      await t.gql(MOVE, { input: { id: n4, version: await version(n4), buildingId: d.buildings.NORTH, effectiveFrom: '2017-01-01' } }, hr),
    );
    const [b] = await t.ds.query('SELECT version FROM building WHERE id = $1', [d.buildings.EMPTY]);
    const res = await t.gql(DELETE, { input: { id: d.buildings.EMPTY, version: b.version } }, hr);
    expect(codeOf(res)).toBe('CONFLICT');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM building WHERE id = $1', [d.buildings.EMPTY]))[0].n).toBe(1);
  });
});

describe('capacity reports leave out archived buildings nobody was in', () => {
  let t: TestApp;
  let d: CapacityDistrict;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    d = await buildCapacityDistrict(t.ds);
    hr = (await t.signInAs([Persona.HR])).token;
    const [b] = await t.ds.query('SELECT version FROM building WHERE id = $1', [d.buildings.EMPTY]);
    ok(await t.gql(ARCHIVE, { input: { id: d.buildings.EMPTY, version: b.version, archived: true } }, hr));
  });
  afterAll(() => t.close());

  const codes = async (vars: Record<string, unknown>) =>
    ok(await t.gql(HEAT, { ids: [d.competencies.T], ...vars }, hr)).capacityHeatMap.rows.map((r: Row) => r.building.code);

  it('an empty archived building is left out from its archive day, listed before it, when named, or with includeArchived', async () => {
    expect(await codes({})).toEqual(['NORTH', 'SOUTH', 'WEST']);
    expect(await codes({ asOf: '2025-06-30' })).toEqual(['EMPTY', 'NORTH', 'SOUTH', 'WEST']);
    expect(await codes({ all: true })).toEqual(['EMPTY', 'NORTH', 'SOUTH', 'WEST']);
    expect(await codes({ buildings: [d.buildings.EMPTY] })).toEqual(['EMPTY']);
    expect(ok(await t.gql(HEAT, { ids: [d.competencies.T], all: true }, hr)).capacityHeatMap.basis.includeArchived).toBe(true);
  });

  it('an archived building that still has people on the day stays listed, so nobody drops out of the totals', async () => {
    const [b] = await t.ds.query('SELECT version FROM building WHERE id = $1', [d.buildings.WEST]);
    ok(await t.gql(ARCHIVE, { input: { id: d.buildings.WEST, version: b.version, archived: true } }, hr));
    expect(await codes({})).toEqual(['NORTH', 'SOUTH', 'WEST']);
  });
});
