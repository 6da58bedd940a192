import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

describe('the audit log', () => {
  let t: TestApp;
  let hr: string;
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    await t.ds.query(`INSERT INTO audit_entry (action, target_type, target_id, changes) VALUES
      ('SIGN_IN_FAILED', 'Account', NULL, '{"email":"a@x.test"}'),
      ('ROLE_STATUS_CHANGED', 'HybridRole', 'r-1', '{"from":"DRAFT","to":"OPEN"}'),
      ('ROLE_STATUS_CHANGED', 'HybridRole', 'r-2', '{"from":"OPEN","to":"CLOSED"}')`);
  });
  afterAll(() => t.close());

  it.each([
    ['UPDATE', `UPDATE audit_entry SET action = 'X'`],
    ['DELETE', `DELETE FROM audit_entry`],
    ['TRUNCATE', `TRUNCATE audit_entry`],
  ])('refuses %s at the database, whoever asks', async (_op, sql) => {
    await expect(t.ds.query(sql)).rejects.toThrow(/append-only/);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM audit_entry');
    expect(n).toBe(3);
  });

  it('lets HR filter and page entries, newest first', async () => {
    const q = `query($action: String, $first: Int, $after: String) { auditEntries(action: $action, first: $first, after: $after) { totalCount nodes { action targetId changesJson } pageInfo { hasNextPage endCursor } } }`;
    const page1 = await t.gql(q, { action: 'ROLE_STATUS_CHANGED', first: 1 }, hr);
    expect(page1.data.auditEntries.totalCount).toBe(2);
    const [newest] = page1.data.auditEntries.nodes;
    expect(newest).toMatchObject({ action: 'ROLE_STATUS_CHANGED', targetId: 'r-2' });
    expect(JSON.parse(newest.changesJson)).toEqual({ from: 'OPEN', to: 'CLOSED' });
    const page2 = await t.gql(q, { action: 'ROLE_STATUS_CHANGED', first: 1, after: page1.data.auditEntries.pageInfo.endCursor }, hr);
    expect(page2.data.auditEntries.nodes.map((n: { targetId: string }) => n.targetId)).toEqual(['r-1']);
    expect(page2.data.auditEntries.pageInfo.hasNextPage).toBe(false);
  });

  it('is for HR only', async () => {
    const educator = (await t.signInAs([Persona.EDUCATOR])).token;
    const panelist = (await t.signInAs([Persona.PANELIST])).token;
    expect(codeOf(await t.gql(`{ auditEntries { totalCount } }`, {}, educator))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`{ auditEntries { totalCount } }`, {}, panelist))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`{ auditEntries { totalCount } }`))).toBe('UNAUTHENTICATED');
  });

  it('refuses pages over the cap', async () => {
    expect(codeOf(await t.gql(`{ auditEntries(first: 101) { totalCount } }`, {}, hr))).toBe('BAD_USER_INPUT');
  });
});
