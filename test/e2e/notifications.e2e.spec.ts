import { Persona } from '../../src/access/persona.js';
import { NotificationDeliveryService } from '../../src/notifications/notification-delivery.service.js';
import { NewRoleAlertsService } from '../../src/matching/new-role-alerts.service.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { insertEvidence } from '../support/matching-fixtures.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';

const MINE = `query($unread: Boolean) { myNotifications(unreadOnly: $unread, first: 50) { totalCount unreadCount nodes { id kind subject body recipientEmail deliveryStatus readAt } } }`;
const OUTBOX = `query($s: NotificationDeliveryStatus) { notificationOutbox(status: $s, first: 100) { totalCount nodes { id kind recipientEmail subject body deliveryStatus attempts } } }`;
const DELIVER = `mutation { deliverNotifications { ran sent failed } }`;
const READ = `mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
const PREFS = `mutation($i: NotificationPreferencesInput!) { setNotificationPreferences(input: $i) { newRoleAlerts version } }`;
const CREATE_ACCOUNT = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id email } setPasswordLink { url token } } }`;

/**
 * Notifications through a real SMTP server: written in the same transaction as the change (the outbox), delivered
 * by the worker with retries, once even with several workers, and readable in the API by the person they concern.
 */
describe('notifications: the outbox and email delivery', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let w: HiringWorld;
  let hrEmail: string;
  let delivery: NotificationDeliveryService;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, NOTIFICATION_RETRY_BASE_MS: '50', SMTP_TIMEOUT_MS: '2000' });
    w = await hiringWorld(t, 1);
    hrEmail = (await t.ds.query(`SELECT email FROM account WHERE 'HR' = ANY(personas) ORDER BY created_at LIMIT 1`))[0].email;
    delivery = t.app.get(NotificationDeliveryService);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const rows = () =>
    t.ds.query(`SELECT kind, recipient_email, status, attempts, secret_body, last_error FROM notification ORDER BY created_at, id`);
  const mailTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  it('an invitation carries its set-password link in the email only, and the link is erased once sent', async () => {
    const created = ok(
      await t.gql(CREATE_ACCOUNT, { i: { email: 'New.Person@District.example', displayName: 'New Person', personas: ['PANELIST'] } }, w.hr),
    ).createAccount;
    const { token, url } = created.setPasswordLink;
    const [pending] = await t.ds.query(`SELECT kind, recipient_email, status, body, secret_body FROM notification WHERE account_id = $1`, [
      created.account.id,
    ]);
    expect(pending).toMatchObject({ kind: 'ACCOUNT_INVITATION', recipient_email: 'new.person@district.example', status: 'PENDING' });
    expect(pending.body).not.toContain(token);
    expect(pending.secret_body).toContain(token);
    const outbox = ok(await t.gql(OUTBOX, { s: 'PENDING' }, w.hr)).notificationOutbox.nodes;
    expect(JSON.stringify(outbox)).not.toContain(token);

    expect(ok(await t.gql(DELIVER, {}, w.hr)).deliverNotifications).toEqual({ ran: true, sent: 1, failed: 0 });
    const [mail] = mailTo('new.person@district.example');
    expect(mail.subject).toBe('Your Pathways account is ready');
    expect(mail.text).toContain(url);
    const [sent] = await t.ds.query(`SELECT status, secret_body, sent_at FROM notification WHERE account_id = $1`, [created.account.id]);
    expect(sent.status).toBe('SENT');
    expect(sent.secret_body).toBeNull();
    expect(sent.sent_at).not.toBeNull();
  });

  it('a hiring round tells each candidate of decisions with reasons, and HR of the answer to its offer', async () => {
    const roleId = await postOpenRole(t, w);
    ok(await t.gql(Q.invite, { input: { roleId, educatorId: w.bea.educatorId, message: 'Please apply' } }, w.hr));
    const bea = ok(await t.gql(Q.apply, { input: { roleId, statement: 'I led the pilot.' } }, w.bea.token)).applyToRole.id;
    const al = ok(await t.gql(Q.apply, { input: { roleId, statement: 'Keen to learn.' } }, w.al.token)).applyToRole.id;
    ok(await t.gql(Q.move, { input: { applicationId: bea, to: 'SCREENED', reason: 'Meets posting criteria' } }, w.hr));
    ok(await t.gql(Q.move, { input: { applicationId: al, to: 'SCREENED', reason: 'Meets posting criteria' } }, w.hr));
    ok(await t.gql(Q.move, { input: { applicationId: al, to: 'REJECTED', reason: 'No required competency demonstrated yet' } }, w.hr));
    ok(await t.gql(Q.move, { input: { applicationId: bea, to: 'SHORTLISTED', reason: 'Qualified on verified evidence' } }, w.hr));
    ok(await t.gql(Q.move, { input: { applicationId: bea, to: 'INTERVIEW', reason: 'Panel interview booked' } }, w.hr));
    const offer = ok(
      await t.gql(Q.makeOffer, { input: { applicationId: bea, startsOn: daysFromNow(40), endsOn: daysFromNow(400) } }, w.hr),
    ).makeOffer;
    ok(await t.gql(Q.acceptOffer, { input: { offerId: offer.id } }, w.bea.token));

    const summary = ok(await t.gql(DELIVER, {}, w.hr)).deliverNotifications;
    expect(summary.failed).toBe(0);
    const beaEmail = (await t.ds.query(`SELECT email FROM account WHERE id = $1`, [w.bea.accountId]))[0].email;
    const alEmail = (await t.ds.query(`SELECT email FROM account WHERE id = $1`, [w.al.accountId]))[0].email;
    expect(mailTo(beaEmail).map((m) => m.subject)).toEqual([
      'You are invited to apply: Innovation coach',
      'Your application for Innovation coach: screened',
      'Your application for Innovation coach: shortlisted',
      'Your application for Innovation coach: interview',
      'An offer: Innovation coach',
    ]);
    expect(mailTo(beaEmail)[4].text).toContain('40% FTE');
    const alMail = mailTo(alEmail);
    expect(alMail.map((m) => m.subject)).toEqual([
      'Your application for Innovation coach: screened',
      'Your application for Innovation coach: rejected',
    ]);
    expect(alMail[1].text).toContain('Reason: No required competency demonstrated yet');
    expect(mailTo(hrEmail).map((m) => m.subject)).toContain('Offer accepted: Innovation coach');
    expect(mailTo(hrEmail).find((m) => m.subject === 'Offer accepted: Innovation coach')!.text).toContain('Bea Lopez accepted');
    // The candidate's own moves (applying, accepting) tell nobody twice.
    expect(smtp.received.filter((m) => m.subject.includes('accepted') && m.to.includes(beaEmail))).toEqual([]);
  });

  it('a verification decision reaches the educator with its reason, and each person reads only their own', async () => {
    const item = await insertEvidence(t.ds, {
      educatorId: w.cy.educatorId,
      kind: 'ARTIFACT',
      title: 'Feedback rubric',
      status: 'SELF_REPORTED',
      startedOn: daysFromNow(-30),
      claims: [{ competencyId: w.comps['PL-DESIGN'], level: 2 }],
    });
    const req = ok(
      await t.gql(
        `mutation($i: RequestVerificationInput!) { requestVerification(input: $i) { id version } }`,
        { i: { evidenceId: item } },
        w.cy.token,
      ),
    ).requestVerification;
    ok(
      await t.gql(
        `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { status } }`,
        { i: { id: req.id, version: req.version, decision: 'REJECTED', reason: 'The rubric has no classroom use yet' } },
        w.hr,
      ),
    );

    const mine = ok(await t.gql(MINE, {}, w.cy.token)).myNotifications;
    expect(mine.nodes[0]).toMatchObject({
      kind: 'VERIFICATION_DECIDED',
      subject: 'Verification decided: Feedback rubric',
      deliveryStatus: 'PENDING',
      readAt: null,
    });
    expect(mine.nodes[0].body).toContain('Reason: The rubric has no classroom use yet');
    const unread = mine.unreadCount;

    // Another educator neither sees it nor can mark it read.
    const bea = ok(await t.gql(MINE, {}, w.bea.token)).myNotifications;
    expect(bea.nodes.map((n: { id: string }) => n.id)).not.toContain(mine.nodes[0].id);
    expect(ok(await t.gql(READ, { ids: [mine.nodes[0].id] }, w.bea.token)).markNotificationsRead).toBe(0);
    expect((await t.ds.query(`SELECT read_at FROM notification WHERE id = $1`, [mine.nodes[0].id]))[0].read_at).toBeNull();
    expect(ok(await t.gql(READ, { ids: [mine.nodes[0].id] }, w.cy.token)).markNotificationsRead).toBe(1);
    expect(ok(await t.gql(MINE, { unread: true }, w.cy.token)).myNotifications.unreadCount).toBe(unread - 1);

    expect(codeOf(await t.gql(READ, { ids: ['not-an-id'] }, w.cy.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(OUTBOX, {}, w.cy.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(DELIVER, {}, w.cy.token))).toBe('FORBIDDEN');
  });

  it('an SMTP outage loses nothing: attempts are counted, retried with back-off, then delivered', async () => {
    await delivery.deliverDue();
    const before = smtp.received.length;
    await smtp.close();
    ok(
      await t.gql(
        Q.invite,
        { input: { roleId: await postOpenRole(t, w, { title: 'Data ethics lead' }), educatorId: w.cy.educatorId, message: '' } },
        w.hr,
      ),
    );
    const failed = await delivery.deliverDue();
    expect(failed).toMatchObject({ ran: true, sent: 0, failed: 1 });
    const [waiting] = (await rows()).filter((r: { status: string }) => r.status !== 'SENT');
    expect(waiting).toMatchObject({ kind: 'APPLICATION_INVITATION', status: 'PENDING', attempts: 1 });
    expect(waiting.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: the back-off holds the retry.
    const restarted = await startSmtpSink(smtp.port);
    smtp.received.length = 0;
    Object.assign(smtp, { close: restarted.close, received: restarted.received });
    expect((await delivery.deliverDue(new Date(Date.now() - 1000))).sent).toBe(0);
    expect((await delivery.deliverDue(new Date(Date.now() + 60_000))).sent).toBe(1);
    expect(smtp.received.map((m) => m.subject)).toEqual(['You are invited to apply: Data ethics lead']);
    expect(before).toBeGreaterThan(0);
    expect((await rows()).every((r: { status: string }) => r.status === 'SENT')).toBe(true);
  });

  it('several workers deliver each message exactly once', async () => {
    for (let i = 0; i < 12; i++) {
      ok(
        await t.gql(
          CREATE_ACCOUNT,
          { i: { email: `batch-${i}@district.example`, displayName: `Batch ${i}`, personas: ['PANELIST'] } },
          w.hr,
        ),
      );
    }
    smtp.received.length = 0;
    // Separate worker objects, as on separate instances: the same rows, claimed with SKIP LOCKED.
    const workers = [delivery, new NotificationDeliveryService(t.ds, t.config), new NotificationDeliveryService(t.ds, t.config)];
    const results = await Promise.all(workers.map((d) => d.deliverDue()));
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(12);
    const addresses = smtp.received.flatMap((m) => m.to).sort();
    expect(addresses).toEqual(Array.from({ length: 12 }, (_, i) => `batch-${i}@district.example`).sort());
    await Promise.all(workers.slice(1).map((d) => d.onApplicationShutdown()));
  });

  it('opt-in alerts: a newly opened role is announced to those who qualify or are one requirement away, once', async () => {
    const alerts = t.app.get(NewRoleAlertsService);
    await alerts.scan(); // the roles opened so far, before anyone opted in: announced to nobody
    const prefs = ok(await t.gql(PREFS, { i: { newRoleAlerts: true, version: 1 } }, w.bea.token)).setNotificationPreferences;
    expect(prefs).toEqual({ newRoleAlerts: true, version: 2 });
    expect(codeOf(await t.gql(PREFS, { i: { newRoleAlerts: false, version: 1 } }, w.bea.token))).toBe('CONFLICT');
    ok(await t.gql(PREFS, { i: { newRoleAlerts: true, version: 1 } }, w.al.token));
    ok(await t.gql(PREFS, { i: { newRoleAlerts: true, version: 1 } }, w.cy.token));

    const count = async () =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'NEW_ROLE_MATCH'`))[0].n as number;
    const before = await count();
    await postOpenRole(t, w, {
      title: 'AI tools lead',
      requirements: [
        { competencyId: w.comps['AI-TOOL-EVAL'], minLevel: 3, weight: 50, kind: 'REQUIRED' },
        { competencyId: w.comps['PL-DESIGN'], minLevel: 2, weight: 50, kind: 'REQUIRED' },
      ],
    });
    const first = await alerts.scan();
    expect(first).toMatchObject({ ran: true, roles: 1, alerts: 2 });
    expect(await alerts.scan()).toMatchObject({ roles: 0, alerts: 0 });
    const found = await t.ds.query(
      `SELECT educator_id, subject, body FROM notification WHERE kind = 'NEW_ROLE_MATCH' AND subject LIKE '%AI tools lead' ORDER BY subject`,
    );
    expect(found.map((r: { educator_id: string; subject: string }) => [r.educator_id, r.subject])).toEqual([
      [w.cy.educatorId, 'A new role one requirement away: AI tools lead'],
      [w.bea.educatorId, 'A new role you qualify for: AI tools lead'],
    ]);
    expect(found[0].body).toMatch(/one requirement away: .+ at level 3/);
    expect(await count()).toBe(before + 2);
    // Al holds workshop hours only (never enough to meet a requirement): two requirements away, so nothing.
    expect(
      (
        await t.ds.query(`SELECT count(*)::int AS n FROM notification WHERE kind = 'NEW_ROLE_MATCH' AND educator_id = $1`, [
          w.al.educatorId,
        ])
      )[0].n,
    ).toBe(0);
  });

  it('a mail server password never reaches a stored error or the API', async () => {
    const other = await startTestApp({ SMTP_URL: 'smtp://mailer:hunter2-secret@127.0.0.1:1', SMTP_TIMEOUT_MS: '500' });
    try {
      const hr = (await other.signInAs([Persona.HR])).token;
      ok(await other.gql(CREATE_ACCOUNT, { i: { email: 'x@district.example', displayName: 'X', personas: ['PANELIST'] } }, hr));
      const res = ok(await other.gql(DELIVER, {}, hr)).deliverNotifications;
      expect(res).toEqual({ ran: true, sent: 0, failed: 1 });
      const [row] = await other.ds.query(`SELECT last_error, status FROM notification`);
      expect(row.status).toBe('PENDING');
      expect(row.last_error).not.toContain('hunter2');
      expect(JSON.stringify(await other.gql(OUTBOX, {}, hr))).not.toContain('hunter2');
    } finally {
      await other.close();
    }
  });
});
