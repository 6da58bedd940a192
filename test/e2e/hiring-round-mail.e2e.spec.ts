import { NotificationDeliveryService } from '../../src/notifications/notification-delivery.service.js';
import { NewRoleAlertsService } from '../../src/matching/new-role-alerts.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { insertEvidence } from '../support/matching-fixtures.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink.js';

const PREFS = `mutation($i: NotificationPreferencesInput!) { setNotificationPreferences(input: $i) { newRoleAlerts version } }`;
const DELIVER = `mutation { deliverNotifications { ran sent failed } }`;
const REQUEST = `mutation($i: RequestVerificationInput!) { requestVerification(input: $i) { id version } }`;
const DECIDE = `mutation($i: DecideVerificationInput!) { decideVerification(input: $i) { status } }`;
const ROLE = 'Instructional innovation coach';
const FILLED = 'The role has been filled: every opening was accepted, so this application is closed. Thank you for applying.';

/**
 * The check "an SMTP server receiving a hiring round's messages": a whole round through the GraphQL API,
 * delivered to a real SMTP server, and every message read: recipient, subject, key content, each exactly once.
 */
describe("a hiring round's messages at a real SMTP server", () => {
  let smtp: SmtpSink;
  let t: TestApp;
  let w: HiringWorld;
  const email: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, NOTIFICATION_RETRY_BASE_MS: '50', SMTP_TIMEOUT_MS: '2000' });
    w = await hiringWorld(t, 1);
    const accounts = await t.ds.query(`SELECT id, email FROM account`);
    const byId = new Map<string, string>(accounts.map((a: { id: string; email: string }) => [a.id, a.email]));
    for (const [name, id] of Object.entries({
      bea: w.bea.accountId,
      cy: w.cy.accountId,
      al: w.al.accountId,
      panelist: w.panel[0].accountId,
      outsider: w.outsider.accountId,
    }))
      email[name] = byId.get(id)!;
    email.hr = (await t.ds.query(`SELECT email FROM account WHERE 'HR' = ANY(personas) ORDER BY created_at LIMIT 1`))[0].email;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const deliver = async () => {
    const r = ok(await t.gql(DELIVER, {}, w.hr)).deliverNotifications;
    expect(r.failed).toBe(0);
    return r.sent as number;
  };

  it('invitation, applications, panel, decisions, offer, acceptance, the role filled, verification decisions: each told once', async () => {
    // Educators who opted in to new-role alerts hear of the role when it opens.
    for (const p of [w.bea, w.cy, w.al]) ok(await t.gql(PREFS, { i: { newRoleAlerts: true, version: 1 } }, p.token));
    const alerts = t.app.get(NewRoleAlertsService);
    await alerts.scan();
    const roleId = await postOpenRole(t, w, { title: ROLE });
    expect(await alerts.scan()).toMatchObject({ ran: true, roles: 1, alerts: 2 });

    // HR invites Cy; Bea and Al apply on their own; Cy accepts the invitation.
    const invitation = ok(
      await t.gql(
        Q.invite,
        { input: { roleId, educatorId: w.cy.educatorId, message: 'Your endorsed artifacts fit this role well' } },
        w.hr,
      ),
    ).inviteCandidate;
    const bea = ok(await t.gql(Q.apply, { input: { roleId, statement: 'I led the building pilot.' } }, w.bea.token)).applyToRole.id;
    const al = ok(await t.gql(Q.apply, { input: { roleId, statement: 'Fifteen years of workshops.' } }, w.al.token)).applyToRole.id;
    const cy = ok(await t.gql(Q.acceptInvitation, { input: { invitationId: invitation.id, statement: 'Happy to.' } }, w.cy.token))
      .acceptInvitation.id;
    // A first delivery in the middle of the round: later deliveries must not send these again.
    expect(await deliver()).toBe(3);

    // The panel: HR seats a panelist, who scores nothing by email (panels are not mailed).
    ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: w.panel[0].accountId } }, w.hr));

    // Decisions with reasons: screening, a rejection, the shortlist, an interview.
    for (const id of [bea, cy, al])
      ok(await t.gql(Q.move, { input: { applicationId: id, to: 'SCREENED', reason: 'Meets posting criteria' } }, w.hr));
    ok(await t.gql(Q.move, { input: { applicationId: al, to: 'REJECTED', reason: 'No required competency demonstrated yet' } }, w.hr));
    for (const id of [bea, cy])
      ok(await t.gql(Q.move, { input: { applicationId: id, to: 'SHORTLISTED', reason: 'Qualified on verified evidence' } }, w.hr));
    ok(await t.gql(Q.move, { input: { applicationId: bea, to: 'INTERVIEW', reason: 'Panel interview booked' } }, w.hr));

    // The offer, and its acceptance: the role fills, and the other open application (Cy's) is closed with the reason.
    const offer = ok(
      await t.gql(Q.makeOffer, { input: { applicationId: bea, startsOn: daysFromNow(40), endsOn: daysFromNow(400) } }, w.hr),
    ).makeOffer;
    ok(await t.gql(Q.acceptOffer, { input: { offerId: offer.id } }, w.bea.token));
    expect(ok(await t.gql(Q.role, { id: roleId }, w.hr)).role.status).toBe('FILLED');

    // Verification decisions: Cy's item verified, Al's rejected, each with its reason.
    const decide = async (educatorId: string, token: string, title: string, decision: string, reason: string) => {
      const evidenceId = await insertEvidence(t.ds, {
        educatorId,
        kind: 'ARTIFACT',
        title,
        status: 'SELF_REPORTED',
        startedOn: daysFromNow(-30),
        claims: [{ competencyId: w.comps['PL-DESIGN'], level: 2 }],
      });
      const req = ok(await t.gql(REQUEST, { i: { evidenceId, note: 'Attached' } }, token)).requestVerification;
      ok(await t.gql(DECIDE, { i: { id: req.id, version: req.version, decision, reason } }, w.hr));
    };
    await decide(w.cy.educatorId, w.cy.token, 'Assessment redesign rubric', 'VERIFIED', 'Rubric used in two classrooms');
    await decide(w.al.educatorId, w.al.token, 'Workshop notes', 'REJECTED', 'Notes are not an artifact of practice');

    // Delivered by two workers at once, then once more: nothing is sent twice.
    const second = new NotificationDeliveryService(t.ds, t.config);
    const sent = await Promise.all([t.app.get(NotificationDeliveryService).deliverDue(), second.deliverDue()]);
    await second.onApplicationShutdown();
    expect(sent.reduce((s, r) => s + r.sent, 0)).toBeGreaterThan(0);
    expect(await deliver()).toBe(0);

    const to = (who: string) => smtp.received.filter((m) => m.to.includes(email[who]));
    const subjects = (who: string) => to(who).map((m) => m.subject);
    const one = (who: string, subject: string): ReceivedMail => {
      const found = to(who).filter((m) => m.subject === subject);
      expect({ who, subject, times: found.length }).toEqual({ who, subject, times: 1 });
      return found[0];
    };

    expect(subjects('bea')).toEqual([
      `A new role you qualify for: ${ROLE}`,
      `Your application for ${ROLE}: screened`,
      `Your application for ${ROLE}: shortlisted`,
      `Your application for ${ROLE}: interview`,
      `An offer: ${ROLE}`,
    ]);
    expect(one('bea', `An offer: ${ROLE}`).text).toMatch(/at 40% FTE, starting \d{4}-\d{2}-\d{2} and ending \d{4}-\d{2}-\d{2}/);
    expect(one('bea', `Your application for ${ROLE}: interview`).text).toContain('Reason: Panel interview booked');

    expect(subjects('cy')).toEqual([
      `A new role you qualify for: ${ROLE}`,
      `You are invited to apply: ${ROLE}`,
      `Your application for ${ROLE}: screened`,
      `Your application for ${ROLE}: shortlisted`,
      `${ROLE} has been filled: your application is closed`,
      'Verification decided: Assessment redesign rubric',
    ]);
    expect(one('cy', `You are invited to apply: ${ROLE}`).text).toContain('Their message: Your endorsed artifacts fit this role well');
    const filled = one('cy', `${ROLE} has been filled: your application is closed`).text;
    expect(filled).toContain(`moved from shortlisted to rejected`);
    expect(filled).toContain(`Reason: ${FILLED}`);
    const verified = one('cy', 'Verification decided: Assessment redesign rubric').text;
    expect(verified).toContain('was decided verified');
    expect(verified).toContain('Reason: Rubric used in two classrooms');

    // Al: workshop hours only, so no alert; rejected once with the reason (not told again when the role filled).
    expect(subjects('al')).toEqual([
      `Your application for ${ROLE}: screened`,
      `Your application for ${ROLE}: rejected`,
      'Verification decided: Workshop notes',
    ]);
    expect(one('al', `Your application for ${ROLE}: rejected`).text).toContain('Reason: No required competency demonstrated yet');
    expect(one('al', 'Verification decided: Workshop notes').text).toContain('Reason: Notes are not an artifact of practice');

    // HR hears the answer to its offer; the panelist and a bystander get nothing.
    expect(subjects('hr')).toEqual([`Offer accepted: ${ROLE}`]);
    expect(one('hr', `Offer accepted: ${ROLE}`).text).toContain(`Bea Lopez accepted your offer for ${ROLE}`);
    expect(to('panelist')).toEqual([]);
    expect(to('outsider')).toEqual([]);

    // Every message went to exactly one recipient, each exactly once (distinct Message-IDs), and the outbox agrees.
    expect(smtp.received.every((m) => m.to.length === 1)).toBe(true);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(smtp.received.length);
    expect(smtp.received).toHaveLength(5 + 6 + 3 + 1);
    const [{ n, sentRows }] = await t.ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'SENT')::int AS "sentRows" FROM notification`,
    );
    expect({ n, sentRows }).toEqual({ n: smtp.received.length, sentRows: smtp.received.length });
    // Nothing a candidate wrote in an application travels by email.
    expect(smtp.received.map((m) => m.text).join('\n')).not.toMatch(/I led the building pilot|Fifteen years of workshops/);
  }, 120_000);
});
