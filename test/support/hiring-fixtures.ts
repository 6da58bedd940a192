import { Persona } from '../../src/access/persona.js';
import type { GqlResponse, TestApp } from './test-app.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence } from './matching-fixtures.js';

/** Factories and GraphQL documents for hiring tests: roles are posted over HTTP, people and evidence inserted directly. */

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const yearsAgo = (years: number) => daysFromNow(-365 * years);

export const IDENTITY = 'candidate { displayName pseudonym identityHidden educatorId email buildingName }';
export const APPLICATION = `id roleId roleTitle status statement invited version submittedAt ${IDENTITY}`;

export const Q = {
  apply: `mutation($input: ApplyToRoleInput!) { applyToRole(input: $input) { ${APPLICATION} } }`,
  withdraw: `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { ${APPLICATION} } }`,
  invite: `mutation($input: InviteCandidateInput!) { inviteCandidate(input: $input) { id roleId educatorId status message applicationId } }`,
  acceptInvitation: `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { ${APPLICATION} } }`,
  declineInvitation: `mutation($input: DeclineInvitationInput!) { declineInvitation(input: $input) { id status } }`,
  myInvitations: `{ myInvitations { id roleId roleTitle status message applicationId } }`,
  myApplications: `{ myApplications { ${APPLICATION} history { from to reason actorEmail } } }`,
  move: `mutation($input: MoveApplicationInput!) { moveApplication(input: $input) { ${APPLICATION} history { from to reason } } }`,
  roleApplications: `query($roleId: ID!, $status: ApplicationStatus) { roleApplications(roleId: $roleId, status: $status, first: 50) {
    totalCount nodes { ${APPLICATION} history { to } } } }`,
  application: `query($id: ID!) { application(id: $id) { ${APPLICATION} } }`,
  addPanelist: `mutation($input: PanelSeatInput!) { addPanelist(input: $input) { roleId members { accountId email } blindReview } }`,
  removePanelist: `mutation($input: PanelSeatInput!) { removePanelist(input: $input) { roleId members { accountId } } }`,
  setBlind: `mutation($input: SetBlindReviewInput!) { setBlindReview(input: $input) { roleId blindReview } }`,
  rolePanel: `query($roleId: ID!) { rolePanel(roleId: $roleId) { roleId blindReview identitiesVisible members { accountId email } } }`,
  declareConflict: `mutation($input: DeclareConflictInput!) { declareConflict(input: $input) { roleId applicationId declaredAt } }`,
  saveScores: `mutation($input: SavePanelScoresInput!) { savePanelScores(input: $input) { applicationId submitted myScores { requirementId score comment submittedAt } } }`,
  submitScores: `mutation($input: SubmitPanelScoresInput!) { submitPanelScores(input: $input) { applicationId submitted
    aggregate { overallMean spread panelistCount perRequirement { requirementId mean min max spread count } } } }`,
  panelScores: `query($id: ID!) { panelScores(applicationId: $id) { applicationId submitted myScores { requirementId score comment submittedAt }
    aggregate { overallMean spread panelistCount perRequirement { requirementId mean min max spread count } }
    panelists { accountId email submitted scores { requirementId score comment } } } }`,
  compare: `query($roleId: ID!, $ids: [ID!]!) { candidateComparison(roleId: $roleId, applicationIds: $ids) {
    roleId roleTitle blindReview identitiesVisible rankingRunId rankingRunAsOf
    requirements { requirementId competencyId competencyCode competencyName kind minLevel }
    candidates { applicationId ${IDENTITY} status engineSource engineRank engineScore engineMaxScore qualified overextended
      cells { requirementId demonstratedLevel met evidence { kind title verificationStatus startedOn endedOn issuedOn expiresOn expired level }
        panel { requirementId mean min max spread count } }
      panel { overallMean spread panelistCount } } } }`,
  compareCsv: `query($roleId: ID!, $ids: [ID!]!) { candidateComparisonCsv(roleId: $roleId, applicationIds: $ids) }`,
  makeOffer: `mutation($input: MakeOfferInput!) { makeOffer(input: $input) {
    id applicationId roleId educatorId status roleFte startsOn endsOn override overrideReason rankingRunId expectedRank commitmentId } }`,
  acceptOffer: `mutation($input: AnswerOfferInput!) { acceptOffer(input: $input) { id status commitmentId override overrideReason } }`,
  declineOffer: `mutation($input: AnswerOfferInput!) { declineOffer(input: $input) { id status } }`,
  myOffers: `{ myOffers { id roleId status override overrideReason startsOn endsOn commitmentId } }`,
  roleOffers: `query($roleId: ID!) { roleOffers(roleId: $roleId) { id educatorId status override overrideReason expectedRank } }`,
  saveRun: `mutation($input: SaveRankingRunInput!) { saveRankingRun(input: $input) { id } }`,
  role: `query($id: ID!) { role(id: $id) { id status version openings } }`,
};

export interface Person {
  educatorId: string;
  token: string;
  accountId: string;
}

