import { createFirstHr } from '../../src/accounts/first-hr.js';
import { daysFromNow, ok, Q } from '../support/hiring-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A new district on its own empty database: the first HR account from the command line, then everything else
 * through the API only (buildings, educators, accounts, evidence, a role and its whole hiring round), and a
 * panelist disabled in the middle of their session.
 */
describe('a new district starts on an empty database', () => {
  let t: TestApp;
  let hr: string;
  const people: Record<'bea' | 'cy' | 'pat', { accountId: string; token: string; educatorId?: string }> = {} as never;
  const comp: Record<string, string> = {};
  let roleId: string;
  const apps: Record<'bea' | 'cy', string> = { bea: '', cy: '' };
  const REQUIRED = ['AI-TOOL-EVAL', 'ASSESS-REDESIGN'];
  const PASSWORD = 'lantern orchard quietly';

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, '');
  const setPassword = async (url: string) =>
    ok(
      await t.gql(`mutation($input: SetPasswordInput!) { setPassword(input: $input) { accessToken viewer { accountId } } }`, {
        input: { token: tokenOf(url), password: PASSWORD },
      }),
    ).setPassword;

  it('has no accounts and no district data, and nobody can sign in', async () => {
    const [row] = await t.ds.query(
      'SELECT (SELECT count(*)::int FROM account) AS accounts, (SELECT count(*)::int FROM building) AS buildings, (SELECT count(*)::int FROM educator) AS educators',
    );
    expect(row).toEqual({ accounts: 0, buildings: 0, educators: 0 });
    expect(codeOf(await t.gql(`{ buildings { totalCount } }`))).toBe('UNAUTHENTICATED');
  });

  it('create-hr makes the first HR account with a one-time link; a second create-hr is refused', async () => {
    const { accountId, link } = await createFirstHr(t.ds, t.config, 'hana.hr@newdistrict.example', 'Hana HR');
    expect(link.url).toMatch(/\/set-password#token=[A-Za-z0-9_-]{43}$/);
    const session = await setPassword(link.url);
    expect(session.viewer.accountId).toBe(accountId);
    hr = ok(
      await t.gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken viewer { personas } } }`, {
        input: { email: 'hana.hr@newdistrict.example', password: PASSWORD },
      }),
    ).signIn.accessToken;
    await expect(createFirstHr(t.ds, t.config, 'other@newdistrict.example', 'Other')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM account'))[0].n).toBe(1);
    const [audit] = await t.ds.query(`SELECT actor_account_id, changes FROM audit_entry WHERE action = 'ACCOUNT_CREATED'`);
    expect(audit).toMatchObject({
      actor_account_id: null,
      changes: { via: 'admin create-hr', after: { email: 'hana.hr@newdistrict.example', personas: ['HR'] } },
    });
  });

  it('HR creates buildings, educators and their accounts through the API; each person sets a password and signs in', async () => {
    const building = async (code: string, name: string) =>
      ok(
        await t.gql(
          `mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { id } }`,
          { input: { code, name, level: 'HIGH' } },
          hr,
        ),
      ).createBuilding.id;
    const north = await building('NH', 'North High');
    const south = await building('SH', 'South High');
    const educator = async (fullName: string, workEmail: string, buildingId: string) =>
      ok(
        await t.gql(
          `mutation($input: CreateEducatorInput!) { createEducator(input: $input) { id } }`,
          { input: { fullName, workEmail, buildingId, currentAssignment: 'Grade 9 science', hireDate: '2018-08-20' } },
          hr,
        ),
      ).createEducator.id;
    const beaEducator = await educator('Bea Lopez', 'bea@newdistrict.example', north);
    const cyEducator = await educator('Cy Okafor', 'cy@newdistrict.example', south);

    const account = async (email: string, personas: string[], educatorId?: string) => {
      const created = ok(
        await t.gql(
          `mutation($input: CreateAccountInput!) { createAccount(input: $input) { account { id } setPasswordLink { url } } }`,
          { input: { email, displayName: email.split('@')[0], personas, educatorId } },
          hr,
        ),
      ).createAccount;
      const session = await setPassword(created.setPasswordLink.url);
      return { accountId: created.account.id as string, token: session.accessToken as string, educatorId };
    };
    people.bea = await account('bea@newdistrict.example', ['EDUCATOR'], beaEducator);
    people.cy = await account('cy@newdistrict.example', ['EDUCATOR'], cyEducator);
    people.pat = await account('pat@newdistrict.example', ['PANELIST']);

    const frameworks = ok(await t.gql(`{ frameworks(first: 20) { nodes { code competencies { id code } } } }`, {}, hr)).frameworks.nodes;
    for (const f of frameworks) for (const c of f.competencies) comp[c.code] = c.id;
    for (const code of REQUIRED) expect(comp[code]).toBeDefined();
    const [counts] = await t.ds.query(
      'SELECT (SELECT count(*)::int FROM account) AS accounts, (SELECT count(*)::int FROM building) AS buildings, (SELECT count(*)::int FROM educator) AS educators',
    );
    expect(counts).toEqual({ accounts: 4, buildings: 2, educators: 2 });
  });

  it('educators add evidence, HR verifies it, posts and opens a role, and seats a panelist found by email', async () => {
    const evidence = async (token: string, title: string, level: number) =>
      ok(
        await t.gql(
          `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id version } }`,
          {
            input: {
              kind: 'ARTIFACT',
              title,
              startedOn: daysFromNow(-200),
              claims: REQUIRED.map((code) => ({ competencyId: comp[code], level })),
            },
          },
          token,
        ),
      ).createEvidence;
    const beaItem = await evidence(people.bea.token, 'AI tool review for our department', 3);
    await evidence(people.cy.token, 'Notes on AI in assessment', 2);
    ok(
      await t.gql(
        `mutation($input: SetEvidenceVerificationInput!) { setEvidenceVerification(input: $input) { id } }`,
        { input: { id: beaItem.id, version: beaItem.version, status: 'VERIFIED' } },
        hr,
      ),
    );

    const created = ok(
      await t.gql(
        `mutation($input: CreateRoleInput!) { createRole(input: $input) { id version } }`,
        {
          input: {
            title: 'Innovation coach',
            summary: 'Leads AI pilots',
            classroomFte: 0.6,
            roleFte: 0.4,
            openings: 1,
            closingDate: daysFromNow(30),
            requirements: REQUIRED.map((code) => ({ competencyId: comp[code], minLevel: 2, weight: 50, kind: 'REQUIRED' })),
          },
        },
        hr,
      ),
    ).createRole;
    roleId = created.id;
    ok(
      await t.gql(
        `mutation($input: ChangeRoleStatusInput!) { changeRoleStatus(input: $input) { status } }`,
        { input: { id: roleId, version: created.version, status: 'OPEN' } },
        hr,
      ),
    );

    const found = ok(await t.gql(`{ accounts(email: "pat@", persona: PANELIST) { nodes { id } } }`, {}, hr)).accounts.nodes;
    expect(found).toEqual([{ id: people.pat.accountId }]);
    ok(await t.gql(Q.addPanelist, { input: { roleId, accountId: found[0].id } }, hr));
    ok(await t.gql(Q.saveRun, { input: { roleId, limit: 50 } }, hr));
  });

  it('both apply, HR shortlists, the panelist scores, HR offers to the top-ranked candidate, who accepts', async () => {
    apps.bea = ok(await t.gql(Q.apply, { input: { roleId, statement: 'I reviewed our AI tools.' } }, people.bea.token)).applyToRole.id;
    apps.cy = ok(await t.gql(Q.apply, { input: { roleId } }, people.cy.token)).applyToRole.id;
    for (const to of ['SCREENED', 'SHORTLISTED']) {
      for (const id of [apps.bea, apps.cy]) ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: 'Meets the posting' } }, hr));
    }
    const view = ok(await t.gql(Q.compare, { roleId, ids: [apps.bea] }, people.pat.token)).candidateComparison;
    const requirementIds: string[] = view.requirements.map((r: { requirementId: string }) => r.requirementId);
    for (const [id, score] of [
      [apps.bea, 4],
      [apps.cy, 2],
    ] as const) {
      ok(
        await t.gql(
          Q.saveScores,
          { input: { applicationId: id, scores: requirementIds.map((requirementId) => ({ requirementId, score, comment: '' })) } },
          people.pat.token,
        ),
      );
      ok(await t.gql(Q.submitScores, { input: { applicationId: id } }, people.pat.token));
    }
    ok(await t.gql(Q.move, { input: { applicationId: apps.bea, to: 'INTERVIEW', reason: 'Interview booked' } }, hr));
    const offer = ok(
      await t.gql(Q.makeOffer, { input: { applicationId: apps.bea, startsOn: daysFromNow(60), endsOn: daysFromNow(425) } }, hr),
    ).makeOffer;
    expect(offer).toMatchObject({ status: 'PENDING', override: false, educatorId: people.bea.educatorId });
    const accepted = ok(await t.gql(Q.acceptOffer, { input: { offerId: offer.id } }, people.bea.token)).acceptOffer;
    expect(accepted.status).toBe('ACCEPTED');
    const [commitment] = await t.ds.query('SELECT educator_id, role_fte::float AS fte FROM hybrid_commitment WHERE id = $1', [
      accepted.commitmentId,
    ]);
    expect(commitment).toEqual({ educator_id: people.bea.educatorId, fte: 0.4 });
  });

  it('HR disables the panelist mid-session: their very next request is refused, and nothing they try changes data', async () => {
    ok(await t.gql(Q.rolePanel, { roleId }, people.pat.token));
    const { version } = ok(await t.gql(`query($id: ID!) { account(id: $id) { version } }`, { id: people.pat.accountId }, hr)).account;
    ok(
      await t.gql(
        `mutation($input: AccountRefInput!) { disableAccount(input: $input) { status } }`,
        { input: { id: people.pat.accountId, version } },
        hr,
      ),
    );
    const scoresBefore = await t.ds.query('SELECT * FROM panel_score ORDER BY application_id, competency_id');
    const refused = await t.gql(Q.rolePanel, { roleId }, people.pat.token);
    expect(codeOf(refused)).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(Q.declareConflict, { input: { applicationId: apps.cy, reason: 'x' } }, people.pat.token))).toBe(
      'UNAUTHENTICATED',
    );
    expect(await t.ds.query('SELECT * FROM panel_score ORDER BY application_id, competency_id')).toEqual(scoresBefore);
    expect(
      codeOf(
        await t.gql(`mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
          input: { email: 'pat@newdistrict.example', password: PASSWORD },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
    // Everyone else carries on.
    ok(await t.gql(Q.myOffers, {}, people.bea.token));
    ok(await t.gql(Q.rolePanel, { roleId }, hr));
  });
});
