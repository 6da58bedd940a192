import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';
import { insertEducator } from '../support/matching-fixtures.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld, type Person } from '../support/hiring-fixtures.js';

/** Real parallel HTTP requests against PostgreSQL: no duplicate application, no lost score, no overfilled role. */
describe('hiring under concurrent requests', () => {
  let t: TestApp;
  let w: HiringWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 4);
  });
  afterAll(() => t.close());

  const codes = (results: GqlResponse[]) => results.map((r) => codeOf(r) ?? 'OK').sort();

  async function newEducator(name: string): Promise<Person> {
    const educatorId = await insertEducator(t.ds, { buildingId: w.north, name });
    const { token, account } = await t.signInAs([Persona.EDUCATOR], { educatorId });
    return { educatorId, token, accountId: account.id };
  }

  async function toStage(applicationId: string, stages: string[]): Promise<void> {
    for (const to of stages) ok(await t.gql(Q.move, { input: { applicationId, to, reason: `to ${to}` } }, w.hr));
  }

  it('two identical applications at once: exactly one row, and the other gets CONFLICT', async () => {
    const roleId = await postOpenRole(t, w);
    const people = await Promise.all([1, 2, 3, 4, 5].map((i) => newEducator(`Racer ${i}`)));
    for (const p of people) {
      const results = await Promise.all([
        t.gql(Q.apply, { input: { roleId, statement: 'first' } }, p.token),
        t.gql(Q.apply, { input: { roleId, statement: 'second' } }, p.token),
      ]);
      expect(codes(results)).toEqual(['CONFLICT', 'OK']);
      const rows = await t.ds.query('SELECT id FROM application WHERE role_id = $1 AND educator_id = $2', [roleId, p.educatorId]);
      expect(rows).toHaveLength(1);
      const history = await t.ds.query('SELECT count(*)::int AS n FROM application_transition WHERE application_id = $1', [rows[0].id]);
      expect(history[0].n).toBe(1);
      const audit = await t.ds.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'APPLICATION_SUBMITTED' AND target_id = $1`,
        [rows[0].id],
      );
      expect(audit[0].n).toBe(1);
    }
  });

  it('accepting an invitation while applying directly still yields one application', async () => {
    const roleId = await postOpenRole(t, w);
    const p = await newEducator('Invited racer');
    const invitation = ok(await t.gql(Q.invite, { input: { roleId, educatorId: p.educatorId } }, w.hr)).inviteCandidate;
    const results = await Promise.all([
      t.gql(Q.acceptInvitation, { input: { invitationId: invitation.id } }, p.token),
      t.gql(Q.apply, { input: { roleId } }, p.token),
    ]);
    expect(codes(results).filter((c) => c === 'OK')).toHaveLength(1);
    expect(
      await t.ds.query('SELECT status, invitation_id FROM application WHERE role_id = $1 AND educator_id = $2', [roleId, p.educatorId]),
    ).toEqual([{ status: 'SUBMITTED', invitation_id: invitation.id }]);
    expect((await t.ds.query('SELECT status FROM invitation WHERE id = $1', [invitation.id]))[0].status).toBe('ACCEPTED');
  });

  it('several panelists scoring and submitting at once lose no update', async () => {
    const roleId = await postOpenRole(t, w);
    for (const p of w.panel) ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: p.accountId } }, w.hr));
    const apps: string[] = [];
    for (const who of [w.bea, w.cy]) {
      const id = ok(await t.gql(Q.apply, { input: { roleId } }, who.token)).applyToRole.id;
      await toStage(id, ['SCREENED', 'SHORTLISTED']);
      apps.push(id);
    }
    const requirementIds: string[] = ok(await t.gql(Q.compare, { roleId, ids: apps }, w.hr)).candidateComparison.requirements.map(
      (r: { requirementId: string }) => r.requirementId,
    );
    // Panelist i gives candidate j the score ((i + j + r) % 4) + 1 on requirement r.
    const expected = (i: number, j: number, r: number) => ((i + j + r) % 4) + 1;
    const scoresFor = (i: number, j: number) =>
      requirementIds.map((requirementId, r) => ({ requirementId, score: expected(i, j, r), comment: `p${i} on c${j}` }));

    const saves = await Promise.all(
      w.panel.flatMap((p, i) =>
        apps.map((id, j) => t.gql(Q.saveScores, { input: { applicationId: id, scores: scoresFor(i, j) } }, p.token)),
      ),
    );
    expect(saves.every((r) => !r.errors)).toBe(true);
    const submits = await Promise.all(
      w.panel.flatMap((p) => apps.map((id) => t.gql(Q.submitScores, { input: { applicationId: id } }, p.token))),
    );
    expect(submits.every((r) => !r.errors)).toBe(true);

    const rows: Array<{ account_id: string; application_id: string; competency_id: string; score: number; submitted: boolean }> =
      await t.ds.query(
        `SELECT ps.account_id, ps.application_id, ps.competency_id, ps.score, ps.submitted_at IS NOT NULL AS submitted
         FROM panel_score ps WHERE ps.application_id = ANY($1::uuid[])`,
        [apps],
      );
    expect(rows).toHaveLength(w.panel.length * apps.length * requirementIds.length);
    expect(rows.every((r) => r.submitted)).toBe(true);
    const competencyOrder: string[] = (
      await t.ds.query('SELECT competency_id FROM role_requirement WHERE role_id = $1 ORDER BY position', [roleId])
    ).map((r: { competency_id: string }) => r.competency_id);
    for (const [i, p] of w.panel.entries()) {
      for (const [j, id] of apps.entries()) {
        for (const [r, competencyId] of competencyOrder.entries()) {
          expect(rows.find((x) => x.account_id === p.accountId && x.application_id === id && x.competency_id === competencyId)?.score).toBe(
            expected(i, j, r),
          );
        }
      }
    }
    const sheet = ok(await t.gql(Q.panelScores, { id: apps[0] }, w.hr)).panelScores;
    expect(sheet.aggregate.panelistCount).toBe(w.panel.length);
    expect(sheet.panelists).toHaveLength(w.panel.length);
  });

  it("a panelist's edit racing their own submission either lands before it or is refused, never lost", async () => {
    const roleId = await postOpenRole(t, w);
    const [p] = w.panel;
    ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: p.accountId } }, w.hr));
    const id = ok(await t.gql(Q.apply, { input: { roleId } }, w.al.token)).applyToRole.id;
    await toStage(id, ['SCREENED', 'SHORTLISTED']);
    const requirementIds: string[] = ok(await t.gql(Q.compare, { roleId, ids: [id] }, w.hr)).candidateComparison.requirements.map(
      (r: { requirementId: string }) => r.requirementId,
    );
    const all = (score: number) => requirementIds.map((requirementId) => ({ requirementId, score }));
    ok(await t.gql(Q.saveScores, { input: { applicationId: id, scores: all(1) } }, p.token));

    const [edit, submit] = await Promise.all([
      t.gql(Q.saveScores, { input: { applicationId: id, scores: all(4) } }, p.token),
      t.gql(Q.submitScores, { input: { applicationId: id } }, p.token),
    ]);
    expect(submit.errors).toBeUndefined();
    const stored: number[] = (await t.ds.query('SELECT score FROM panel_score WHERE application_id = $1', [id])).map(
      (r: { score: number }) => r.score,
    );
    if (edit.errors) {
      expect(codeOf(edit)).toBe('BAD_USER_INPUT');
      expect(stored).toEqual([1, 1, 1]);
    } else {
      expect(stored).toEqual([4, 4, 4]);
    }
    const audited = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'PANEL_SCORES_SUBMITTED' AND target_id = $1`, [id]);
    expect(audited[0].changes.scores.map((s: { score: number }) => s.score)).toEqual(stored);
  });

  async function offeredRole(
    openings: number,
    candidates: Person[],
  ): Promise<{ roleId: string; offers: Array<{ id: string; who: Person }> }> {
    const roleId = await postOpenRole(t, w, { openings });
    const offers: Array<{ id: string; who: Person }> = [];
    for (const who of candidates) {
      const appId = ok(await t.gql(Q.apply, { input: { roleId } }, who.token)).applyToRole.id;
      await toStage(appId, ['SCREENED', 'SHORTLISTED', 'INTERVIEW']);
      const offer = ok(
        await t.gql(Q.makeOffer, { input: { applicationId: appId, startsOn: daysFromNow(30), overrideReason: 'Backup offer' } }, w.hr),
      ).makeOffer;
      offers.push({ id: offer.id, who });
    }
    return { roleId, offers };
  }

  it('racing acceptances on a one-opening role: exactly one accepted, the role FILLED, the other CONFLICT', async () => {
    const { roleId, offers } = await offeredRole(1, [await newEducator('Racer A'), await newEducator('Racer B')]);
    const results = await Promise.all(offers.map((o) => t.gql(Q.acceptOffer, { input: { offerId: o.id } }, o.who.token)));
    expect(codes(results)).toEqual(['CONFLICT', 'OK']);
    expect((await t.ds.query('SELECT status FROM hybrid_role WHERE id = $1', [roleId]))[0].status).toBe('FILLED');
    expect(
      await t.ds.query(`SELECT status, count(*)::int AS n FROM offer WHERE role_id = $1 GROUP BY status ORDER BY status`, [roleId]),
    ).toEqual([
      { status: 'ACCEPTED', n: 1 },
      { status: 'RESCINDED', n: 1 },
    ]);
    expect((await t.ds.query('SELECT count(*)::int AS n FROM hybrid_commitment WHERE role_id = $1', [roleId]))[0].n).toBe(1);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM application WHERE role_id = $1 AND status = 'ACCEPTED'`, [roleId]))[0].n).toBe(
      1,
    );
    const filled = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'ROLE_STATUS_CHANGED' AND target_id = $1 AND changes->>'to' = 'FILLED'`,
      [roleId],
    );
    expect(filled[0].n).toBe(1);
  });

  it('racing acceptances on a two-opening role: exactly two accepted out of three', async () => {
    const racers = [await newEducator('Racer C'), await newEducator('Racer D'), await newEducator('Racer E')];
    const { roleId, offers } = await offeredRole(2, racers);
    const results = await Promise.all(offers.map((o) => t.gql(Q.acceptOffer, { input: { offerId: o.id } }, o.who.token)));
    expect(codes(results)).toEqual(['CONFLICT', 'OK', 'OK']);
    expect((await t.ds.query('SELECT status FROM hybrid_role WHERE id = $1', [roleId]))[0].status).toBe('FILLED');
    expect((await t.ds.query('SELECT count(*)::int AS n FROM hybrid_commitment WHERE role_id = $1', [roleId]))[0].n).toBe(2);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM offer WHERE role_id = $1 AND status = 'ACCEPTED'`, [roleId]))[0].n).toBe(2);
  });
});
