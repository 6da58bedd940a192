import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const CREATE_BUILDING = `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id code name level } }`;
const BUILDINGS = `query($first: Int, $after: String) { buildings(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id code } } }`;
const EDUCATOR_FIELDS = `id fullName workEmail buildingId currentAssignment hireDate version building { id code name }`;
const CREATE = `mutation($input: CreateEducatorInput!) { createEducator(input: $input) { ${EDUCATOR_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEducatorInput!) { updateEducator(input: $input) { ${EDUCATOR_FIELDS} } }`;
const GET = `query($id: ID!) { educator(id: $id) { ${EDUCATOR_FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $buildingId: ID, $search: String) {
  educators(first: $first, after: $after, buildingId: $buildingId, search: $search) { totalCount pageInfo { hasNextPage endCursor } nodes { id fullName workEmail building { code } } } }`;

describe('buildings and educators over HTTP', () => {
  let t: TestApp;
  let hr: string;
  let panelist: string;
  let north: { id: string };
  let south: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    panelist = (await t.signInAs([Persona.PANELIST])).token;
    north = (await t.gql(CREATE_BUILDING, { input: { code: 'nes', name: 'North Elementary', level: 'ELEMENTARY' } }, hr)).data
      .createBuilding;
    south = (await t.gql(CREATE_BUILDING, { input: { code: 'SMS', name: 'South Middle', level: 'MIDDLE' } }, hr)).data.createBuilding;
  });
  afterAll(() => t.close());

  const snapshot = async () => ({
    buildings: await t.ds.query('SELECT * FROM building ORDER BY id'),
    educators: await t.ds.query('SELECT * FROM educator ORDER BY id'),
    audit: await t.ds.query('SELECT count(*)::int AS n FROM audit_entry'),
  });

  let counter = 0;
  const educatorInput = (over: Record<string, unknown> = {}) => {
    counter += 1;
    return {
      fullName: `Teacher ${counter}`,
      workEmail: `teacher${counter}@district.example`,
      buildingId: north.id,
      currentAssignment: 'Grade 4',
      hireDate: '2015-08-24',
      ...over,
    };
  };
  async function createEducator(over: Record<string, unknown> = {}) {
    const res = await t.gql(CREATE, { input: educatorInput(over) }, hr);
    expect(res.errors).toBeUndefined();
    return res.data.createEducator as { id: string; version: number; workEmail: string };
  }

  describe('buildings', () => {
    it('lets HR create a building (code stored upper-case) and any signed-in user read it', async () => {
      const created = await t.gql(CREATE_BUILDING, { input: { code: 'whs', name: 'West High', level: 'HIGH' } }, hr);
      expect(created.data.createBuilding).toMatchObject({ code: 'WHS', name: 'West High', level: 'HIGH' });
      const [row] = await t.ds.query('SELECT code, name, level FROM building WHERE id = $1', [created.data.createBuilding.id]);
      expect(row).toEqual({ code: 'WHS', name: 'West High', level: 'HIGH' });
      const read = await t.gql(`query($id: ID!) { building(id: $id) { code name } }`, { id: created.data.createBuilding.id }, panelist);
      expect(read.data.building).toEqual({ code: 'WHS', name: 'West High' });
    });

    it('refuses a duplicate code (in any case) with CONFLICT and changes nothing', async () => {
      const before = await snapshot();
      const res = await t.gql(CREATE_BUILDING, { input: { code: 'Nes', name: 'Another north', level: 'OTHER' } }, hr);
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0].message).toMatch(/NES already exists/);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a bad code, an unknown level and a 1 MB name with BAD_USER_INPUT', async () => {
      const before = await snapshot();
      for (const input of [
        { code: 'has space', name: 'X', level: 'HIGH' },
        { code: 'OK1', name: 'X', level: 'UNIVERSITY' },
        { code: 'OK2', name: 'x'.repeat(1_000_000), level: 'HIGH' },
      ]) {
        expect(codeOf(await t.gql(CREATE_BUILDING, { input }, hr))).toBe('BAD_USER_INPUT');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('pages buildings by code and caps the page size at 100', async () => {
      const first = await t.gql(BUILDINGS, { first: 2 }, panelist);
      expect(first.data.buildings.nodes.map((b: { code: string }) => b.code)).toEqual(['NES', 'SMS']);
      const next = await t.gql(BUILDINGS, { first: 2, after: first.data.buildings.pageInfo.endCursor }, panelist);
      expect(next.data.buildings.nodes.map((b: { code: string }) => b.code)).toEqual(['WHS']);
      expect(codeOf(await t.gql(BUILDINGS, { first: 101 }, hr))).toBe('BAD_USER_INPUT');
    });

    it('refuses createBuilding to a non-HR user and anonymous reads', async () => {
      expect(codeOf(await t.gql(CREATE_BUILDING, { input: { code: 'P1', name: 'P', level: 'HIGH' } }, panelist))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(BUILDINGS, { first: 5 }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(`{ building(id: "bad") { id } }`, {}, hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(`{ building(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, hr))).toBe('NOT_FOUND');
    });
  });

  describe('educators', () => {
    it('lets HR create an educator with its building nested, stored and audited', async () => {
      const input = educatorInput({ fullName: '  Ada Byron ', workEmail: 'Ada.Byron@District.example' });
      const res = await t.gql(CREATE, { input }, hr);
      expect(res.errors).toBeUndefined();
      const e = res.data.createEducator;
      expect(e).toMatchObject({
        fullName: 'Ada Byron',
        workEmail: 'Ada.Byron@District.example',
        hireDate: '2015-08-24',
        version: 1,
        building: { id: north.id, code: 'NES' },
      });
      const [row] = await t.ds.query('SELECT full_name, work_email, building_id FROM educator WHERE id = $1', [e.id]);
      expect(row).toEqual({ full_name: 'Ada Byron', work_email: 'Ada.Byron@District.example', building_id: north.id });
      const audit = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1`, [e.id]);
      expect(audit).toEqual([{ action: 'EDUCATOR_CREATED' }]);
    });

    it.each([
      { name: 'an email that differs only in case', over: () => ({ workEmail: 'ADA.BYRON@district.EXAMPLE' }), code: 'CONFLICT' },
      { name: 'an invalid email', over: () => ({ workEmail: 'not-an-email' }), code: 'BAD_USER_INPUT' },
      { name: 'an unknown building', over: () => ({ buildingId: '00000000-0000-4000-8000-000000000000' }), code: 'NOT_FOUND' },
      { name: 'a malformed building id', over: () => ({ buildingId: 'b-1' }), code: 'BAD_USER_INPUT' },
      { name: 'an impossible hire date', over: () => ({ hireDate: '2015-02-30' }), code: 'BAD_USER_INPUT' },
      { name: 'a hire date years ahead', over: () => ({ hireDate: '2999-01-01' }), code: 'BAD_USER_INPUT' },
      { name: 'a 1 MB name', over: () => ({ fullName: 'x'.repeat(1_000_000) }), code: 'BAD_USER_INPUT' },
    ])('refuses $name with $code and changes nothing', async ({ over, code }) => {
      const before = await snapshot();
      const res = await t.gql(CREATE, { input: educatorInput(over()) }, hr);
      expect(codeOf(res)).toBe(code);
      expect(await snapshot()).toEqual(before);
    });

    it('lets HR update an educator with the current version; a stale version or a taken email changes nothing', async () => {
      const e = await createEducator();
      const other = await createEducator();
      const res = await t.gql(
        UPDATE,
        { input: { id: e.id, version: 1, buildingId: south.id, currentAssignment: 'Instructional coach' } },
        hr,
      );
      expect(res.data.updateEducator).toMatchObject({
        version: 2,
        buildingId: south.id,
        currentAssignment: 'Instructional coach',
        building: { code: 'SMS' },
      });

      const before = await snapshot();
      expect(codeOf(await t.gql(UPDATE, { input: { id: e.id, version: 1, fullName: 'Lost update' } }, hr))).toBe('CONFLICT');
      expect(codeOf(await t.gql(UPDATE, { input: { id: e.id, version: 2, workEmail: other.workEmail.toUpperCase() } }, hr))).toBe(
        'CONFLICT',
      );
      expect(codeOf(await t.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, fullName: 'x' } }, hr))).toBe(
        'NOT_FOUND',
      );
      expect(codeOf(await t.gql(UPDATE, { input: { id: 'nope', version: 1, fullName: 'x' } }, hr))).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(before);

      const recased = await t.gql(UPDATE, { input: { id: e.id, version: 2, workEmail: e.workEmail.toUpperCase() } }, hr);
      expect(recased.data.updateEducator).toMatchObject({ workEmail: e.workEmail.toUpperCase(), version: 3 });
      const audit = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY id`, [e.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['EDUCATOR_CREATED', 'EDUCATOR_UPDATED', 'EDUCATOR_UPDATED']);
    });

    it('lets an educator read their own profile with contact details, and answers NOT_FOUND for anyone else', async () => {
      const me = await createEducator({ fullName: 'Grace Hopper' });
      const colleague = await createEducator({ fullName: 'Alan Turing' });
      const { token } = await t.signInAs([Persona.EDUCATOR], { educatorId: me.id });

      const own = await t.gql(GET, { id: me.id }, token);
      expect(own.errors).toBeUndefined();
      expect(own.data.educator).toMatchObject({ id: me.id, fullName: 'Grace Hopper', workEmail: me.workEmail, building: { code: 'NES' } });

      const other = await t.gql(GET, { id: colleague.id }, token);
      expect(codeOf(other)).toBe('NOT_FOUND');
      expect(other.data).toBeNull();
      expect(JSON.stringify(other)).not.toContain('Alan Turing');
      const unknown = await t.gql(GET, { id: '00000000-0000-4000-8000-000000000000' }, token);
      expect(other.errors![0].message.replace(colleague.id, 'ID')).toBe(
        unknown.errors![0].message.replace('00000000-0000-4000-8000-000000000000', 'ID'),
      );

      expect(codeOf(await t.gql(GET, { id: colleague.id }, panelist))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(LIST, { first: 10 }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE, { input: { id: me.id, version: 1, fullName: 'Self-promoted' } }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(GET, { id: me.id }))).toBe('UNAUTHENTICATED');
    });

    it('lets HR list educators by building and by a search on name or email, paged with a cap', async () => {
      const target = await createEducator({ fullName: 'Katherine Johnson', buildingId: south.id, workEmail: 'kj_100%@district.example' });
      const bySearch = await t.gql(LIST, { first: 50, search: 'katherine' }, hr);
      expect(bySearch.data.educators.nodes).toEqual([
        { id: target.id, fullName: 'Katherine Johnson', workEmail: 'kj_100%@district.example', building: { code: 'SMS' } },
      ]);
      const byEmail = await t.gql(LIST, { first: 50, search: '_100%' }, hr);
      expect(byEmail.data.educators.nodes.map((n: { id: string }) => n.id)).toEqual([target.id]);
      const wildcard = await t.gql(LIST, { first: 50, search: '%' }, hr);
      expect(wildcard.data.educators.nodes.map((n: { id: string }) => n.id)).toEqual([target.id]);

      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM educator WHERE building_id = $1', [south.id]);
      const byBuilding = await t.gql(LIST, { first: 100, buildingId: south.id }, hr);
      expect(byBuilding.data.educators.totalCount).toBe(n);
      for (const node of byBuilding.data.educators.nodes) expect(node.building.code).toBe('SMS');

      const page1 = await t.gql(LIST, { first: 2 }, hr);
      const page2 = await t.gql(LIST, { first: 2, after: page1.data.educators.pageInfo.endCursor }, hr);
      expect(page2.data.educators.nodes[0].id).not.toBe(page1.data.educators.nodes[0].id);
      expect(codeOf(await t.gql(LIST, { first: 101 }, hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(LIST, { first: 5, after: 'not a cursor' }, hr))).toBe('BAD_USER_INPUT');
    });

    it('has no protected attributes or proxies on the Educator type or its inputs', async () => {
      const res = await t.gql(
        `{ out: __type(name: "Educator") { fields { name } } create: __type(name: "CreateEducatorInput") { inputFields { name } }
           update: __type(name: "UpdateEducatorInput") { inputFields { name } } }`,
        {},
        hr,
      );
      const names = (list: Array<{ name: string }>) => list.map((f) => f.name);
      const output = names(res.data.out.fields);
      expect(output).toEqual(expect.arrayContaining(['id', 'fullName', 'workEmail', 'building', 'currentAssignment', 'hireDate']));
      const all = [...output, ...names(res.data.create.inputFields), ...names(res.data.update.inputFields)];
      for (const name of all) expect(name).not.toMatch(/birth|age$|^age|zip|postal|address|gender|sex|race|ethnic|graduat/i);
    });
  });
});
