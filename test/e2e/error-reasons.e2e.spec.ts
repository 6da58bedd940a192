import { hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

/** A client tells one CONFLICT from another by `extensions.reason`; the code stays what it was. */
describe('error reasons a client can branch on', () => {
  let t: TestApp;
  let w: HiringWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t);
  });
  afterAll(() => t.close());

  const extensions = (res: GqlResponse) => res.errors?.[0]?.extensions;

  it('answers a second application with CONFLICT / DUPLICATE_APPLICATION and keeps one row', async () => {
    const roleId = await postOpenRole(t, w);
    ok(await t.gql(Q.apply, { input: { roleId } }, w.bea.token));
    expect(extensions(await t.gql(Q.apply, { input: { roleId } }, w.bea.token))).toEqual({
      code: 'CONFLICT',
      reason: 'DUPLICATE_APPLICATION',
    });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM application WHERE role_id = $1 AND educator_id = $2`, [
      roleId,
      w.bea.educatorId,
    ]);
    expect(n).toBe(1);
  });

  it('answers an edit of a role changed since it was loaded with CONFLICT / STALE_VERSION and leaves the role as it was', async () => {
    const roleId = await postOpenRole(t, w);
    const { version } = ok(await t.gql(Q.role, { id: roleId }, w.hr)).role;
    const UPDATE = `mutation($input: UpdateRoleInput!) { updateRole(input: $input) { id version } }`;
    ok(await t.gql(UPDATE, { input: { id: roleId, version, title: 'Renamed once' } }, w.hr));
    expect(extensions(await t.gql(UPDATE, { input: { id: roleId, version, title: 'Renamed twice' } }, w.hr))).toEqual({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    const [{ title }] = await t.ds.query(`SELECT title FROM hybrid_role WHERE id = $1`, [roleId]);
    expect(title).toBe('Renamed once');
  });

  it('answers an application to a role that is not open with BAD_USER_INPUT / ROLE_NOT_OPEN', async () => {
    const roleId = await postOpenRole(t, w);
    const { version } = ok(await t.gql(Q.role, { id: roleId }, w.hr)).role;
    ok(
      await t.gql(
        `mutation($input: ChangeRoleStatusInput!) { changeRoleStatus(input: $input) { status } }`,
        { input: { id: roleId, version, status: 'CLOSED' } },
        w.hr,
      ),
    );
    expect(extensions(await t.gql(Q.apply, { input: { roleId } }, w.cy.token))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'ROLE_NOT_OPEN',
    });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM application WHERE role_id = $1`, [roleId]);
    expect(n).toBe(0);
  });
});
