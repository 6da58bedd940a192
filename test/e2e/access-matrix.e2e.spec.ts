import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLObjectType } from 'graphql';
import { Persona } from '../../src/access/persona.js';
import { dummyOperation } from '../support/dummy-operation.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who may call each root field: the reviewed access table. A field missing here fails the first test,
 * so every new query or mutation arrives with an explicit decision.
 */
const { HR, PANELIST, EDUCATOR, LEADER, COMPLIANCE, ENDORSER } = Persona;
type Rule = 'public' | 'signedIn' | Persona[];
const TABLE: Record<string, Rule> = {
  // access
  'Mutation.signIn': 'public',
  'Query.viewer': 'signedIn',
  'Query.auditEntries': [HR],
  // accounts: HR manages them; anyone holding a set-password link redeems it; everyone manages their own sessions
  'Query.accounts': [HR],
  'Query.account': [HR],
  'Mutation.createAccount': [HR],
  'Mutation.updateAccount': [HR],
  'Mutation.disableAccount': [HR],
  'Mutation.enableAccount': [HR],
  'Mutation.forcePasswordReset': [HR],
  'Mutation.setPassword': 'public',
  'Mutation.changePassword': 'signedIn',
  'Mutation.signOutEverywhere': 'signedIn',
  // notifications: everyone reads their own; HR reads the outbox and triggers delivery
  'Query.myNotifications': 'signedIn',
  'Mutation.markNotificationsRead': 'signedIn',
  'Query.myNotificationPreferences': 'signedIn',
  'Mutation.setNotificationPreferences': 'signedIn',
  'Query.notificationOutbox': [HR],
  'Mutation.deliverNotifications': [HR],
  // competency framework
  'Query.frameworks': 'signedIn',
  'Query.framework': 'signedIn',
  'Query.competency': 'signedIn',
  'Mutation.createCompetency': [HR],
  'Mutation.updateCompetency': [HR],
  'Mutation.retireCompetency': [HR],
  'Mutation.createFramework': [HR],
  'Mutation.updateFramework': [HR],
  'Mutation.retireFramework': [HR],
  'Mutation.deleteFramework': [HR],
  // CASE: export and crosswalk reads for anyone signed in; import, publication and crosswalk edits for HR
  'Query.exportCasePackage': 'signedIn',
  'Query.crosswalks': 'signedIn',
  'Mutation.importCasePackage': [HR],
  'Mutation.setFrameworkPublication': [HR],
  'Mutation.addCrosswalk': [HR],
  'Mutation.removeCrosswalk': [HR],
  // buildings and educators
  'Query.buildings': 'signedIn',
  'Query.building': 'signedIn',
  'Mutation.createBuilding': [HR],
  'Mutation.updateBuilding': [HR],
  'Mutation.setBuildingArchived': [HR],
  'Mutation.deleteBuilding': [HR],
  'Query.educators': [HR],
  'Query.educator': 'signedIn',
  'Mutation.createEducator': [HR],
  'Mutation.updateEducator': [HR],
  'Mutation.recordLeaving': [HR],
  'Mutation.reinstateEducator': [HR],
  'Mutation.moveEducator': [HR],
  // hybrid roles
  'Query.roles': 'signedIn',
  'Query.role': 'signedIn',
  'Mutation.createRole': [HR],
  'Mutation.updateRole': [HR],
  'Mutation.changeRoleStatus': [HR],
  // evidence: educators keep their own portfolio, only HR verifies
  'Query.evidence': 'signedIn',
  'Query.evidenceItems': 'signedIn',
  'Mutation.createEvidence': [HR, EDUCATOR],
  'Mutation.updateEvidence': [HR, EDUCATOR],
  'Mutation.deleteEvidence': [HR, EDUCATOR],
  'Mutation.restoreEvidence': [EDUCATOR],
  'Query.evidenceEditPreview': [HR, EDUCATOR],
  'Mutation.setEvidenceVerification': [HR],
  // endorsers (scoped by HR to buildings) endorse evidence there; pending revisions are decided by HR or an endorser
  'Query.endorsementQueue': [ENDORSER],
  'Mutation.decideEndorsement': [ENDORSER],
  'Query.pendingEvidenceRevisions': [HR, ENDORSER],
  'Mutation.decideEvidenceRevision': [HR, ENDORSER],
  // verifiable credentials: educators import their own, HR keeps the registry and issues for the district
  'Mutation.importCredential': [HR, EDUCATOR],
  'Query.trustedIssuers': [HR],
  'Mutation.saveTrustedIssuer': [HR],
  'Mutation.removeTrustedIssuer': [HR],
  'Mutation.linkHolderDid': [HR],
  'Query.districtIssuer': 'signedIn',
  'Mutation.setUpDistrictIssuer': [HR],
  'Mutation.issueCredential': [HR],
  'Mutation.exportClr': [HR, EDUCATOR],
  'Mutation.revokeIssuedCredential': [HR],
  'Query.issuedCredentials': [HR, EDUCATOR],
  'Mutation.recheckCredentialStatus': [HR],
  'Mutation.requestVerification': [EDUCATOR],
  'Mutation.decideVerification': [HR],
  'Query.verificationQueue': [HR],
  'Query.myVerificationRequests': [EDUCATOR],
  'Query.myExplanation': [EDUCATOR],
  // hiring: educators apply and answer, HR runs the process, panelists score the roles they sit on
  'Mutation.applyToRole': [EDUCATOR],
  'Mutation.withdrawApplication': [EDUCATOR],
  'Mutation.acceptInvitation': [EDUCATOR],
  'Mutation.declineInvitation': [EDUCATOR],
  'Mutation.acceptOffer': [EDUCATOR],
  'Mutation.declineOffer': [EDUCATOR],
  'Mutation.inviteCandidate': [HR],
  'Mutation.moveApplication': [HR],
  'Mutation.addPanelist': [HR],
  'Mutation.removePanelist': [HR],
  'Mutation.setBlindReview': [HR],
  'Mutation.makeOffer': [HR],
  'Mutation.declareConflict': [PANELIST],
  'Mutation.savePanelScores': [PANELIST],
  'Mutation.submitPanelScores': [PANELIST],
  'Query.myApplications': [EDUCATOR],
  'Query.myInvitations': [EDUCATOR],
  'Query.myOffers': [EDUCATOR],
  'Query.roleInvitations': [HR],
  'Query.roleOffers': [HR],
  'Query.roleApplications': [HR, PANELIST],
  'Query.rolePanel': [HR, PANELIST],
  'Query.panelScores': [HR, PANELIST],
  'Query.candidateComparison': [HR, PANELIST],
  'Query.candidateComparisonCsv': [HR, PANELIST],
  'Query.myPanels': [PANELIST],
  'Query.application': 'signedIn',
  // matching: rankings are HR's; educators see their own standing; the policy is public to everyone signed in
  'Query.roleRanking': [HR],
  'Query.explainCandidate': [HR, EDUCATOR],
  'Query.myRoleStanding': [EDUCATOR],
  'Query.educatorStanding': [HR, EDUCATOR],
  'Mutation.saveRankingRun': [HR],
  'Query.rankingRun': [HR],
  'Query.rankingRuns': [HR],
  'Query.scoringPolicy': 'signedIn',
  'Query.scoringPolicies': 'signedIn',
  'Mutation.publishScoringPolicy': [HR],
  // hybrid commitments HR records, including those agreed outside Pathways
  'Query.educatorCommitments': [HR],
  'Mutation.recordCommitment': [HR],
  'Mutation.updateCommitment': [HR],
  'Mutation.endCommitment': [HR],
  // capacity reports: HR and district leaders (leaders see small counts hidden)
  'Query.capacityCoverage': [HR, LEADER],
  'Query.capacityHeatMap': [HR, LEADER],
  'Query.capacityGaps': [HR, LEADER],
  'Query.capacityOverextension': [HR, LEADER],
  'Query.capacityPipeline': [HR, LEADER],
  // equity across buildings: named capabilities, their trend, and commitment concentration
  'Query.capabilities': [HR, LEADER],
  'Mutation.createCapability': [HR],
  'Mutation.updateCapability': [HR],
  'Mutation.deleteCapability': [HR],
  'Query.capabilityCoverage': [HR, LEADER],
  'Query.capabilityTrend': [HR, LEADER],
  'Query.commitmentConcentration': [HR, LEADER],
  // the educator's rights: disputes (HR resolves), the personal-data export (own; HR for anyone), erasure (HR)
  'Mutation.fileDispute': [EDUCATOR],
  'Query.myDisputes': [EDUCATOR],
  'Query.dispute': [HR, EDUCATOR],
  'Query.disputes': [HR],
  'Mutation.resolveDispute': [HR],
  'Query.myDataExport': [EDUCATOR],
  'Query.personalDataExport': [HR],
  'Mutation.eraseEducator': [HR],
  // fairness: educators self-identify for themselves only; only compliance runs and reads audits
  'Query.selfIdentificationOptions': 'signedIn',
  'Query.mySelfIdentification': [EDUCATOR],
  'Mutation.setMySelfIdentification': [EDUCATOR],
  'Mutation.withdrawMySelfIdentification': [EDUCATOR],
  'Mutation.runFairnessAudit': [COMPLIANCE],
  'Query.fairnessAudit': [COMPLIANCE],
  'Query.fairnessAudits': [COMPLIANCE],
};

