import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';

/**
 * A whole hiring round over HTTP, in order: post and open a role, save a ranking run, invite, apply,
 * screen and shortlist, blind panel scoring, compare (GraphQL and CSV), offers with and without an override
 * reason, acceptance, the role filled, the commitment and the audit trail.
 */
describe('a hiring round over HTTP', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  let runId: string;
  const app: Record<'bea' | 'cy' | 'al', string> = { bea: '', cy: '', al: '' };
  let requirementIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 2);
    roleId = await postOpenRole(t, w);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0].n as number;

  it('HR seats a panel with blind review and saves a ranking run', async () => {
    for (const p of w.panel) ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: p.accountId } }, w.hr));
    const blind = ok(await t.gql(Q.setBlind, { input: { roleId, enabled: true } }, w.hr));
    expect(blind.setBlindReview.blindReview).toBe(true);
    runId = ok(await t.gql(Q.saveRun, { input: { roleId, limit: 50 } }, w.hr)).saveRankingRun.id;
    const top: Array<{ educator_id: string; qualified: boolean }> = await t.ds.query(
      'SELECT educator_id, qualified FROM ranking_run_result WHERE run_id = $1 ORDER BY rank',
      [runId],
    );
    expect(top[0]).toEqual({ educator_id: w.bea.educatorId, qualified: true });
    expect(top.find((r) => r.educator_id === w.al.educatorId)?.qualified).toBe(false);
    expect(await count('SELECT count(*)::int AS n FROM panel_member WHERE role_id = $1', [roleId])).toBe(2);
  });

  it('HR invites the top-ranked candidate, who sees the invitation and accepts it', async () => {
    const invitation = ok(
      await t.gql(Q.invite, { input: { roleId, educatorId: w.bea.educatorId, message: 'Please apply' } }, w.hr),
    ).inviteCandidate;
    expect(invitation).toMatchObject({ status: 'INVITED', educatorId: w.bea.educatorId, applicationId: null });

    const mine = ok(await t.gql(Q.myInvitations, {}, w.bea.token)).myInvitations;
    expect(mine).toEqual([
      expect.objectContaining({ id: invitation.id, roleTitle: 'Innovation coach', status: 'INVITED', message: 'Please apply' }),
    ]);
    expect(ok(await t.gql(Q.myInvitations, {}, w.cy.token)).myInvitations).toEqual([]);

    const accepted = ok(
      await t.gql(Q.acceptInvitation, { input: { invitationId: invitation.id, statement: 'I led our AI pilot.' } }, w.bea.token),
    ).acceptInvitation;
    expect(accepted).toMatchObject({
      status: 'SUBMITTED',
      invited: true,
      statement: 'I led our AI pilot.',
      candidate: { displayName: 'Bea Lopez', identityHidden: false },
    });
    app.bea = accepted.id;
    const [row] = await t.ds.query('SELECT status, invitation_id FROM application WHERE id = $1', [app.bea]);
    expect(row).toEqual({ status: 'SUBMITTED', invitation_id: invitation.id });
    expect((await t.ds.query('SELECT status FROM invitation WHERE id = $1', [invitation.id]))[0].status).toBe('ACCEPTED');
    expect(codeOf(await t.gql(Q.acceptInvitation, { input: { invitationId: invitation.id } }, w.bea.token))).toBe('BAD_USER_INPUT');
  });

  it('other educators apply directly; a second application is CONFLICT', async () => {
    app.cy = ok(await t.gql(Q.apply, { input: { roleId, statement: 'Self-taught, eager.' } }, w.cy.token)).applyToRole.id;
    app.al = ok(await t.gql(Q.apply, { input: { roleId } }, w.al.token)).applyToRole.id;
    expect(codeOf(await t.gql(Q.apply, { input: { roleId } }, w.al.token))).toBe('CONFLICT');
    expect(await count('SELECT count(*)::int AS n FROM application WHERE role_id = $1', [roleId])).toBe(3);
  });

  it('HR screens and shortlists with reasons; each step is in the history and the audit log', async () => {
    for (const id of [app.bea, app.cy, app.al])
      ok(await t.gql(Q.move, { input: { applicationId: id, to: 'SCREENED', reason: 'Meets posting criteria' } }, w.hr));
    for (const id of [app.bea, app.cy])
      ok(await t.gql(Q.move, { input: { applicationId: id, to: 'SHORTLISTED', reason: 'Qualified on demonstrated evidence' } }, w.hr));
    const rejected = ok(
      await t.gql(
        Q.move,
        { input: { applicationId: app.al, to: 'REJECTED', reason: 'Attendance only; no required competency demonstrated' } },
        w.hr,
      ),
    ).moveApplication;
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.history.map((h: { to: string }) => h.to)).toEqual(['SUBMITTED', 'SCREENED', 'REJECTED']);

    const mine = ok(await t.gql(Q.myApplications, {}, w.al.token)).myApplications;
    expect(mine[0].history.at(-1)).toMatchObject({
      from: 'SCREENED',
      to: 'REJECTED',
      reason: 'Attendance only; no required competency demonstrated',
    });
    const audit = await t.ds.query(`SELECT action, changes->>'to' AS "to" FROM audit_entry WHERE target_id = $1 ORDER BY id`, [app.al]);
    expect(audit).toEqual([
      { action: 'APPLICATION_SUBMITTED', to: 'SUBMITTED' },
      { action: 'APPLICATION_STATUS_CHANGED', to: 'SCREENED' },
      { action: 'APPLICATION_STATUS_CHANGED', to: 'REJECTED' },
    ]);
  });

  it('under blind review a panelist sees stable pseudonyms, not names, buildings or emails, but sees the evidence', async () => {
    const [p1, p2] = w.panel;
    const first = ok(await t.gql(Q.roleApplications, { roleId }, p1.token)).roleApplications;
    expect(first.totalCount).toBe(3);
    for (const n of first.nodes) {
      expect(n.candidate).toMatchObject({ identityHidden: true, educatorId: null, email: null, buildingName: null });
      expect(n.candidate.displayName).toBe(n.candidate.pseudonym);
      expect(n.candidate.pseudonym).toMatch(/^Candidate [0-9A-Z]{4,}$/);
      expect(n.history).toEqual([]);
    }
    const names = (r: typeof first) =>
      Object.fromEntries(r.nodes.map((n: { id: string; candidate: { pseudonym: string } }) => [n.id, n.candidate.pseudonym]));
    const again = ok(await t.gql(Q.roleApplications, { roleId }, p2.token)).roleApplications;
    expect(names(again)).toEqual(names(first));
    expect(new Set(Object.values(names(first))).size).toBe(3);
    expect(JSON.stringify(first)).not.toMatch(/Bea|Lopez|North High|@test\.example/);

    const cmp = ok(await t.gql(Q.compare, { roleId, ids: [app.bea, app.cy] }, p1.token)).candidateComparison;
    expect(cmp.identitiesVisible).toBe(false);
    expect(cmp.candidates[0].candidate).toMatchObject({ identityHidden: true, email: null, buildingName: null });
    expect(JSON.stringify(cmp)).not.toMatch(/Bea Lopez|Cy Okafor|North High|South Middle/);
    const beaTitles = cmp.candidates[0].cells.flatMap((c: { evidence: Array<{ title: string }> }) => c.evidence.map((e) => e.title));
    expect(beaTitles).toEqual(expect.arrayContaining(['AI educator certification', 'Building AI pilot']));
    expect(cmp.candidates[0].panel).toBeNull();
    const csv = ok(await t.gql(Q.compareCsv, { roleId, ids: [app.bea, app.cy] }, p1.token)).candidateComparisonCsv;
    expect(csv).not.toMatch(/Bea Lopez|Cy Okafor/);
    expect(csv).toContain(cmp.candidates[0].candidate.pseudonym);
  });

  it('under blind review every other panelist read of a candidate is closed too: educator, evidence, explanation, standing', async () => {
    const [p1] = w.panel;
    const [beaItem] = await t.ds.query('SELECT id FROM evidence WHERE educator_id = $1 ORDER BY id LIMIT 1', [w.bea.educatorId]);
    const reads = async () => ({
      educator: await t.gql(`query($id: ID!) { educator(id: $id) { id fullName } }`, { id: w.bea.educatorId }, p1.token),
      evidence: await t.gql(`query($id: ID!) { evidence(id: $id) { id title } }`, { id: beaItem.id }, p1.token),
      items: await t.gql(`query($e: ID!) { evidenceItems(educatorId: $e, first: 10) { totalCount } }`, { e: w.bea.educatorId }, p1.token),
      explain: await t.gql(
        `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { fullName } }`,
        { r: roleId, e: w.bea.educatorId },
        p1.token,
      ),
      standing: await t.gql(`query($e: ID!) { educatorStanding(educatorId: $e) { educatorId } }`, { e: w.bea.educatorId }, p1.token),
    });
    const blind = await reads();
    expect(codeOf(blind.educator)).toBe('NOT_FOUND');
    expect(codeOf(blind.evidence)).toBe('NOT_FOUND');
    expect(blind.items.data.evidenceItems.totalCount).toBe(0);
    // Explanations and standings are not panelist routes at all.
    expect(codeOf(blind.explain)).toBe('FORBIDDEN');
    expect(codeOf(blind.standing)).toBe('FORBIDDEN');
    expect(JSON.stringify(blind)).not.toMatch(/Bea|Lopez/);
  });

  it('panelists score shortlisted candidates: drafts editable, submission final, names revealed after submitting', async () => {
    const [p1, p2] = w.panel;
    const panelView = ok(await t.gql(Q.compare, { roleId, ids: [app.bea] }, p1.token)).candidateComparison;
    requirementIds = panelView.requirements.map((r: { requirementId: string }) => r.requirementId);
    const scores = (values: number[], comment = '') => values.map((score, i) => ({ requirementId: requirementIds[i], score, comment }));

    // Rejected candidates are not scored.
    expect(codeOf(await t.gql(Q.saveScores, { input: { applicationId: app.al, scores: scores([1, 1, 1]) } }, p1.token))).toBe(
      'BAD_USER_INPUT',
    );
    // Out of range is refused by validation.
    expect(codeOf(await t.gql(Q.saveScores, { input: { applicationId: app.bea, scores: scores([5, 1, 1]) } }, p1.token))).toBe(
      'BAD_USER_INPUT',
    );

    ok(await t.gql(Q.saveScores, { input: { applicationId: app.bea, scores: scores([2, 2, 2], 'first pass') } }, p1.token));
    const edited = ok(
      await t.gql(Q.saveScores, { input: { applicationId: app.bea, scores: scores([4, 3, 3], 'strong pilot') } }, p1.token),
    ).savePanelScores;
    expect(edited.myScores.map((s: { score: number }) => s.score)).toEqual([4, 3, 3]);
    expect(edited.submitted).toBe(false);
    // Incomplete scorecards cannot be submitted.
    ok(await t.gql(Q.saveScores, { input: { applicationId: app.cy, scores: scores([2, 2]) } }, p1.token));
    expect(codeOf(await t.gql(Q.submitScores, { input: { applicationId: app.cy } }, p1.token))).toBe('BAD_USER_INPUT');
    ok(await t.gql(Q.saveScores, { input: { applicationId: app.cy, scores: scores([2, 2, 1]) } }, p1.token));

    const submitted = ok(await t.gql(Q.submitScores, { input: { applicationId: app.bea } }, p1.token)).submitPanelScores;
    expect(submitted.submitted).toBe(true);
    expect(submitted.aggregate).toMatchObject({ panelistCount: 1, overallMean: 3.33, spread: 0 });

    // Final: an edit is refused and nothing changes.
    const before = await t.ds.query(
      'SELECT competency_id, score, comment, submitted_at FROM panel_score WHERE application_id = $1 ORDER BY competency_id',
      [app.bea],
    );
    expect(codeOf(await t.gql(Q.saveScores, { input: { applicationId: app.bea, scores: scores([1, 1, 1]) } }, p1.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await t.ds.query(
        'SELECT competency_id, score, comment, submitted_at FROM panel_score WHERE application_id = $1 ORDER BY competency_id',
        [app.bea],
      ),
    ).toEqual(before);

    // One candidate still waits on p1: names stay hidden.
    expect(ok(await t.gql(Q.rolePanel, { roleId }, p1.token)).rolePanel.identitiesVisible).toBe(false);
    ok(await t.gql(Q.submitScores, { input: { applicationId: app.cy } }, p1.token));
    const revealed = ok(await t.gql(Q.roleApplications, { roleId, status: 'SHORTLISTED' }, p1.token)).roleApplications.nodes;
    expect(revealed.map((n: { candidate: { displayName: string } }) => n.candidate.displayName).sort()).toEqual(['Bea Lopez', 'Cy Okafor']);
    expect(revealed.find((n: { id: string }) => n.id === app.bea).candidate).toMatchObject({
      identityHidden: false,
      buildingName: 'North High',
      educatorId: w.bea.educatorId,
    });
    // Once p1 has submitted, the candidate's profile is readable to p1 by id as well.
    expect(
      ok(await t.gql(`query($id: ID!) { educator(id: $id) { fullName } }`, { id: w.bea.educatorId }, p1.token)).educator.fullName,
    ).toBe('Bea Lopez');
    expect(codeOf(await t.gql(`query($id: ID!) { educator(id: $id) { fullName } }`, { id: w.bea.educatorId }, p2.token))).toBe('NOT_FOUND');

    // Blind review is per panelist: p2 has not submitted and still sees pseudonyms.
    const p2view = ok(await t.gql(Q.application, { id: app.bea }, p2.token)).application;
    expect(p2view.candidate.identityHidden).toBe(true);
    expect(ok(await t.gql(Q.panelScores, { id: app.bea }, p2.token)).panelScores.aggregate).toBeNull();

    for (const [id, values] of [
      [app.bea, [3, 3, 2]],
      [app.cy, [2, 1, 1]],
    ] as const) {
      ok(await t.gql(Q.saveScores, { input: { applicationId: id, scores: scores([...values]) } }, p2.token));
      ok(await t.gql(Q.submitScores, { input: { applicationId: id } }, p2.token));
    }
    expect(ok(await t.gql(Q.application, { id: app.bea }, p2.token)).application.candidate.displayName).toBe('Bea Lopez');
    expect(await count('SELECT count(*)::int AS n FROM panel_score WHERE submitted_at IS NOT NULL')).toBe(12);
    expect(await count(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'PANEL_SCORES_SUBMITTED'`)).toBe(4);
  });

  it('HR compares candidates side by side: levels, evidence, engine rank and score, panel aggregates, overextension; also as CSV', async () => {
    const cmp = ok(await t.gql(Q.compare, { roleId, ids: [app.cy, app.bea] }, w.hr)).candidateComparison;
    expect(cmp).toMatchObject({ roleTitle: 'Innovation coach', blindReview: true, identitiesVisible: true, rankingRunId: runId });
    expect(cmp.requirements.map((r: { competencyCode: string }) => r.competencyCode)).toEqual([
      'AI-TOOL-EVAL',
      'ASSESS-REDESIGN',
      'PL-DESIGN',
    ]);
    const [cy, bea] = cmp.candidates;
    expect(cy.candidate.displayName).toBe('Cy Okafor');
    expect(bea).toMatchObject({ engineSource: 'SAVED_RUN', engineRank: 1, qualified: true, overextended: false, status: 'SHORTLISTED' });
    expect(cy.engineRank).toBeGreaterThan(1);
    expect(bea.engineScore).toBeGreaterThan(cy.engineScore);

    // The engine's numbers are the saved run's, not a recomputation.
    const [stored] = await t.ds.query('SELECT score, rank FROM ranking_run_result WHERE run_id = $1 AND educator_id = $2', [
      runId,
      w.bea.educatorId,
    ]);
    expect({ score: bea.engineScore, rank: bea.engineRank }).toEqual(stored);

    const toolEval = bea.cells[0];
    expect(toolEval).toMatchObject({ demonstratedLevel: 3, met: true });
    expect(toolEval.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'CERTIFICATION',
          title: 'AI educator certification',
          verificationStatus: 'VERIFIED',
          expired: false,
          expiresOn: daysFromNow(900),
          level: 3,
        }),
      ]),
    );
    expect(toolEval.panel).toEqual({ requirementId: cmp.requirements[0].requirementId, mean: 3.5, min: 3, max: 4, spread: 1, count: 2 });
    // p1: 4,3,3 (mean 3.33); p2: 3,3,2 (mean 2.67). Requirement means 3.5, 3, 2.5 -> 3.
    expect(bea.panel).toEqual({ overallMean: 3, spread: 0.67, panelistCount: 2 });

    const csv: string = ok(await t.gql(Q.compareCsv, { roleId, ids: [app.cy, app.bea] }, w.hr)).candidateComparisonCsv;
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^candidate,building,email,application_status,engine_rank,engine_score,qualified,overextended,requirement_code/,
    );
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[4]).toMatch(new RegExp(`^Bea Lopez,North High,[^,]+,SHORTLISTED,1,${bea.engineScore},yes,no,AI-TOOL-EVAL,`));
    expect(lines[4]).toContain('CERTIFICATION: AI educator certification (VERIFIED, level 3');
  });

  it('offers need an override reason unless to the top-ranked qualified candidate; refused offers leave nothing behind', async () => {
    for (const id of [app.bea, app.cy])
      ok(await t.gql(Q.move, { input: { applicationId: id, to: 'INTERVIEW', reason: 'Panel interview booked' } }, w.hr));
    // A pipeline move cannot make an offer.
    expect(codeOf(await t.gql(Q.move, { input: { applicationId: app.cy, to: 'OFFERED', reason: 'x' } }, w.hr))).toBe('BAD_USER_INPUT');

    const terms = { startsOn: daysFromNow(60), endsOn: daysFromNow(425) };
    const auditBefore = await count('SELECT count(*)::int AS n FROM audit_entry');
    const refused = await t.gql(Q.makeOffer, { input: { applicationId: app.cy, ...terms } }, w.hr);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/top-ranked qualified candidate/);
    expect(await count('SELECT count(*)::int AS n FROM offer')).toBe(0);
    expect((await t.ds.query('SELECT status FROM application WHERE id = $1', [app.cy]))[0].status).toBe('INTERVIEW');
    expect(await count('SELECT count(*)::int AS n FROM audit_entry')).toBe(auditBefore);

    const reason = 'Panel judged Cy stronger in interview; evidence verified since the run';
    const cyOffer = ok(await t.gql(Q.makeOffer, { input: { applicationId: app.cy, ...terms, overrideReason: reason } }, w.hr)).makeOffer;
    expect(cyOffer).toMatchObject({
      status: 'PENDING',
      override: true,
      overrideReason: reason,
      rankingRunId: runId,
      expectedRank: 1,
      roleFte: 0.4,
      ...terms,
    });
    const overridden = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'RANKING_OVERRIDDEN' AND target_id = $1`, [
      cyOffer.id,
    ]);
    expect(overridden[0].changes).toMatchObject({ overrideReason: reason, expectedEducatorId: w.bea.educatorId, rankingRunId: runId });

    // Bea is the top-ranked qualified candidate: no reason needed.
    const beaOffer = ok(await t.gql(Q.makeOffer, { input: { applicationId: app.bea, ...terms } }, w.hr)).makeOffer;
    expect(beaOffer).toMatchObject({ override: false, overrideReason: null, expectedRank: 1 });

    // The candidate sees the offer, not HR's oversight record.
    const mine = ok(await t.gql(Q.myOffers, {}, w.cy.token)).myOffers;
    expect(mine).toEqual([expect.objectContaining({ id: cyOffer.id, status: 'PENDING', override: false, overrideReason: null })]);
  });

  it('accepting records the commitment and fills the one-opening role; the other pending offer closes with a reason', async () => {
    const offers = ok(await t.gql(Q.roleOffers, { roleId }, w.hr)).roleOffers;
    const beaOffer = offers.find((o: { educatorId: string }) => o.educatorId === w.bea.educatorId);
    const cyOffer = offers.find((o: { educatorId: string }) => o.educatorId === w.cy.educatorId);

    expect(codeOf(await t.gql(Q.acceptOffer, { input: { offerId: beaOffer.id } }, w.cy.token))).toBe('NOT_FOUND');
    const accepted = ok(await t.gql(Q.acceptOffer, { input: { offerId: beaOffer.id } }, w.bea.token)).acceptOffer;
    expect(accepted.status).toBe('ACCEPTED');

    const [commitment] = await t.ds.query(
      'SELECT id, educator_id, role_id, role_fte::float8 AS fte, starts_on::text, ends_on::text FROM hybrid_commitment WHERE role_id = $1',
      [roleId],
    );
    expect(commitment).toEqual({
      id: accepted.commitmentId,
      educator_id: w.bea.educatorId,
      role_id: roleId,
      fte: 0.4,
      starts_on: daysFromNow(60),
      ends_on: daysFromNow(425),
    });
    expect(ok(await t.gql(Q.role, { id: roleId }, w.hr)).role.status).toBe('FILLED');
    expect((await t.ds.query('SELECT status FROM application WHERE id = $1', [app.bea]))[0].status).toBe('ACCEPTED');

    // The fill closed Cy's pending offer, with a reason Cy reads; a late acceptance is refused and changes nothing.
    expect(ok(await t.gql(`{ myOffers { id status closedReason } }`, {}, w.cy.token)).myOffers).toEqual([
      { id: cyOffer.id, status: 'RESCINDED', closedReason: expect.stringMatching(/role has been filled/) },
    ]);
    const late = await t.gql(Q.acceptOffer, { input: { offerId: cyOffer.id } }, w.cy.token);
    expect(codeOf(late)).toBe('CONFLICT');
    expect(late.errors![0].message).toMatch(/already accepted/);
    expect(codeOf(await t.gql(Q.declineOffer, { input: { offerId: cyOffer.id } }, w.cy.token))).toBe('BAD_USER_INPUT');
    expect(await count(`SELECT count(*)::int AS n FROM offer WHERE role_id = $1 AND status = 'ACCEPTED'`, [roleId])).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM hybrid_commitment WHERE role_id = $1', [roleId])).toBe(1);
    expect((await t.ds.query('SELECT status FROM application WHERE id = $1', [app.cy]))[0].status).toBe('REJECTED');
  });

  it('leaves an audit trail of every state change and decision', async () => {
    const actions: Array<{ action: string; n: number }> = await t.ds.query(
      `SELECT action, count(*)::int AS n FROM audit_entry WHERE action <> 'SIGN_IN' GROUP BY action ORDER BY action`,
    );
    const byAction = Object.fromEntries(actions.map((a) => [a.action, a.n]));
    expect(byAction).toMatchObject({
      PANELIST_ADDED: 2,
      BLIND_REVIEW_CHANGED: 1,
      RANKING_RUN_SAVED: 1,
      INVITATION_SENT: 1,
      INVITATION_ACCEPTED: 1,
      APPLICATION_SUBMITTED: 3,
      PANEL_SCORES_SUBMITTED: 4,
      OFFER_MADE: 2,
      RANKING_OVERRIDDEN: 1,
      OFFER_ACCEPTED: 1,
      OFFER_RESCINDED: 1,
      HYBRID_COMMITMENT_RECORDED: 1,
    });
    // 3 screened + 2 shortlisted + 1 rejected + 2 interview + 2 offered + 1 accepted + 1 rejected when the role filled
    expect(byAction.APPLICATION_STATUS_CHANGED).toBe(12);
    const filled = await t.ds.query(
      `SELECT changes FROM audit_entry WHERE action = 'ROLE_STATUS_CHANGED' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
      [roleId],
    );
    expect(filled[0].changes).toMatchObject({ from: 'OPEN', to: 'FILLED' });
    const transitions = await count('SELECT count(*)::int AS n FROM application_transition');
    expect(transitions).toBe(3 + 12);
  });

  it('educators see only their own applications and offers', async () => {
    expect(codeOf(await t.gql(Q.application, { id: app.bea }, w.cy.token))).toBe('NOT_FOUND');
    expect(ok(await t.gql(Q.myApplications, {}, w.bea.token)).myApplications.map((a: { id: string }) => a.id)).toEqual([app.bea]);
    expect(codeOf(await t.gql(Q.roleApplications, { roleId }, w.bea.token))).toBe('FORBIDDEN');
    const own = ok(await t.gql(Q.application, { id: app.bea }, w.bea.token)).application;
    expect(own.candidate.displayName).toBe('Bea Lopez');
    const { token: noProfile } = await t.signInAs([Persona.EDUCATOR]);
    expect(ok(await t.gql(Q.application, { id: app.bea }, w.hr)).application.status).toBe('ACCEPTED');
    expect(codeOf(await t.gql(Q.myApplications, {}, noProfile))).toBe('NOT_FOUND');
  });
});
