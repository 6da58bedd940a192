import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const ROLE = `id title summary status version buildingId districtWide classroomFte roleFte stipend openings closingDate internalOnly minYearsOfService
  building { id code }
  requirements { competencyId minLevel weight kind position competency { code levels { level } } }`;
const CREATE = `mutation($input: CreateRoleInput!) { createRole(input: $input) { ${ROLE} } }`;
const UPDATE = `mutation($input: UpdateRoleInput!) { updateRole(input: $input) { ${ROLE} } }`;
const STATUS = `mutation($input: ChangeRoleStatusInput!) { changeRoleStatus(input: $input) { id status version } }`;
const GET = `query($id: ID!) { role(id: $id) { id title status } }`;
const LIST = `query($first: Int, $after: String, $status: RoleStatus, $buildingId: ID) {
  roles(first: $first, after: $after, status: $status, buildingId: $buildingId) { totalCount pageInfo { hasNextPage endCursor } nodes { id status } } }`;

const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('hybrid roles over HTTP', () => {
  let t: TestApp;
  let hr: string;
  let educator: string;
  let panelist: string;
  let comp: Record<string, string>;
  let retiredCompetency: string;
  let buildingId: string;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    educator = (await t.signInAs([Persona.EDUCATOR])).token;
    panelist = (await t.signInAs([Persona.PANELIST])).token;
    const rows: Array<{ id: string; code: string }> = await t.ds.query(
      `SELECT c.id, c.code FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE f.code = 'DISTRICT-AI-READINESS'`,
    );
    comp = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    [{ id: retiredCompetency }] = await t.ds.query(
      `SELECT c.id FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE f.code = 'UNESCO-AI-CFT-2024' ORDER BY c.code LIMIT 1`,
    );
    await t.ds.query('UPDATE competency SET retired_at = now() WHERE id = $1', [retiredCompetency]);
    const b = await t.gql(`mutation { createBuilding(input: { code: "LHS", name: "Lincoln High", level: "HIGH" }) { id } }`, {}, hr);
    buildingId = b.data.createBuilding.id;
  });
  afterAll(() => t.close());

  const codes = () => Object.keys(comp).sort();
  const required = (i = 0, minLevel = 2) => ({ competencyId: comp[codes()[i]], minLevel, weight: 30, kind: 'REQUIRED' });
  const preferred = (i = 1, minLevel = 1) => ({ competencyId: comp[codes()[i]], minLevel, weight: 10, kind: 'PREFERRED' });
  const roleInput = (over: Record<string, unknown> = {}) => ({
    title: 'AI integration specialist',
    summary: 'Leads AI pilots and coaches colleagues on AI-supported feedback.',
    buildingId,
    classroomFte: 0.6,
    roleFte: 0.4,
    stipend: 4500,
    openings: 2,
    closingDate: isoDate(30),
    requirements: [required(), preferred()],
    ...over,
  });

  async function create(over: Record<string, unknown> = {}): Promise<{ id: string; version: number; status: string }> {
    const res = await t.gql(CREATE, { input: roleInput(over) }, hr);
    expect(res.errors).toBeUndefined();
    return res.data.createRole;
  }

  async function setStatus(id: string, version: number, status: string): Promise<GqlResponse> {
    return t.gql(STATUS, { input: { id, version, status } }, hr);
  }

  /** Everything a role mutation could touch, to prove a refused one touched nothing. */
  async function snapshot() {
    return {
      roles: await t.ds.query('SELECT * FROM hybrid_role ORDER BY id'),
      requirements: await t.ds.query('SELECT * FROM role_requirement ORDER BY id'),
      audit: await t.ds.query('SELECT count(*)::int AS n FROM audit_entry'),
    };
  }

  async function auditOf(id: string): Promise<Array<{ action: string; changes: Record<string, unknown> }>> {
    return t.ds.query('SELECT action, changes FROM audit_entry WHERE target_id = $1 ORDER BY id', [id]);
  }

  it('lets HR create a DRAFT role with its requirements, stored and audited', async () => {
    const res = await t.gql(CREATE, { input: roleInput({ minYearsOfService: 3 }) }, hr);
    expect(res.errors).toBeUndefined();
    const role = res.data.createRole;
    expect(role).toMatchObject({
      status: 'DRAFT',
      version: 1,
      buildingId,
      districtWide: false,
      classroomFte: 0.6,
      roleFte: 0.4,
      stipend: 4500,
      openings: 2,
      closingDate: isoDate(30),
      internalOnly: true,
      minYearsOfService: 3,
      building: { id: buildingId, code: 'LHS' },
    });
    expect(role.requirements).toEqual([
      { ...required(), position: 0, competency: { code: codes()[0], levels: [1, 2, 3, 4].map((level) => ({ level })) } },
      { ...preferred(), position: 1, competency: { code: codes()[1], levels: [1, 2, 3, 4].map((level) => ({ level })) } },
    ]);

    const [row] = await t.ds.query(
      'SELECT status, classroom_fte, role_fte, building_id, min_years_of_service FROM hybrid_role WHERE id = $1',
      [role.id],
    );
    expect(row).toEqual({ status: 'DRAFT', classroom_fte: '0.60', role_fte: '0.40', building_id: buildingId, min_years_of_service: 3 });
    const reqs = await t.ds.query(
      'SELECT competency_id, min_level, kind, position FROM role_requirement WHERE role_id = $1 ORDER BY position',
      [role.id],
    );
    expect(reqs).toEqual([
      { competency_id: required().competencyId, min_level: 2, kind: 'REQUIRED', position: 0 },
      { competency_id: preferred().competencyId, min_level: 1, kind: 'PREFERRED', position: 1 },
    ]);
    expect((await auditOf(role.id)).map((a) => a.action)).toEqual(['ROLE_CREATED']);
  });

  it('creates a district-wide role when no building is given', async () => {
    const res = await t.gql(CREATE, { input: roleInput({ buildingId: null, title: 'Data ethics team member' }) }, hr);
    expect(res.data.createRole).toMatchObject({ buildingId: null, districtWide: true, building: null });
  });

  it('lets HR update fields and replace the requirement list, bumping the version and auditing the change', async () => {
    const role = await create();
    const res = await t.gql(
      UPDATE,
      { input: { id: role.id, version: 1, title: 'Innovation coach', roleFte: 0.3, buildingId: null, requirements: [required(2, 3)] } },
      hr,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateRole).toMatchObject({
      title: 'Innovation coach',
      roleFte: 0.3,
      classroomFte: 0.6,
      districtWide: true,
      version: 2,
    });
    expect(res.data.updateRole.requirements).toEqual([expect.objectContaining({ ...required(2, 3), position: 0 })]);
    const reqs = await t.ds.query('SELECT competency_id, min_level FROM role_requirement WHERE role_id = $1', [role.id]);
    expect(reqs).toEqual([{ competency_id: required(2).competencyId, min_level: 3 }]);
    const [updated] = (await auditOf(role.id)).filter((a) => a.action === 'ROLE_UPDATED');
    expect(updated.changes).toMatchObject({
      title: { from: 'AI integration specialist', to: 'Innovation coach' },
      roleFte: { from: 0.4, to: 0.3 },
    });
    expect(updated.changes.requirements).toBeDefined();
  });

  it('bumps the version when only the requirements change', async () => {
    const role = await create();
    const res = await t.gql(UPDATE, { input: { id: role.id, version: 1, requirements: [required(), preferred(3)] } }, hr);
    expect(res.data.updateRole.version).toBe(2);
    const stale = await t.gql(UPDATE, { input: { id: role.id, version: 1, title: 'Lost update' } }, hr);
    expect(codeOf(stale)).toBe('CONFLICT');
  });

  it('walks a role through open, close, reopen and fill, auditing every status change', async () => {
    const role = await create();
    const opened = await setStatus(role.id, 1, 'OPEN');
    expect(opened.data.changeRoleStatus).toEqual({ id: role.id, status: 'OPEN', version: 2 });
    expect((await setStatus(role.id, 2, 'CLOSED')).data.changeRoleStatus.status).toBe('CLOSED');
    expect((await setStatus(role.id, 3, 'OPEN')).data.changeRoleStatus.status).toBe('OPEN');
    const edited = await t.gql(UPDATE, { input: { id: role.id, version: 4, stipend: 5000 } }, hr);
    expect(edited.data.updateRole).toMatchObject({ status: 'OPEN', stipend: 5000, version: 5 });
    expect((await setStatus(role.id, 5, 'FILLED')).data.changeRoleStatus).toMatchObject({ status: 'FILLED', version: 6 });

    const [row] = await t.ds.query('SELECT status, version, stipend FROM hybrid_role WHERE id = $1', [role.id]);
    expect(row).toEqual({ status: 'FILLED', version: 6, stipend: 5000 });
    const statusChanges = (await auditOf(role.id)).filter((a) => a.action === 'ROLE_STATUS_CHANGED').map((a) => a.changes);
    expect(statusChanges).toEqual([
      { from: 'DRAFT', to: 'OPEN' },
      { from: 'OPEN', to: 'CLOSED' },
      { from: 'CLOSED', to: 'OPEN' },
      { from: 'OPEN', to: 'FILLED' },
    ]);

    const before = await snapshot();
    const editFilled = await t.gql(UPDATE, { input: { id: role.id, version: 6, title: 'Too late' } }, hr);
    expect(codeOf(editFilled)).toBe('BAD_USER_INPUT');
    expect(editFilled.errors![0].message).toMatch(/FILLED role can no longer be edited/);
    expect(codeOf(await setStatus(role.id, 6, 'OPEN'))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a requirement whose competency was retired after posting, but refuses adding a retired one', async () => {
    const fw = (await t.ds.query(`SELECT id FROM competency_framework WHERE code = 'DISTRICT-AI-READINESS'`))[0];
    const made = await t.gql(
      `mutation($input: CreateCompetencyInput!) { createCompetency(input: $input) { id } }`,
      { input: { frameworkId: fw.id, code: 'SOON-RETIRED', name: 'Soon retired', dimension: 'X', levels: [{ level: 1, label: 'One' }] } },
      hr,
    );
    const soon = made.data.createCompetency.id;
    const role = await create({ requirements: [required(), { competencyId: soon, minLevel: 1, weight: 5, kind: 'PREFERRED' }] });
    const other = await create();
    await t.ds.query('UPDATE competency SET retired_at = now() WHERE id = $1', [soon]);

    const kept = await t.gql(
      UPDATE,
      {
        input: {
          id: role.id,
          version: 1,
          requirements: [required(0, 3), { competencyId: soon, minLevel: 1, weight: 8, kind: 'PREFERRED' }],
        },
      },
      hr,
    );
    expect(kept.errors).toBeUndefined();
    expect(kept.data.updateRole.requirements.map((q: { competencyId: string; weight: number }) => [q.competencyId, q.weight])).toEqual([
      [required().competencyId, 30],
      [soon, 8],
    ]);
    const before = await snapshot();
    const added = await t.gql(
      UPDATE,
      {
        input: { id: other.id, version: 1, requirements: [required(), { competencyId: soon, minLevel: 1, weight: 5, kind: 'PREFERRED' }] },
      },
      hr,
    );
    expect(codeOf(added)).toBe('BAD_USER_INPUT');
    expect(added.errors![0].message).toMatch(/SOON-RETIRED is retired/);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    { from: 'DRAFT', path: [], to: 'CLOSED', message: /A DRAFT role cannot become CLOSED; it can only become OPEN/ },
    { from: 'DRAFT', path: [], to: 'FILLED', message: /A DRAFT role cannot become FILLED/ },
    { from: 'OPEN', path: ['OPEN'], to: 'DRAFT', message: /A OPEN role cannot become DRAFT; it can only become CLOSED or FILLED/ },
    { from: 'OPEN', path: ['OPEN'], to: 'OPEN', message: /already OPEN/ },
    { from: 'CLOSED', path: ['OPEN', 'CLOSED'], to: 'DRAFT', message: /A CLOSED role cannot become DRAFT/ },
  ])('refuses $from -> $to with BAD_USER_INPUT and changes nothing', async ({ path, to, message }) => {
    const role = await create();
    let version = 1;
    for (const step of path) version = (await setStatus(role.id, version, step)).data.changeRoleStatus.version;
    const before = await snapshot();
    const res = await setStatus(role.id, version, to);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to open a role without a REQUIRED competency, and changes nothing', async () => {
    const role = await create({ requirements: [preferred(0), preferred(1)] });
    const before = await snapshot();
    const res = await setStatus(role.id, 1, 'OPEN');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toBe('A role cannot open without at least one REQUIRED competency');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to open a role whose closing date has passed', async () => {
    const role = await create({ closingDate: isoDate(-2) });
    const before = await snapshot();
    const res = await setStatus(role.id, 1, 'OPEN');
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/closing date in the past/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to leave an OPEN role without a REQUIRED competency or with a past closing date', async () => {
    const role = await create();
    await setStatus(role.id, 1, 'OPEN');
    const before = await snapshot();
    const noRequired = await t.gql(UPDATE, { input: { id: role.id, version: 2, requirements: [preferred()] } }, hr);
    expect(codeOf(noRequired)).toBe('BAD_USER_INPUT');
    const pastClosing = await t.gql(UPDATE, { input: { id: role.id, version: 2, closingDate: isoDate(-1) } }, hr);
    expect(codeOf(pastClosing)).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  describe('bad input gets a coded error and leaves the database as it was', () => {
    let existing: { id: string; version: number };
    beforeAll(async () => {
      existing = await create({ title: 'Existing role' });
    });

    const cases: Array<[string, () => { query: string; input: Record<string, unknown> }, string, RegExp?]> = [
      [
        'create with FTE over 1.0',
        () => ({ query: CREATE, input: roleInput({ classroomFte: 0.8, roleFte: 0.4 }) }),
        'BAD_USER_INPUT',
        /classroomFte \+ roleFte must not exceed 1.0/,
      ],
      [
        'update with FTE over 1.0',
        () => ({ query: UPDATE, input: { id: existing.id, version: existing.version, classroomFte: 0.9 } }),
        'BAD_USER_INPUT',
        /must not exceed 1.0/,
      ],
      [
        'a level outside the competency',
        () => ({ query: CREATE, input: roleInput({ requirements: [required(0, 5)] }) }),
        'BAD_USER_INPUT',
        /allowed levels: 1, 2, 3, 4/,
      ],
      [
        'an unknown competency',
        () => ({
          query: CREATE,
          input: roleInput({ requirements: [{ ...required(), competencyId: '00000000-0000-4000-8000-000000000000' }] }),
        }),
        'NOT_FOUND',
        /Competency 00000000-0000-4000-8000-000000000000 was not found/,
      ],
      [
        'a retired competency',
        () => ({ query: CREATE, input: roleInput({ requirements: [required(), { ...preferred(), competencyId: retiredCompetency }] }) }),
        'BAD_USER_INPUT',
        /is retired/,
      ],
      ['a 1 MB title on create', () => ({ query: CREATE, input: roleInput({ title: 'x'.repeat(1_000_000) }) }), 'BAD_USER_INPUT', /title/],
      [
        'a 1 MB title on update',
        () => ({ query: UPDATE, input: { id: existing.id, version: existing.version, title: 'x'.repeat(1_000_000) } }),
        'BAD_USER_INPUT',
        /title/,
      ],
      [
        'a malformed role id',
        () => ({ query: UPDATE, input: { id: 'not-a-uuid', version: 1, title: 'x' } }),
        'BAD_USER_INPUT',
        /malformed/,
      ],
      [
        'a malformed competency id',
        () => ({ query: CREATE, input: roleInput({ requirements: [{ ...required(), competencyId: 'abc' }] }) }),
        'BAD_USER_INPUT',
        /malformed/,
      ],
      [
        'an unknown role id',
        () => ({ query: UPDATE, input: { id: '00000000-0000-4000-8000-000000000000', version: 1, title: 'x' } }),
        'NOT_FOUND',
      ],
      [
        'an unknown building',
        () => ({ query: CREATE, input: roleInput({ buildingId: '00000000-0000-4000-8000-000000000000' }) }),
        'NOT_FOUND',
        /Building/,
      ],
      [
        'a stale version on update',
        () => ({ query: UPDATE, input: { id: existing.id, version: existing.version + 7, title: 'Lost' } }),
        'CONFLICT',
        /changed by someone else/,
      ],
      [
        'a stale version on status change',
        () => ({ query: STATUS, input: { id: existing.id, version: existing.version + 7, status: 'OPEN' } }),
        'CONFLICT',
      ],
      [
        'a duplicate competency',
        () => ({ query: CREATE, input: roleInput({ requirements: [required(), { ...required(), minLevel: 3 }] }) }),
        'BAD_USER_INPUT',
        /more than once/,
      ],
      [
        'a weight of 0',
        () => ({ query: CREATE, input: roleInput({ requirements: [{ ...required(), weight: 0 }] }) }),
        'BAD_USER_INPUT',
        /weight/,
      ],
      [
        'a weight over 100',
        () => ({ query: CREATE, input: roleInput({ requirements: [{ ...required(), weight: 101 }] }) }),
        'BAD_USER_INPUT',
        /weight/,
      ],
      ['no requirements', () => ({ query: CREATE, input: roleInput({ requirements: [] }) }), 'BAD_USER_INPUT', /requirements/],
      [
        '31 requirements',
        () => ({ query: CREATE, input: roleInput({ requirements: Array.from({ length: 31 }, () => required()) }) }),
        'BAD_USER_INPUT',
        /requirements/,
      ],
      ['51 openings', () => ({ query: CREATE, input: roleInput({ openings: 51 }) }), 'BAD_USER_INPUT', /openings/],
      ['a negative stipend', () => ({ query: CREATE, input: roleInput({ stipend: -1 }) }), 'BAD_USER_INPUT', /stipend/],
      ['a zero role FTE', () => ({ query: CREATE, input: roleInput({ roleFte: 0 }) }), 'BAD_USER_INPUT', /roleFte/],
      ['a 4001-character summary', () => ({ query: CREATE, input: roleInput({ summary: 'y'.repeat(4001) }) }), 'BAD_USER_INPUT', /summary/],
      [
        '51 minimum years of service',
        () => ({ query: CREATE, input: roleInput({ minYearsOfService: 51 }) }),
        'BAD_USER_INPUT',
        /minYearsOfService/,
      ],
      [
        'an impossible closing date',
        () => ({ query: CREATE, input: roleInput({ closingDate: '2026-02-30' }) }),
        'BAD_USER_INPUT',
        /closingDate/,
      ],
      [
        'a null title on update',
        () => ({ query: UPDATE, input: { id: existing.id, version: existing.version, title: null } }),
        'BAD_USER_INPUT',
        /title/,
      ],
    ];

    const table = cases.map(([name, make, code, message]) => ({ name, make, code, message }));
    it.each(table)('$name', async ({ make, code, message }) => {
      const { query, input } = make();
      const before = await snapshot();
      const res = await t.gql(query, { input }, hr);
      expect(codeOf(res)).toBe(code);
      if (message) expect(res.errors![0].message).toMatch(message);
      expect(JSON.stringify(res.errors)).not.toMatch(/stack|SELECT|INSERT|invalid input syntax|xxxxxxxxxx/i);
      expect(await snapshot()).toEqual(before);
    });

    it('answers a malformed id in role(id) with BAD_USER_INPUT', async () => {
      expect(codeOf(await t.gql(GET, { id: 'not-a-uuid' }, hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(GET, { id: '00000000-0000-4000-8000-000000000000' }, hr))).toBe('NOT_FOUND');
    });
  });

  describe('visibility', () => {
    let draft: { id: string };
    let open: { id: string };
    let closed: { id: string };
    beforeAll(async () => {
      draft = await create({ title: 'Draft curriculum redesign facilitator' });
      open = await create({ title: 'Open digital learning leader' });
      await setStatus(open.id, 1, 'OPEN');
      closed = await create({ title: 'Closed coach' });
      await setStatus(closed.id, 1, 'OPEN');
      await setStatus(closed.id, 2, 'CLOSED');
    });

    const allIds = async (token: string, vars: Record<string, unknown> = {}) => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const res: GqlResponse = await t.gql(LIST, { first: 100, after, ...vars }, token);
        expect(res.errors).toBeUndefined();
        ids.push(...res.data.roles.nodes.map((n: { id: string }) => n.id));
        after = res.data.roles.pageInfo.hasNextPage ? res.data.roles.pageInfo.endCursor : null;
      } while (after);
      return ids;
    };

    it('shows an educator OPEN roles but not DRAFT or CLOSED ones', async () => {
      const ids = await allIds(educator);
      expect(ids).toContain(open.id);
      expect(ids).not.toContain(draft.id);
      expect(ids).not.toContain(closed.id);
      const statuses = (await t.gql(LIST, { first: 100 }, educator)).data.roles.nodes.map((n: { status: string }) => n.status);
      expect(new Set(statuses)).toEqual(new Set(['OPEN']));

      expect((await t.gql(GET, { id: open.id }, educator)).data.role).toMatchObject({ id: open.id, status: 'OPEN' });
      const hidden = await t.gql(GET, { id: draft.id }, educator);
      expect(codeOf(hidden)).toBe('NOT_FOUND');
      expect(hidden.data).toBeNull();
      expect(codeOf(await t.gql(GET, { id: closed.id }, educator))).toBe('NOT_FOUND');
      expect((await t.gql(LIST, { status: 'DRAFT' }, educator)).data.roles).toMatchObject({ totalCount: 0, nodes: [] });
    });

    it('hides drafts from panelists too, and shows HR every role with working filters', async () => {
      expect(codeOf(await t.gql(GET, { id: draft.id }, panelist))).toBe('NOT_FOUND');
      const all = await allIds(hr);
      expect(all).toEqual(expect.arrayContaining([draft.id, open.id, closed.id]));
      expect(await allIds(hr, { status: 'DRAFT' })).toContain(draft.id);
      expect(await allIds(hr, { status: 'DRAFT' })).not.toContain(open.id);
      const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM hybrid_role WHERE building_id = $1', [buildingId]);
      expect(await allIds(hr, { buildingId })).toHaveLength(n);
    });

    it('pages with cursors and refuses a page size over 100', async () => {
      const first = await t.gql(LIST, { first: 2 }, hr);
      expect(first.data.roles.nodes).toHaveLength(2);
      expect(first.data.roles.pageInfo.hasNextPage).toBe(true);
      const second = await t.gql(LIST, { first: 2, after: first.data.roles.pageInfo.endCursor }, hr);
      const firstIds = first.data.roles.nodes.map((n: { id: string }) => n.id);
      for (const n of second.data.roles.nodes) expect(firstIds).not.toContain(n.id);
      expect(codeOf(await t.gql(LIST, { first: 101 }, hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(LIST, { first: 0 }, hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(LIST, { buildingId: 'nope' }, hr))).toBe('BAD_USER_INPUT');
    });
  });

  describe('access', () => {
    it('refuses an educator or panelist calling an HR mutation with FORBIDDEN, and writes nothing', async () => {
      const before = await snapshot();
      expect(codeOf(await t.gql(CREATE, { input: roleInput() }, educator))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(CREATE, { input: roleInput() }, panelist))).toBe('FORBIDDEN');
      const role = (await t.ds.query('SELECT id, version FROM hybrid_role LIMIT 1'))[0];
      expect(codeOf(await t.gql(UPDATE, { input: { id: role.id, version: role.version, title: 'x' } }, educator))).toBe('FORBIDDEN');
      expect(codeOf(await setStatusAs(educator, role.id, role.version, 'OPEN'))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses anonymous calls with UNAUTHENTICATED', async () => {
      expect(codeOf(await t.gql(LIST, { first: 5 }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(GET, { id: '00000000-0000-4000-8000-000000000000' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(CREATE, { input: roleInput() }))).toBe('UNAUTHENTICATED');
    });

    async function setStatusAs(token: string, id: string, version: number, status: string) {
      return t.gql(STATUS, { input: { id, version, status } }, token);
    }
  });
});