type Caller = 'anonymous' | Persona;
const CALLERS: Caller[] = ['anonymous', HR, PANELIST, EDUCATOR, LEADER, COMPLIANCE, ENDORSER];

function expected(rule: Rule, caller: Caller): 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (rule === 'public') return 'allowed';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (rule === 'signedIn') return 'allowed';
  return rule.includes(caller) ? 'allowed' : 'FORBIDDEN';
}

describe('root field x persona access matrix', () => {
  let t: TestApp;
  const tokens = new Map<Caller, string | undefined>();
  let fields: Array<{ id: string; kind: 'query' | 'mutation'; type: GraphQLObjectType }> = [];

  beforeAll(async () => {
    t = await startTestApp();
    tokens.set('anonymous', undefined);
    for (const p of [HR, PANELIST, EDUCATOR, LEADER, COMPLIANCE, ENDORSER]) tokens.set(p, (await t.signInAs([p])).token);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => ({
        id: `Query.${f}`,
        kind: 'query' as const,
        type: schema.getQueryType()!,
      })),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => ({
        id: `Mutation.${f}`,
        kind: 'mutation' as const,
        type: schema.getMutationType()!,
      })),
    ];
  });
  afterAll(() => t.close());

  it('has a reviewed rule for every root field in the schema, and no stale rules', () => {
    expect(fields.map((f) => f.id).sort()).toEqual(Object.keys(TABLE).sort());
  });

  // Every root field for every persona: a few hundred requests, slow on a loaded machine.
  it('answers every root field for every caller as the table says', async () => {
    const mismatches: string[] = [];
    for (const field of fields) {
      const rule = TABLE[field.id];
      if (!rule) continue;
      const op = dummyOperation(field.kind, field.type.getFields()[field.id.split('.')[1]]);
      // Fresh accounts per field: a field such as signOutEverywhere ends the caller's sessions.
      for (const p of [HR, PANELIST, EDUCATOR, LEADER, COMPLIANCE, ENDORSER]) tokens.set(p, (await t.signInAs([p])).token);
      for (const caller of CALLERS) {
        const res = await t.gql(op, {}, tokens.get(caller));
        const code = codeOf(res);
        const want = expected(rule, caller);
        const got = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? code : 'allowed';
        if (got !== want)
          mismatches.push(`${field.id} as ${caller}: expected ${want}, got ${code ?? 'data'} (${res.errors?.[0]?.message ?? ''})`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
