import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { insertEducator } from '../support/matching-fixtures.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';

/** Refusals and visibility: wrong states, closed roles, panels and conflicts, and who sees which candidates. */
describe('hiring rules and visibility', () => {
  let t: TestApp;
  let w: HiringWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 2);
  });
  afterAll(() => t.close());

  /** Everything a hiring mutation could write, to prove a refused one wrote nothing. */
  const snapshot = async () => ({
    applications: await t.ds.query('SELECT id, status, version FROM application ORDER BY id'),
    transitions: await t.ds.query('SELECT count(*)::int AS n FROM application_transition'),
    offers: await t.ds.query('SELECT id, status FROM offer ORDER BY id'),
    invitations: await t.ds.query('SELECT id, status FROM invitation ORDER BY id'),
    scores: await t.ds.query('SELECT id, score, submitted_at FROM panel_score ORDER BY id'),
    commitments: await t.ds.query('SELECT count(*)::int AS n FROM hybrid_commitment'),
    audit: await t.ds.query('SELECT count(*)::int AS n FROM audit_entry'),
  });

  async function applied(roleId: string, who = w.bea): Promise<string> {
    return ok(await t.gql(Q.apply, { input: { roleId } }, who.token)).applyToRole.id;
  }

  describe('applying', () => {
    it('refuses roles that are not open or past their closing date, with a clear message', async () => {
      const draft = await t.gql(
        `mutation($input: CreateRoleInput!) { createRole(input: $input) { id version } }`,
        {
          input: {
            title: 'Draft role',
            classroomFte: 0.6,
            roleFte: 0.4,
            requirements: [{ competencyId: w.comps['PL-DESIGN'], minLevel: 2, weight: 10, kind: 'REQUIRED' }],
          },
        },
        w.hr,
      );
      expect(codeOf(await t.gql(Q.apply, { input: { roleId: draft.data.createRole.id } }, w.bea.token))).toBe('NOT_FOUND');

      const closed = await postOpenRole(t, w);
      await t.ds.query(`UPDATE hybrid_role SET status = 'CLOSED' WHERE id = $1`, [closed]);
      const refused = await t.gql(Q.apply, { input: { roleId: closed } }, w.bea.token);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toMatch(/CLOSED, not open/);

      const late = await postOpenRole(t, w);
      await t.ds.query(`UPDATE hybrid_role SET closing_date = $2 WHERE id = $1`, [late, daysFromNow(-1)]);
      const tooLate = await t.gql(Q.apply, { input: { roleId: late } }, w.bea.token);
      expect(codeOf(tooLate)).toBe('BAD_USER_INPUT');
      expect(tooLate.errors![0].message).toMatch(/closed on/);

      const open = await postOpenRole(t, w);
      expect(codeOf(await t.gql(Q.apply, { input: { roleId: open, statement: 'x'.repeat(4001) } }, w.bea.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(Q.apply, { input: { roleId: 'not-a-uuid' } }, w.bea.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(Q.apply, { input: { roleId: '00000000-0000-4000-8000-000000000000' } }, w.bea.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(Q.apply, { input: { roleId: open } }, w.hr))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(Q.apply, { input: { roleId: open } }))).toBe('UNAUTHENTICATED');
      expect((await t.ds.query('SELECT count(*)::int AS n FROM application'))[0].n).toBe(0);
    });
  });

  describe('the pipeline', () => {
    it('refuses moves outside the graph and changes nothing', async () => {
      const roleId = await postOpenRole(t, w);
      const id = await applied(roleId);
      const before = await snapshot();
      for (const to of ['SHORTLISTED', 'INTERVIEW', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'OFFERED', 'SUBMITTED']) {
        const res = await t.gql(Q.move, { input: { applicationId: id, to, reason: 'try' } }, w.hr);
        expect([to, codeOf(res)]).toEqual([to, 'BAD_USER_INPUT']);
      }
      expect(codeOf(await t.gql(Q.move, { input: { applicationId: id, to: 'SCREENED', reason: '   ' } }, w.hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(Q.move, { input: { applicationId: id, to: 'SCREENED', reason: 'ok', version: 7 } }, w.hr))).toBe(
        'CONFLICT',
      );
      expect(await snapshot()).toEqual(before);

      ok(await t.gql(Q.move, { input: { applicationId: id, to: 'REJECTED', reason: 'Not this time' } }, w.hr));
      const final = await snapshot();
      expect(codeOf(await t.gql(Q.move, { input: { applicationId: id, to: 'SCREENED', reason: 'reopen' } }, w.hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(Q.withdraw, { input: { applicationId: id } }, w.bea.token))).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(final);
    });

    it('lets only the candidate withdraw, from any open state, and closes a pending offer with it', async () => {
      const roleId = await postOpenRole(t, w);
      const id = await applied(roleId, w.cy);
      expect(codeOf(await t.gql(Q.withdraw, { input: { applicationId: id } }, w.bea.token))).toBe('NOT_FOUND');
      for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW'])
        ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: 'next' } }, w.hr));
      const offer = ok(await t.gql(Q.makeOffer, { input: { applicationId: id, startsOn: daysFromNow(10) } }, w.hr)).makeOffer;
      // No run was saved, so the offer saved one first; Cy is the only applicant, so no reason was needed.
      expect(offer).toMatchObject({ override: false });
      expect(await t.ds.query('SELECT id FROM ranking_run WHERE role_id = $1', [roleId])).toEqual([{ id: offer.rankingRunId }]);
      const withdrawn = ok(
        await t.gql(Q.withdraw, { input: { applicationId: id, reason: 'Family move' } }, w.cy.token),
      ).withdrawApplication;
      expect(withdrawn.status).toBe('WITHDRAWN');
      expect((await t.ds.query('SELECT status FROM offer WHERE id = $1', [offer.id]))[0].status).toBe('WITHDRAWN');
      expect(codeOf(await t.gql(Q.acceptOffer, { input: { offerId: offer.id } }, w.cy.token))).toBe('BAD_USER_INPUT');
    });

    it('offers only to interviewed candidates, with sane dates, on roles that can still be filled', async () => {
      const roleId = await postOpenRole(t, w);
      const id = await applied(roleId, w.al);
      ok(await t.gql(Q.move, { input: { applicationId: id, to: 'SCREENED', reason: 'ok' } }, w.hr));
      const before = await snapshot();
      expect(codeOf(await t.gql(Q.makeOffer, { input: { applicationId: id, startsOn: daysFromNow(10) } }, w.hr))).toBe('BAD_USER_INPUT');
      for (const to of ['SHORTLISTED', 'INTERVIEW']) ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: 'ok' } }, w.hr));
      const mid = await snapshot();
      expect(
        codeOf(await t.gql(Q.makeOffer, { input: { applicationId: id, startsOn: daysFromNow(10), endsOn: daysFromNow(5) } }, w.hr)),
      ).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(Q.makeOffer, { input: { applicationId: id, startsOn: '2030-02-30' } }, w.hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(Q.makeOffer, { input: { applicationId: id, startsOn: daysFromNow(10) } }, w.al.token))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(mid);
      expect(before.offers).toEqual(mid.offers);
    });

    it("compares an offer with the top of the role's applicants, not of the whole district", async () => {
      const roleId = await postOpenRole(t, w);
      const id = await applied(roleId, w.cy);
      for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW'])
        ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: 'ok' } }, w.hr));
      // Bea ranks first in the district but did not apply: Cy, the best applicant, is offered without a reason.
      const run = ok(await t.gql(Q.saveRun, { input: { roleId } }, w.hr)).saveRankingRun;
      const offer = ok(await t.gql(Q.makeOffer, { input: { applicationId: id, startsOn: daysFromNow(10) } }, w.hr)).makeOffer;
      expect(offer).toMatchObject({ override: false, overrideReason: null, rankingRunId: run.id, expectedRank: 2 });
      expect(
        await t.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'RANKING_OVERRIDDEN' AND target_id = $1`, [offer.id]),
      ).toEqual([{ n: 0 }]);
    });

    it('saves a ranking run first when an offer is made without one, so passing over the top applicant needs a reason', async () => {
      const roleId = await postOpenRole(t, w);
      const ids: Record<string, string> = {};
      for (const [name, who] of [
        ['bea', w.bea],
        ['cy', w.cy],
      ] as const) {
        ids[name] = await applied(roleId, who);
        for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW'])
          ok(await t.gql(Q.move, { input: { applicationId: ids[name], to, reason: 'ok' } }, w.hr));
      }
      const before = await snapshot();
      const refused = await t.gql(Q.makeOffer, { input: { applicationId: ids.cy, startsOn: daysFromNow(10) } }, w.hr);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toMatch(/overrideReason/);
      expect(await snapshot()).toEqual(before);
      expect(await t.ds.query('SELECT count(*)::int AS n FROM ranking_run WHERE role_id = $1', [roleId])).toEqual([{ n: 0 }]);
      const offer = ok(
        await t.gql(
          Q.makeOffer,
          { input: { applicationId: ids.cy, startsOn: daysFromNow(10), overrideReason: 'Stronger interview' } },
          w.hr,
        ),
      ).makeOffer;
      expect(offer).toMatchObject({ override: true, overrideReason: 'Stronger interview', expectedRank: 1 });
      expect(await t.ds.query('SELECT id FROM ranking_run WHERE role_id = $1', [roleId])).toEqual([{ id: offer.rankingRunId }]);
    });

    it('closes other pending offers and open applications with a reason the candidate sees when the role fills; the holder still sees the role', async () => {
      const roleId = await postOpenRole(t, w);
      const ids: Record<string, string> = {};
      for (const [name, who] of [
        ['bea', w.bea],
        ['cy', w.cy],
      ] as const) {
        ids[name] = await applied(roleId, who);
        for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW'])
          ok(await t.gql(Q.move, { input: { applicationId: ids[name], to, reason: 'ok' } }, w.hr));
      }
      ids.al = await applied(roleId, w.al);
      const beaOffer = ok(await t.gql(Q.makeOffer, { input: { applicationId: ids.bea, startsOn: daysFromNow(10) } }, w.hr)).makeOffer;
      const cyOffer = ok(
        await t.gql(
          Q.makeOffer,
          { input: { applicationId: ids.cy, startsOn: daysFromNow(10), overrideReason: 'Second choice in case' } },
          w.hr,
        ),
      ).makeOffer;
      ok(await t.gql(Q.acceptOffer, { input: { offerId: beaOffer.id } }, w.bea.token));
      expect(ok(await t.gql(Q.role, { id: roleId }, w.hr)).role.status).toBe('FILLED');

      const cyOffers = ok(await t.gql(`{ myOffers { id status closedReason } }`, {}, w.cy.token)).myOffers;
      expect(cyOffers.find((o: { id: string }) => o.id === cyOffer.id)).toEqual({
        id: cyOffer.id,
        status: 'RESCINDED',
        closedReason: expect.stringMatching(/filled/),
      });
      // Accepting it now is the same lost race as accepting a full role.
      expect(codeOf(await t.gql(Q.acceptOffer, { input: { offerId: cyOffer.id } }, w.cy.token))).toBe('CONFLICT');
      for (const [who, id] of [
        [w.cy, ids.cy],
        [w.al, ids.al],
      ] as const) {
        const mine = ok(await t.gql(Q.myApplications, {}, who.token)).myApplications.find((a: { id: string }) => a.id === id);
        expect(mine.status).toBe('REJECTED');
        expect(mine.history.at(-1)).toMatchObject({ to: 'REJECTED', reason: expect.stringMatching(/filled/) });
      }
      expect(await t.ds.query(`SELECT status FROM application WHERE role_id = $1 ORDER BY status`, [roleId])).toEqual([
        { status: 'ACCEPTED' },
        { status: 'REJECTED' },
        { status: 'REJECTED' },
      ]);

      // The role is no longer open, yet the educator holding it still sees it; others do not.
      expect(ok(await t.gql(Q.role, { id: roleId }, w.bea.token)).role).toMatchObject({ id: roleId, status: 'FILLED' });
      expect(codeOf(await t.gql(Q.role, { id: roleId }, w.cy.token))).toBe('NOT_FOUND');
    });

    it('keeps a multi-opening role open until every opening is accepted; the next offer follows the ranking without a reason', async () => {
      const roleId = await postOpenRole(t, w, { openings: 2 });
      const ids: Record<string, string> = {};
      for (const [name, who] of [
        ['bea', w.bea],
        ['cy', w.cy],
      ] as const) {
        ids[name] = await applied(roleId, who);
        for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW'])
          ok(await t.gql(Q.move, { input: { applicationId: ids[name], to, reason: 'ok' } }, w.hr));
      }
      ok(await t.gql(Q.saveRun, { input: { roleId } }, w.hr));
      expect(codeOf(await t.gql(Q.makeOffer, { input: { applicationId: ids.cy, startsOn: daysFromNow(10) } }, w.hr))).toBe(
        'BAD_USER_INPUT',
      );
      const first = ok(await t.gql(Q.makeOffer, { input: { applicationId: ids.bea, startsOn: daysFromNow(10) } }, w.hr)).makeOffer;
      ok(await t.gql(Q.acceptOffer, { input: { offerId: first.id } }, w.bea.token));
      expect(ok(await t.gql(Q.role, { id: roleId }, w.hr)).role.status).toBe('OPEN');
      // Bea holds an accepted offer, so the ranking now points to Cy.
      const second = ok(await t.gql(Q.makeOffer, { input: { applicationId: ids.cy, startsOn: daysFromNow(10) } }, w.hr)).makeOffer;
      expect(second).toMatchObject({ override: false, expectedRank: 2 });
      ok(await t.gql(Q.acceptOffer, { input: { offerId: second.id } }, w.cy.token));
      expect(ok(await t.gql(Q.role, { id: roleId }, w.hr)).role.status).toBe('FILLED');
    });
  });

  describe('invitations', () => {
    it('are one per candidate and role, answered once, and not for someone who already applied', async () => {
      const roleId = await postOpenRole(t, w);
      const inv = ok(await t.gql(Q.invite, { input: { roleId, educatorId: w.cy.educatorId } }, w.hr)).inviteCandidate;
      expect(codeOf(await t.gql(Q.invite, { input: { roleId, educatorId: w.cy.educatorId } }, w.hr))).toBe('CONFLICT');
      expect(codeOf(await t.gql(Q.declineInvitation, { input: { invitationId: inv.id } }, w.bea.token))).toBe('NOT_FOUND');
      expect(ok(await t.gql(Q.declineInvitation, { input: { invitationId: inv.id } }, w.cy.token)).declineInvitation.status).toBe(
        'DECLINED',
      );
      expect(codeOf(await t.gql(Q.acceptInvitation, { input: { invitationId: inv.id } }, w.cy.token))).toBe('BAD_USER_INPUT');
      await applied(roleId, w.bea);
      expect(codeOf(await t.gql(Q.invite, { input: { roleId, educatorId: w.bea.educatorId } }, w.hr))).toBe('CONFLICT');
      expect(codeOf(await t.gql(Q.invite, { input: { roleId, educatorId: '00000000-0000-4000-8000-000000000000' } }, w.hr))).toBe(
        'NOT_FOUND',
      );
      const audit = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY id`, [inv.id]);
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['INVITATION_SENT', 'INVITATION_DECLINED']);
    });
  });

  describe('panels', () => {
    it('never seat an applicant, nor let a panelist apply to their own role', async () => {
      const roleId = await postOpenRole(t, w);
      // One account, both powers: an educator who is also a panelist.
      const educatorId = await insertEducator(t.ds, { buildingId: w.north, name: 'Dana Both' });
      const both = await t.signInAs([Persona.EDUCATOR, Persona.PANELIST], { educatorId });
      ok(await t.gql(Q.apply, { input: { roleId } }, both.token));
      const seat = await t.gql(Q.addPanelist, { input: { roleId, accountId: both.account.id } }, w.hr);
      expect(codeOf(seat)).toBe('BAD_USER_INPUT');
      expect(seat.errors![0].message).toMatch(/applied to the role/);

      const other = await postOpenRole(t, w);
      ok(await t.gql(Q.addPanelist, { input: { roleId: other, accountId: both.account.id } }, w.hr));
      expect(codeOf(await t.gql(Q.addPanelist, { input: { roleId: other, accountId: both.account.id } }, w.hr))).toBe('CONFLICT');
      const apply = await t.gql(Q.apply, { input: { roleId: other } }, both.token);
      expect(codeOf(apply)).toBe('BAD_USER_INPUT');
      expect(apply.errors![0].message).toMatch(/panel/);
      expect(codeOf(await t.gql(Q.invite, { input: { roleId: other, educatorId } }, w.hr))).toBe('BAD_USER_INPUT');

      expect(codeOf(await t.gql(Q.addPanelist, { input: { roleId: other, accountId: w.bea.accountId } }, w.hr))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(Q.addPanelist, { input: { roleId: other, accountId: w.panel[0].accountId } }, w.panel[0].token))).toBe(
        'FORBIDDEN',
      );
    });

    it("a panelist not on the role's panel gets NOT_FOUND for its candidates, applications, comparison and scores", async () => {
      const roleId = await postOpenRole(t, w);
      ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: w.panel[0].accountId } }, w.hr));
      const id = await applied(roleId, w.bea);
      for (const to of ['SCREENED', 'SHORTLISTED']) ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: 'ok' } }, w.hr));
      const out = w.outsider.token;
      expect(codeOf(await t.gql(Q.roleApplications, { roleId }, out))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(Q.application, { id }, out))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(Q.compare, { roleId, ids: [id] }, out))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(Q.compareCsv, { roleId, ids: [id] }, out))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(Q.panelScores, { id }, out))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(Q.rolePanel, { roleId }, out))).toBe('NOT_FOUND');
      const before = await snapshot();
      expect(codeOf(await t.gql(Q.saveScores, { input: { applicationId: id, scores: [{ requirementId: id, score: 3 }] } }, out))).toBe(
        'NOT_FOUND',
      );
      expect(codeOf(await t.gql(Q.declareConflict, { input: { applicationId: id } }, out))).toBe('NOT_FOUND');
      expect(await snapshot()).toEqual(before);
      // The candidate's evidence stays hidden from them too (through the shared visibility rule).
      const [evidence] = await t.ds.query('SELECT id FROM evidence WHERE educator_id = $1 LIMIT 1', [w.bea.educatorId]);
      expect(codeOf(await t.gql(`query($id: ID!) { evidence(id: $id) { id } }`, { id: evidence.id }, out))).toBe('NOT_FOUND');
      // The seated panelist can read it.
      expect(ok(await t.gql(`query($id: ID!) { evidence(id: $id) { id } }`, { id: evidence.id }, w.panel[0].token)).evidence.id).toBe(
        evidence.id,
      );
      // Mixing in an application of another role is NOT_FOUND as well.
      const elsewhere = await applied(await postOpenRole(t, w), w.cy);
      expect(codeOf(await t.gql(Q.compare, { roleId, ids: [id, elsewhere] }, w.hr))).toBe('NOT_FOUND');
    });

    it('a declared conflict hides the candidate from that panelist and drops their scores from the aggregate', async () => {
      const roleId = await postOpenRole(t, w);
      // Fresh panelists: a seat on another role where Bea applied would (rightly) keep her visible through that role.
      const [p1, p2] = await Promise.all(
        [0, 1].map(async () => {
          const { token, account } = await t.signInAs([Persona.PANELIST]);
          return { token, accountId: account.id };
        }),
      );
      for (const p of [p1, p2]) ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: p.accountId } }, w.hr));
      const bea = await applied(roleId, w.bea);
      const cy = await applied(roleId, w.cy);
      for (const id of [bea, cy])
        for (const to of ['SCREENED', 'SHORTLISTED']) ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: 'ok' } }, w.hr));
      const reqs: string[] = ok(await t.gql(Q.compare, { roleId, ids: [bea] }, w.hr)).candidateComparison.requirements.map(
        (r: { requirementId: string }) => r.requirementId,
      );
      for (const [p, score] of [
        [p1, 4],
        [p2, 2],
      ] as const) {
        ok(
          await t.gql(
            Q.saveScores,
            { input: { applicationId: bea, scores: reqs.map((requirementId) => ({ requirementId, score })) } },
            p.token,
          ),
        );
        ok(await t.gql(Q.submitScores, { input: { applicationId: bea } }, p.token));
      }
      expect(ok(await t.gql(Q.panelScores, { id: bea }, w.hr)).panelScores.aggregate).toMatchObject({
        overallMean: 3,
        spread: 2,
        panelistCount: 2,
      });

      ok(await t.gql(Q.declareConflict, { input: { applicationId: bea, reason: 'Former co-teacher' } }, p1.token));
      const seen = ok(await t.gql(Q.roleApplications, { roleId }, p1.token)).roleApplications;
      expect(seen.nodes.map((n: { id: string }) => n.id)).toEqual([cy]);
      expect(codeOf(await t.gql(Q.application, { id: bea }, p1.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(Q.compare, { roleId, ids: [bea, cy] }, p1.token))).toBe('NOT_FOUND');
      const [evidence] = await t.ds.query('SELECT id FROM evidence WHERE educator_id = $1 LIMIT 1', [w.bea.educatorId]);
      expect(codeOf(await t.gql(`query($id: ID!) { evidence(id: $id) { id } }`, { id: evidence.id }, p1.token))).toBe('NOT_FOUND');
      expect(ok(await t.gql(Q.panelScores, { id: bea }, w.hr)).panelScores.aggregate).toMatchObject({
        overallMean: 2,
        spread: 0,
        panelistCount: 1,
      });
      // The other panelist is unaffected.
      expect(ok(await t.gql(Q.roleApplications, { roleId }, p2.token)).roleApplications.totalCount).toBe(2);

      // Removing a panelist takes them off the role entirely.
      ok(await t.gql(Q.removePanelist, { input: { roleId, accountId: p2.accountId } }, w.hr));
      expect(codeOf(await t.gql(Q.roleApplications, { roleId }, p2.token))).toBe('NOT_FOUND');
      expect(ok(await t.gql(Q.panelScores, { id: bea }, w.hr)).panelScores.aggregate.panelistCount).toBe(0);
      const audit = await t.ds.query(
        `SELECT action FROM audit_entry WHERE action IN ('CONFLICT_OF_INTEREST_DECLARED', 'PANELIST_REMOVED') ORDER BY id`,
      );
      expect(audit.map((a: { action: string }) => a.action)).toEqual(['CONFLICT_OF_INTEREST_DECLARED', 'PANELIST_REMOVED']);
    });

    it('without blind review panelists see names from the start; pseudonyms differ between roles', async () => {
      const roleA = await postOpenRole(t, w);
      const roleB = await postOpenRole(t, w);
      for (const r of [roleA, roleB]) ok(await t.gql(Q.addPanelist, { input: { roleId: r, accountId: w.panel[0].accountId } }, w.hr));
      await applied(roleA, w.bea);
      await applied(roleB, w.bea);
      const a = ok(await t.gql(Q.roleApplications, { roleId: roleA }, w.panel[0].token)).roleApplications.nodes[0].candidate;
      const b = ok(await t.gql(Q.roleApplications, { roleId: roleB }, w.panel[0].token)).roleApplications.nodes[0].candidate;
      expect(a).toMatchObject({ displayName: 'Bea Lopez', identityHidden: false, educatorId: w.bea.educatorId });
      expect(a.pseudonym).not.toBe(b.pseudonym);

      // No saved ranking run: the engine columns come from a live explanation by the matching module, without a rank.
      const appId = ok(await t.gql(Q.roleApplications, { roleId: roleA }, w.hr)).roleApplications.nodes[0].id;
      const [cand] = ok(await t.gql(Q.compare, { roleId: roleA, ids: [appId] }, w.panel[0].token)).candidateComparison.candidates;
      expect(cand).toMatchObject({ engineSource: 'LIVE', engineRank: null, qualified: true });
      expect(cand.engineScore).toBeGreaterThan(0);
      expect(cand.cells[0].evidence.length).toBeGreaterThan(0);
    });
  });
});
