import { Persona } from '../../src/access/persona.js';
import { ok } from '../support/hiring-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const B = 'id code name level archivedAt version';
const CREATE = `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { ${B} } }`;
const UPDATE = `mutation($input: UpdateBuildingInput!) { updateBuilding(input: $input) { ${B} } }`;
const ARCHIVE = `mutation($input: SetBuildingArchivedInput!) { setBuildingArchived(input: $input) { ${B} } }`;
const DELETE = `mutation($input: DeleteBuildingInput!) { deleteBuilding(input: $input) }`;
const LIST = `query($all: Boolean!) { buildings(includeArchived: $all, first: 100) { nodes { code } } }`;
const EDUCATOR = `mutation($input: CreateEducatorInput!) { createEducator(input: $input) { id } }`;

describe('buildings: rename, archive, and delete only when nothing refers to them', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
  });
  afterAll(() => t.close());

  const rows = async () => t.ds.query('SELECT id, code, name, level, archived_at, version FROM building ORDER BY code');
  const create = async (code: string) =>
    ok(await t.gql(CREATE, { input: { code, name: `${code} School`, level: 'HIGH' } }, hr)).createBuilding;

  it('renames with the version read, and refuses a stale one with nothing changed', async () => {
    const b = await create('REN');
    const renamed = ok(
      await t.gql(UPDATE, { input: { id: b.id, version: b.version, name: 'Renamed High', level: 'MIDDLE' } }, hr),
    ).updateBuilding;
    expect(renamed).toMatchObject({ code: 'REN', name: 'Renamed High', level: 'MIDDLE', version: b.version + 1 });
    const before = await rows();
    expect(codeOf(await t.gql(UPDATE, { input: { id: b.id, version: b.version, name: 'Stale' } }, hr))).toBe('CONFLICT');
    expect(await rows()).toEqual(before);
    const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'BUILDING_UPDATED' AND target_id = $1`, [b.id]);
    expect(audit.changes).toMatchObject({ before: { name: 'REN School' }, after: { name: 'Renamed High' } });
  });

  it('archives a building in use: hidden from lists and new data, its educators kept; restores it', async () => {
    const b = await create('ARC');
    const educatorId = ok(
      await t.gql(
        EDUCATOR,
        { input: { fullName: 'Ari Chen', workEmail: 'ari@district.example', buildingId: b.id, hireDate: '2019-08-20' } },
        hr,
      ),
    ).createEducator.id;
    const archived = ok(await t.gql(ARCHIVE, { input: { id: b.id, version: b.version, archived: true } }, hr)).setBuildingArchived;
    expect(archived.archivedAt).not.toBeNull();
    expect(ok(await t.gql(LIST, { all: false }, hr)).buildings.nodes.map((n: { code: string }) => n.code)).not.toContain('ARC');
    expect(ok(await t.gql(LIST, { all: true }, hr)).buildings.nodes.map((n: { code: string }) => n.code)).toContain('ARC');
    const refused = await t.gql(
      EDUCATOR,
      { input: { fullName: 'New Hire', workEmail: 'new@district.example', buildingId: b.id, hireDate: '2024-08-20' } },
      hr,
    );
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/archived/);
    expect((await t.ds.query('SELECT building_id FROM educator WHERE id = $1', [educatorId]))[0].building_id).toBe(b.id);
    const restored = ok(await t.gql(ARCHIVE, { input: { id: b.id, version: archived.version, archived: false } }, hr)).setBuildingArchived;
    expect(restored.archivedAt).toBeNull();
  });

  it('deletes a building entered by mistake; one in use is CONFLICT with nothing changed', async () => {
    const oops = await create('OOPS');
    expect(ok(await t.gql(DELETE, { input: { id: oops.id, version: oops.version } }, hr)).deleteBuilding).toBe(true);
    expect(await t.ds.query('SELECT id FROM building WHERE id = $1', [oops.id])).toEqual([]);

    const [used] = await t.ds.query(`SELECT id, version FROM building WHERE code = 'ARC'`);
    const before = await rows();
    const res = await t.gql(DELETE, { input: { id: used.id, version: used.version } }, hr);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/1 educator\(s\).*archive it instead/);
    expect(await rows()).toEqual(before);
  });
});