export interface HiringWorld {
  hr: string;
  comps: Record<string, string>;
  north: string;
  south: string;
  /** Strong: verified certification, led pilot, designed PD (the seed case's candidate B). */
  bea: Person;
  /** Qualified on self-reported evidence only: ranks below Bea. */
  cy: Person;
  /** 15 years and workshop hours only: not qualified. */
  al: Person;
  panel: Array<{ token: string; accountId: string }>;
  outsider: { token: string; accountId: string };
}

const SEED_REQUIREMENTS = ['AI-TOOL-EVAL', 'ASSESS-REDESIGN', 'PL-DESIGN'];

async function educatorAccount(t: TestApp, buildingId: string, name: string, years: number): Promise<Person> {
  const educatorId = await insertEducator(t.ds, { buildingId, name, hireDate: yearsAgo(years) });
  const { token, account } = await t.signInAs([Persona.EDUCATOR], { educatorId });
  return { educatorId, token, accountId: account.id };
}

export async function hiringWorld(t: TestApp, panelists = 2): Promise<HiringWorld> {
  const hr = (await t.signInAs([Persona.HR])).token;
  const comps = await competencyIds(t.ds, SEED_REQUIREMENTS);
  const north = await insertBuilding(t.ds, 'North High');
  const south = await insertBuilding(t.ds, 'South Middle');

  const bea = await educatorAccount(t, north, 'Bea Lopez', 6);
  await insertEvidence(t.ds, {
    educatorId: bea.educatorId,
    kind: 'CERTIFICATION',
    title: 'AI educator certification',
    issuedOn: daysFromNow(-200),
    expiresOn: daysFromNow(900),
    claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 3 }],
  });
  await insertEvidence(t.ds, {
    educatorId: bea.educatorId,
    kind: 'PILOT',
    title: 'Building AI pilot',
    pilotPart: 'LEAD',
    startedOn: daysFromNow(-300),
    endedOn: daysFromNow(-100),
    claims: [
      { competencyId: comps['ASSESS-REDESIGN'], level: 3 },
      { competencyId: comps['AI-TOOL-EVAL'], level: 2 },
    ],
  });
  await insertEvidence(t.ds, {
    educatorId: bea.educatorId,
    kind: 'PROFESSIONAL_LEARNING',
    title: 'Colleague PD on AI-supported feedback',
    startedOn: daysFromNow(-150),
    claims: [
      { competencyId: comps['PL-DESIGN'], level: 2 },
      { competencyId: comps['ASSESS-REDESIGN'], level: 2 },
    ],
  });

  const cy = await educatorAccount(t, south, 'Cy Okafor', 9);
  for (const code of SEED_REQUIREMENTS) {
    await insertEvidence(t.ds, {
      educatorId: cy.educatorId,
      kind: 'ARTIFACT',
      title: `Artifact for ${code}`,
      status: 'ENDORSED',
      startedOn: daysFromNow(-400),
      claims: [{ competencyId: comps[code], level: 2 }],
    });
  }

  const al = await educatorAccount(t, north, 'Al Novak', 15);
  for (const code of SEED_REQUIREMENTS) {
    await insertEvidence(t.ds, {
      educatorId: al.educatorId,
      kind: 'COURSE',
      title: `Workshop series ${code}`,
      hours: 40,
      startedOn: daysFromNow(-500),
      claims: [{ competencyId: comps[code], level: 3 }],
    });
  }

  const panel: Array<{ token: string; accountId: string }> = [];
  for (let i = 0; i < panelists; i++) {
    const { token, account } = await t.signInAs([Persona.PANELIST]);
    panel.push({ token, accountId: account.id });
  }
  const out = await t.signInAs([Persona.PANELIST]);
  return { hr, comps, north, south, bea, cy, al, panel, outsider: { token: out.token, accountId: out.account.id } };
}

/** HR posts the seed-case role over HTTP and opens it; returns its id. */
export async function postOpenRole(t: TestApp, w: HiringWorld, over: Record<string, unknown> = {}): Promise<string> {
  const created = await t.gql(
    `mutation($input: CreateRoleInput!) { createRole(input: $input) { id version } }`,
    {
      input: {
        title: 'Innovation coach',
        summary: 'Leads AI pilots',
        classroomFte: 0.6,
        roleFte: 0.4,
        openings: 1,
        closingDate: daysFromNow(30),
        requirements: SEED_REQUIREMENTS.map((code) => ({ competencyId: w.comps[code], minLevel: 2, weight: 30, kind: 'REQUIRED' })),
        ...over,
      },
    },
    w.hr,
  );
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  const { id, version } = created.data.createRole;
  const opened = await t.gql(
    `mutation($input: ChangeRoleStatusInput!) { changeRoleStatus(input: $input) { status } }`,
    { input: { id, version, status: 'OPEN' } },
    w.hr,
  );
  if (opened.errors) throw new Error(JSON.stringify(opened.errors));
  return id;
}

/** Fails the test with the GraphQL errors when there are any; returns data. */

export function ok(res: GqlResponse): any {
  if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}
