import { createHash } from 'node:crypto';
import { Persona } from '../../src/access/persona.js';
import { BATCH_ROWS } from '../../src/imports/imports.service.js';
import { ok } from '../support/hiring-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Accounts by file are created set-based, a batch at a time: each still invited, linked and audited as createAccount does. */
describe('accounts import in bulk: every new account invited through the outbox and audited, in the commit transaction', () => {
  let t: TestApp;
  let hr: string;
  let hrId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const signed = await t.signInAs([Persona.HR], { email: 'bulk.hr@district.example' });
    hr = signed.token;
    hrId = signed.account.id;
  });
  afterAll(() => t.close());

  interface Job {
    id: string;
    phase: string;
    errors: { row: number; column: string; code: string }[];
  }
  const send = async (method: string, path: string, body?: string): Promise<Job> => {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method,
      body,
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${hr}` },
    });
    return (await res.json()) as Job;
  };
  const preview = (kind: string, body: string) => send('POST', `/imports/${kind}`, body);
  const commit = (id: string) => send('POST', `/imports/jobs/${id}/commit`);
  const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
  const SET_PASSWORD = `mutation($input: SetPasswordInput!) { setPassword(input: $input) { accessToken viewer { email personas } } }`;

  it('more accounts than one batch: each has one invitation link, one mailed invitation carrying that link, one audit entry', async () => {
    const n = BATCH_ROWS + 205;
    const lines = Array.from({ length: n }, (_, i) => `person${i}@bulk.example,Person ${i},PANELIST LEADER`);
    const p = await preview('accounts', ['email,display_name,personas', ...lines].join('\n'));
    expect(p).toMatchObject({ phase: 'PREVIEWED', errorCount: 0, toCreate: n });
    expect(await commit(p.id)).toMatchObject({ phase: 'COMMITTED', toCreate: n });

    const accounts = await t.ds.query(
      `SELECT id, email, display_name, personas, password_hash, version FROM account WHERE email LIKE '%@bulk.example' ORDER BY email`,
    );
    expect(accounts).toHaveLength(n);
    expect(accounts.find((a: { email: string }) => a.email === 'person7@bulk.example')).toMatchObject({
      display_name: 'Person 7',
      personas: ['LEADER', 'PANELIST'],
      password_hash: null,
      version: 1,
    });
    const links: { account_id: string; token_hash: string; purpose: string; created_by: string; used_at: Date | null; valid: boolean }[] =
      await t.ds.query(
        `SELECT l.account_id, l.token_hash, l.purpose, l.created_by, l.used_at, l.expires_at > now() AS valid
         FROM account_password_link l JOIN account a ON a.id = l.account_id WHERE a.email LIKE '%@bulk.example'`,
      );
    expect(links).toHaveLength(n);
    expect(new Set(links.map((l) => l.account_id)).size).toBe(n);
    expect(links.every((l) => l.purpose === 'INVITATION' && l.created_by === hrId && l.used_at === null && l.valid)).toBe(true);

    const mails: { account_id: string; recipient_email: string; subject: string; body: string; secret_body: string; status: string }[] =
      await t.ds.query(
        `SELECT n.account_id, n.recipient_email, n.subject, n.body, n.secret_body, n.status FROM notification n
         WHERE n.kind = 'ACCOUNT_INVITATION' AND n.recipient_email LIKE '%@bulk.example'`,
      );
    expect(mails).toHaveLength(n);
    const hashByAccount = new Map(links.map((l) => [l.account_id, l.token_hash]));
    const emailById = new Map(accounts.map((a: { id: string; email: string }) => [a.id, a.email]));
    for (const m of mails) {
      const token = /#token=([A-Za-z0-9_-]+)/.exec(m.secret_body)?.[1];
      expect([m.recipient_email, m.status, m.subject]).toEqual([emailById.get(m.account_id), 'PENDING', 'Your Pathways account is ready']);
      // The mailed link is the account's own stored link; the body readable in the API never carries it.
      expect(sha256(token!)).toBe(hashByAccount.get(m.account_id));
      expect(m.body).not.toContain(token);
    }

    const audits: { target_id: string; actor_account_id: string; changes: { before: null; after: { email: string }; via: string } }[] =
      await t.ds.query(
        `SELECT target_id, actor_account_id, changes FROM audit_entry WHERE action = 'ACCOUNT_CREATED' AND target_id = ANY($1)`,
        [accounts.map((a: { id: string }) => a.id)],
      );
    expect(audits).toHaveLength(n);
    expect(audits.every((a) => a.actor_account_id === hrId && a.changes.via === 'import' && a.changes.before === null)).toBe(true);
    expect(audits.find((a) => a.target_id === accounts[0].id)!.changes.after).toEqual({
      email: accounts[0].email,
      displayName: accounts[0].display_name,
      personas: ['LEADER', 'PANELIST'],
      educatorId: null,
      disabled: false,
      endorserBuildingIds: [],
    });

    // The mailed link works: the person sets a password with it and is signed in.
    const mail = mails.find((m) => m.recipient_email === 'person7@bulk.example')!;
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.secret_body)![1];
    const session = ok(await t.gql(SET_PASSWORD, { input: { token, password: 'correct horse battery staple' } })).setPassword;
    expect(session.viewer).toEqual({ email: 'person7@bulk.example', personas: ['LEADER', 'PANELIST'] });

    // Importing the same file again creates, invites and audits nothing more.
    const again = await preview('accounts', ['email,display_name,personas', ...lines].join('\n'));
    expect(again).toMatchObject({ phase: 'PREVIEWED', toCreate: 0, toUpdate: 0, unchanged: n });
    await commit(again.id);
    expect(
      await t.ds.query(
        `SELECT (SELECT count(*)::int FROM account_password_link) AS links, (SELECT count(*)::int FROM notification WHERE kind = 'ACCOUNT_INVITATION') AS mails`,
      ),
    ).toEqual([{ links: n, mails: n }]);
  });

  it('refuses ENDORSER for a new account (its buildings cannot come from a file), naming the row, and writes nothing', async () => {
    const before = await t.ds.query(
      `SELECT (SELECT count(*)::int FROM account) AS accounts, (SELECT count(*)::int FROM notification) AS mails`,
    );
    const p = await preview(
      'accounts',
      'email,display_name,personas\nok@endorse.example,Ok,PANELIST\nend@endorse.example,End,ENDORSER PANELIST\n',
    );
    expect(p.phase).toBe('REJECTED');
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'personas', 'ENDORSER_NEEDS_BUILDINGS']]);
    expect(
      await t.ds.query(`SELECT (SELECT count(*)::int FROM account) AS accounts, (SELECT count(*)::int FROM notification) AS mails`),
    ).toEqual(before);
  });
});
