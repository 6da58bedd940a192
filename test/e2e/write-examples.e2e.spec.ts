import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '../../src/seed/demo-district.js';
import { HR_EMAIL, PANEL_EMAIL, todayIso, addDays } from '../../src/seed/demo-plan.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const dir = fileURLToPath(new URL('../../graphql/examples/', import.meta.url));
const example = (name: string) => readFileSync(`${dir}${name}.graphql`, 'utf8');
const MAYA = 'maya.okafor@demo.pathways.test';

/**
 * The README's walkthrough of every write a persona makes, run with the example files as they are, in order, on the
 * demo district: each step takes the ids and versions the previous ones returned, and the database is checked after.
 */
describe('the write examples in graphql/examples, in the order the README walks through them', () => {
  let t: TestApp;
  const token: Record<string, string> = {};
  const today = todayIso();
  let comps: Record<string, string>;
  let role: { id: string; version: number; requirements: Array<{ id: string }> };
  let evidenceId: string;
  let applicationId: string;
  let offerId: string;

  /** As the README's `gql FILE VARIABLES [OPERATION]` helper does: one POST, the operation chosen by name. */
  async function run(who: string, file: string, variables: Record<string, unknown>, operationName?: string): Promise<any> {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token[who]}` },
      body: JSON.stringify({ query: example(file), variables, operationName }),
    });
    const body = (await res.json()) as GqlResponse;
    expect({ file, errors: body.errors }).toEqual({ file, errors: undefined });
    return body.data;
  }

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoIfEmpty(t.ds, () => undefined, { asOf: today });
    for (const email of [HR_EMAIL, PANEL_EMAIL, MAYA]) {
      token[email] = (await t.gql(example('sign-in'), { input: { email, password: DEMO_PASSWORD } })).data.signIn.accessToken;
    }
  });
  afterAll(() => t.close());

  it('competency-ids.graphql gives the ids that requirements and claims name', async () => {
    const data = await run(MAYA, 'competency-ids', {});
    comps = Object.fromEntries(data.framework.competencies.map((c: { code: string; id: string }) => [c.code, c.id]));
    expect(Object.keys(comps)).toEqual(expect.arrayContaining(['AI-TOOL-EVAL', 'PL-DESIGN']));
  });

  it('HR: create-role.graphql posts a draft, open-role.graphql opens it with its version', async () => {
    const created = (
      await run(HR_EMAIL, 'create-role', {
        input: {
          title: 'AI integration specialist',
          summary: 'Helps colleagues choose and use AI tools well',
          classroomFte: 0.6,
          roleFte: 0.4,
          closingDate: addDays(today, 30),
          requirements: [
            { competencyId: comps['AI-TOOL-EVAL'], minLevel: 2, weight: 40, kind: 'REQUIRED' },
            { competencyId: comps['PL-DESIGN'], minLevel: 2, weight: 20, kind: 'PREFERRED' },
          ],
        },
      })
    ).createRole;
    expect(created).toMatchObject({ status: 'DRAFT', version: 1 });
    const opened = (await run(HR_EMAIL, 'open-role', { input: { id: created.id, version: created.version, status: 'OPEN' } }))
      .changeRoleStatus;
    expect(opened).toMatchObject({ id: created.id, status: 'OPEN', version: 2 });
    role = { ...created, version: opened.version };
    expect((await t.ds.query(`SELECT status FROM hybrid_role WHERE id = $1`, [role.id]))[0].status).toBe('OPEN');
  });

  it('educator: add-evidence.graphql, then request-verification.graphql; HR: decide-verification.graphql', async () => {
    const added = (
      await run(MAYA, 'add-evidence', {
        input: {
          kind: 'PILOT',
          title: 'AI feedback tool pilot, grade 7 science',
          startedOn: addDays(today, -200),
          endedOn: addDays(today, -60),
          pilot: { part: 'LEAD', classrooms: 4, students: 96 },
          claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 3 }],
        },
      })
    ).createEvidence;
    expect(added).toMatchObject({
      verificationStatus: 'SELF_REPORTED',
      version: 1,
      claims: [{ level: 3, competency: { code: 'AI-TOOL-EVAL' } }],
    });
    evidenceId = added.id;
    const request = (
      await run(MAYA, 'request-verification', {
        input: { evidenceId, note: 'Pilot report attached', links: ['https://drive.example/pilot-report'] },
      })
    ).requestVerification;
    expect(request).toMatchObject({ status: 'PENDING', evidenceStatus: 'SELF_REPORTED' });
    const decided = (
      await run(HR_EMAIL, 'decide-verification', {
        input: { id: request.id, version: request.version, decision: 'VERIFIED', reason: "Pilot report and principal's sign-off checked" },
      })
    ).decideVerification;
    expect(decided).toMatchObject({ status: 'VERIFIED', evidenceStatus: 'VERIFIED', decidedBy: HR_EMAIL });
    expect((await t.ds.query(`SELECT verification_status FROM evidence WHERE id = $1`, [evidenceId]))[0].verification_status).toBe(
      'VERIFIED',
    );
  });

  it('educator: apply.graphql; HR: move-application.graphql through the pipeline, each move with the version it read', async () => {
    const applied = (await run(MAYA, 'apply', { input: { roleId: role.id, statement: 'I led our AI feedback pilot.' } })).applyToRole;
    expect(applied).toMatchObject({ status: 'SUBMITTED', roleTitle: 'AI integration specialist' });
    applicationId = applied.id;
    let version = applied.version;
    for (const [to, reason] of [
      ['SCREENED', 'Meets posting criteria'],
      ['SHORTLISTED', 'Verified pilot leadership'],
      ['INTERVIEW', 'Panel interview booked'],
    ]) {
      const moved = (await run(HR_EMAIL, 'move-application', { input: { applicationId, to, reason, version } })).moveApplication;
      expect(moved.status).toBe(to);
      version = moved.version;
    }
    const history = await t.ds.query(`SELECT to_status FROM application_transition WHERE application_id = $1 ORDER BY id`, [applicationId]);
    expect(history.map((h: { to_status: string }) => h.to_status)).toEqual(['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'INTERVIEW']);
  });

  it('HR: add-panelist.graphql; panelist: score-candidate.graphql (SaveScores, then SubmitScores)', async () => {
    const [panel] = await t.ds.query(`SELECT id FROM account WHERE email = $1`, [PANEL_EMAIL]);
    const seated = (await run(HR_EMAIL, 'add-panelist', { input: { roleId: role.id, accountId: panel.id } })).addPanelist;
    expect(seated.members.map((m: { email: string }) => m.email)).toEqual([PANEL_EMAIL]);
    const scores = role.requirements.map((r, i) => ({ requirementId: r.id, score: 3 + (i % 2), comment: 'Clear evidence' }));
    const saved = (await run(PANEL_EMAIL, 'score-candidate', { input: { applicationId, scores } }, 'SaveScores')).savePanelScores;
    expect(saved).toMatchObject({ submitted: false });
    const submitted = (await run(PANEL_EMAIL, 'score-candidate', { input: { applicationId } }, 'SubmitScores')).submitPanelScores;
    expect(submitted).toMatchObject({ submitted: true, aggregate: { panelistCount: 1, overallMean: 3.5 } });
  });

  it('HR: make-offer.graphql; educator: answer-offer.graphql (AcceptOffer) records the commitment and fills the role', async () => {
    const offer = (
      await run(HR_EMAIL, 'make-offer', { input: { applicationId, startsOn: addDays(today, 30), endsOn: addDays(today, 210) } })
    ).makeOffer;
    expect(offer).toMatchObject({ status: 'PENDING', roleFte: 0.4, override: false });
    offerId = offer.id;
    const accepted = (await run(MAYA, 'answer-offer', { input: { offerId } }, 'AcceptOffer')).acceptOffer;
    expect(accepted.status).toBe('ACCEPTED');
    const [commitment] = await t.ds.query(`SELECT role_id, role_fte::float8 AS fte FROM hybrid_commitment WHERE id = $1`, [
      accepted.commitmentId,
    ]);
    expect(commitment).toEqual({ role_id: role.id, fte: 0.4 });
    expect((await t.ds.query(`SELECT status FROM hybrid_role WHERE id = $1`, [role.id]))[0].status).toBe('FILLED');
  });
});
