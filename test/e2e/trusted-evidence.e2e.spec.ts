import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';

const EVIDENCE_FIELDS = `id title verificationStatus verifiedBy version deletedAt restorableUntil
  endorsements { decision reason decidedBy decidedAt }
  pendingRevision { id status changedFields changes { field from to } version }
  claims { competencyId level }`;
const UPDATE = `mutation($i: UpdateEvidenceInput!) { updateEvidence(input: $i) { ${EVIDENCE_FIELDS} } }`;
const PREVIEW = `query($i: UpdateEvidenceInput!) { evidenceEditPreview(input: $i) { changedFields needsReverification currentStatus message } }`;
const DELETE = `mutation($i: DeleteEvidenceInput!) { deleteEvidence(input: $i) }`;
const RESTORE = `mutation($i: RestoreEvidenceInput!) { restoreEvidence(input: $i) { ${EVIDENCE_FIELDS} } }`;
const GET = `query($id: ID!) { evidence(id: $id) { ${EVIDENCE_FIELDS} } }`;
const LIST = `query($e: ID, $a: Boolean) { evidenceItems(educatorId: $e, archived: $a, first: 50) { totalCount nodes { id deletedAt } } }`;
const EXPLAIN = `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { qualified score } }`;
const RANKING = `query($r: ID!) { roleRanking(roleId: $r, first: 50) { nodes { educatorId qualified } } }`;
const COVERAGE = `query($c: [ID!]) { capacityCoverage(competencyIds: $c, minLevel: 3) { total { covered } } }`;
const DECIDE_REVISION = `mutation($i: DecideEvidenceRevisionInput!) { decideEvidenceRevision(input: $i) {
  id status decisionReason decidedBy evidenceStatus version } }`;
const REVISIONS = `{ pendingEvidenceRevisions(first: 20) { totalCount nodes { id evidenceId changedFields } } }`;
const CREATE_ACCOUNT = `mutation($i: CreateAccountInput!) { createAccount(input: $i) { account { id personas endorserBuildingIds version } } }`;
const UPDATE_ACCOUNT = `mutation($i: UpdateAccountInput!) { updateAccount(input: $i) { id personas endorserBuildingIds version } }`;
const QUEUE = `{ endorsementQueue(first: 20) { totalCount nodes { educatorId buildingId verificationRequestId evidence { id title verificationStatus } } } }`;
const ENDORSE = `mutation($i: DecideEndorsementInput!) { decideEndorsement(input: $i) { ${EVIDENCE_FIELDS} } }`;
const REQUEST = `mutation($i: RequestVerificationInput!) { requestVerification(input: $i) { id status } }`;
const MINE = `{ myVerificationRequests { evidenceId status decisionReason decidedBy } }`;

describe('trusted evidence: endorsers scoped to buildings, pending revisions, soft delete', () => {
  let t: TestApp;
  let hr: { token: string };
  let comps: Record<string, string>;
  let north: string;
  let south: string;
  let ana: string;
  let ben: string;
  let anaToken: string;
  let benToken: string;
  let roleId: string;

  beforeAll(async () => {
    t = await startTestApp();
    hr = await t.signInAs([Persona.HR]);
    comps = await competencyIds(t.ds, ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY']);
    north = await insertBuilding(t.ds, 'North High');
    south = await insertBuilding(t.ds, 'South Middle');
    ana = await insertEducator(t.ds, { buildingId: north, name: 'Ana Reyes' });
    ben = await insertEducator(t.ds, { buildingId: south, name: 'Ben Park' });
    anaToken = (await t.signInAs([Persona.EDUCATOR], { educatorId: ana })).token;
    benToken = (await t.signInAs([Persona.EDUCATOR], { educatorId: ben })).token;
    roleId = await insertRole(t.ds, { requirements: [{ competencyId: comps['AI-TOOL-EVAL'], minLevel: 3 }] });
  });
  afterAll(() => t.close());

  const row = async (id: string) =>
    (await t.ds.query('SELECT title, verification_status, version, deleted_at FROM evidence WHERE id = $1', [id]))[0];
  const version = async (id: string) => (await row(id)).version as number;
  const tableCounts = async () =>
    (
      await t.ds.query(`SELECT
    (SELECT count(*) FROM evidence_revision)::int AS revisions, (SELECT count(*) FROM evidence_endorsement)::int AS endorsements,
    (SELECT count(*) FROM endorser_building)::int AS scopes, (SELECT count(*) FROM audit_entry)::int AS audits,
    (SELECT count(*) FROM evidence WHERE deleted_at IS NOT NULL)::int AS archived`)
    )[0];

  describe('pending revisions', () => {
    let item: string;
    beforeAll(async () => {
      item = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'ARTIFACT',
        title: 'Tool rubirc',
        status: 'VERIFIED',
        claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 3 }],
      });
    });

    it('tells the educator before saving what re-verification an edit of verified evidence needs, and writes nothing', async () => {
      const before = await tableCounts();
      const preview = (
        await t.gql(
          PREVIEW,
          {
            i: {
              id: item,
              version: await version(item),
              title: 'Tool rubric',
              claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 4 }],
            },
          },
          anaToken,
        )
      ).data.evidenceEditPreview;
      expect(preview).toMatchObject({ changedFields: ['title', 'claims'], needsReverification: true, currentStatus: 'VERIFIED' });
      expect(preview.message).toMatch(/re-verif/i);
      const selfReported = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'ARTIFACT',
        status: 'SELF_REPORTED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 1 }],
      });
      const plain = (await t.gql(PREVIEW, { i: { id: selfReported, version: 1, title: 'Renamed' } }, anaToken)).data.evidenceEditPreview;
      expect(plain).toMatchObject({ changedFields: ['title'], needsReverification: false, currentStatus: 'SELF_REPORTED' });
      expect(await tableCounts()).toEqual({ ...before });
    });

    it('keeps the verified version counting while the edit waits as a pending revision', async () => {
      expect((await t.gql(EXPLAIN, { r: roleId, e: ana }, hr.token)).data.explainCandidate.qualified).toBe(true);
      const edited = (
        await t.gql(
          UPDATE,
          {
            i: {
              id: item,
              version: await version(item),
              title: 'Tool rubric',
              claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 2 }],
            },
          },
          anaToken,
        )
      ).data.updateEvidence;
      expect(edited).toMatchObject({
        title: 'Tool rubirc',
        verificationStatus: 'VERIFIED',
        claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 3 }],
      });
      expect(edited.pendingRevision).toMatchObject({ status: 'PENDING', changedFields: ['title', 'claims'] });
      expect(edited.pendingRevision.changes).toContainEqual({ field: 'title', from: '"Tool rubirc"', to: '"Tool rubric"' });
      expect(await row(item)).toMatchObject({ title: 'Tool rubirc', verification_status: 'VERIFIED' });
      // Still qualifies on the trusted (verified, level 3) version.
      expect((await t.gql(EXPLAIN, { r: roleId, e: ana }, hr.token)).data.explainCandidate.qualified).toBe(true);
      expect((await t.gql(RANKING, { r: roleId }, hr.token)).data.roleRanking.nodes).toContainEqual({ educatorId: ana, qualified: true });
      expect((await t.gql(REVISIONS, {}, hr.token)).data.pendingEvidenceRevisions.nodes).toEqual([
        { id: edited.pendingRevision.id, evidenceId: item, changedFields: ['title', 'claims'] },
      ]);
    });

    it("refuses a stale edit, deciding one's own revision and a decision without a reason, writing nothing", async () => {
      const before = await tableCounts();
      expect(codeOf(await t.gql(UPDATE, { i: { id: item, version: (await version(item)) - 1, title: 'Other' } }, anaToken))).toBe(
        'CONFLICT',
      );
      const [rev] = await t.ds.query(`SELECT id, version FROM evidence_revision WHERE evidence_id = $1`, [item]);
      expect(
        codeOf(await t.gql(DECIDE_REVISION, { i: { id: rev.id, version: rev.version + 1, decision: 'APPROVED', reason: 'ok' } }, hr.token)),
      ).toBe('CONFLICT');
      expect(
        codeOf(await t.gql(DECIDE_REVISION, { i: { id: rev.id, version: rev.version, decision: 'REJECTED', reason: ' ' } }, hr.token)),
      ).toBe('BAD_USER_INPUT');
      expect(await tableCounts()).toEqual(before);
      // HR staff who are educators themselves cannot decide their own revision.
      const hal = await insertEducator(t.ds, { buildingId: north, name: 'Hal Ortiz' });
      const halItem = await insertEvidence(t.ds, {
        educatorId: hal,
        kind: 'ARTIFACT',
        status: 'VERIFIED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      const halToken = (await t.signInAs([Persona.HR, Persona.EDUCATOR], { educatorId: hal })).token;
      const halRev = (await t.gql(UPDATE, { i: { id: halItem, version: 1, title: 'Mine, renamed' } }, halToken)).data.updateEvidence
        .pendingRevision;
      const beforeOwn = await tableCounts();
      expect(
        codeOf(
          await t.gql(DECIDE_REVISION, { i: { id: halRev.id, version: halRev.version, decision: 'APPROVED', reason: 'mine' } }, halToken),
        ),
      ).toBe('FORBIDDEN');
      expect(await tableCounts()).toEqual(beforeOwn);
      await t.gql(DELETE, { i: { id: halItem, version: await version(halItem) } }, halToken);
      expect((await t.ds.query(`SELECT status FROM evidence_revision WHERE id = $1`, [rev.id]))[0].status).toBe('PENDING');
    });

    it('a rejected revision leaves the trusted version; an approved one replaces the fields at the status HR chooses', async () => {
      let [rev] = await t.ds.query(`SELECT id, version FROM evidence_revision WHERE evidence_id = $1`, [item]);
      const rejected = (
        await t.gql(
          DECIDE_REVISION,
          { i: { id: rev.id, version: rev.version, decision: 'REJECTED', reason: 'Level 2 needs the new rubric first' } },
          hr.token,
        )
      ).data.decideEvidenceRevision;
      expect(rejected).toMatchObject({
        status: 'REJECTED',
        decisionReason: 'Level 2 needs the new rubric first',
        evidenceStatus: 'VERIFIED',
      });
      expect(await row(item)).toMatchObject({ title: 'Tool rubirc', verification_status: 'VERIFIED' });
      expect((await t.gql(GET, { id: item }, anaToken)).data.evidence.pendingRevision).toBeNull();

      await t.gql(
        UPDATE,
        {
          i: {
            id: item,
            version: await version(item),
            title: 'Tool rubric v2',
            claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 4 }],
          },
        },
        anaToken,
      );
      [rev] = await t.ds.query(`SELECT id, version FROM evidence_revision WHERE evidence_id = $1 AND status = 'PENDING'`, [item]);
      const approved = (
        await t.gql(
          DECIDE_REVISION,
          { i: { id: rev.id, version: rev.version, decision: 'APPROVED', reason: 'Seen the new version', status: 'ENDORSED' } },
          hr.token,
        )
      ).data.decideEvidenceRevision;
      expect(approved).toMatchObject({ status: 'APPROVED', evidenceStatus: 'ENDORSED' });
      const now = (await t.gql(GET, { id: item }, anaToken)).data.evidence;
      expect(now).toMatchObject({
        title: 'Tool rubric v2',
        verificationStatus: 'ENDORSED',
        claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 4 }],
        pendingRevision: null,
      });
      const trail = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id IN ($1, $2) ORDER BY id`, [item, rev.id]);
      expect(trail.map((r: { action: string }) => r.action)).toEqual(
        expect.arrayContaining(['EVIDENCE_REVISION_PROPOSED', 'EVIDENCE_REVISION_DECIDED']),
      );
    });

    it('lets exactly one of two concurrent edits from the same version through; the other is CONFLICT', async () => {
      const busy = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'ARTIFACT',
        title: 'Busy',
        status: 'ENDORSED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      const results = await Promise.all(
        ['First', 'Second'].map((title) => t.gql(UPDATE, { i: { id: busy, version: 1, title } }, anaToken)),
      );
      expect(results.map((r) => codeOf(r) ?? 'ok').sort()).toEqual(['CONFLICT', 'ok']);
      const winner = results.find((r) => !r.errors)!.data.updateEvidence.pendingRevision;
      expect(await t.ds.query(`SELECT id, changes->'title'->>'to' AS title FROM evidence_revision WHERE evidence_id = $1`, [busy])).toEqual(
        [{ id: winner.id, title: winner.changes[0].to.replaceAll('"', '') }],
      );
      expect(await version(busy)).toBe(2);
    });

    it('applies edits of self-reported evidence directly, as before', async () => {
      const own = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'ARTIFACT',
        title: 'Draft',
        status: 'SELF_REPORTED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 1 }],
      });
      const edited = (await t.gql(UPDATE, { i: { id: own, version: 1, title: 'Final' } }, anaToken)).data.updateEvidence;
      expect(edited).toMatchObject({ title: 'Final', verificationStatus: 'SELF_REPORTED', pendingRevision: null });
      expect(await t.ds.query(`SELECT 1 FROM evidence_revision WHERE evidence_id = $1`, [own])).toEqual([]);
    });
  });

  describe('soft delete', () => {
    let cert: string;
    beforeAll(async () => {
      cert = await insertEvidence(t.ds, {
        educatorId: ben,
        kind: 'CERTIFICATION',
        title: 'Privacy cert',
        status: 'VERIFIED',
        claims: [{ competencyId: comps['DATA-PRIVACY'], level: 3 }],
      });
    });

    it('archives instead of deleting: the item stops counting in rankings, explanations and reports', async () => {
      const privacyRole = await insertRole(t.ds, { requirements: [{ competencyId: comps['DATA-PRIVACY'], minLevel: 3 }] });
      expect((await t.gql(EXPLAIN, { r: privacyRole, e: ben }, hr.token)).data.explainCandidate.qualified).toBe(true);
      expect((await t.gql(COVERAGE, { c: [comps['DATA-PRIVACY']] }, hr.token)).data.capacityCoverage.total.covered).toBe(1);

      expect((await t.gql(DELETE, { i: { id: cert, version: await version(cert) } }, benToken)).data.deleteEvidence).toBe(cert);
      expect((await row(cert)).deleted_at).not.toBeNull();
      expect(await t.ds.query(`SELECT 1 FROM evidence_claim WHERE evidence_id = $1`, [cert])).toHaveLength(1); // nothing lost
      expect(await t.ds.query(`SELECT 1 FROM evidence_claim_fact WHERE evidence_id = $1`, [cert])).toEqual([]);
      const explained = (await t.gql(EXPLAIN, { r: privacyRole, e: ben }, hr.token)).data.explainCandidate;
      expect(explained).toMatchObject({ qualified: false, score: 0 });
      expect((await t.gql(RANKING, { r: privacyRole }, hr.token)).data.roleRanking.nodes).toContainEqual({
        educatorId: ben,
        qualified: false,
      });
      expect((await t.gql(COVERAGE, { c: [comps['DATA-PRIVACY']] }, hr.token)).data.capacityCoverage.total.covered).toBe(0);
      const [audit] = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY id DESC LIMIT 1`, [cert]);
      expect(audit.action).toBe('EVIDENCE_ARCHIVED');
    });

    it('hides archived items from normal lists; HR lists them with a filter; the owner sees their own', async () => {
      const live = (await t.gql(LIST, { e: ben }, benToken)).data.evidenceItems.nodes.map((n: { id: string }) => n.id);
      expect(live).not.toContain(cert);
      const archived = (await t.gql(LIST, { a: true }, hr.token)).data.evidenceItems.nodes;
      expect(archived.map((n: { id: string }) => n.id)).toContain(cert);
      expect(archived.every((n: { deletedAt: string | null }) => n.deletedAt !== null)).toBe(true);
      expect((await t.gql(LIST, { e: ben, a: true }, hr.token)).data.evidenceItems.nodes.map((n: { id: string }) => n.id)).toEqual([cert]);
      expect((await t.gql(LIST, { e: ben, a: true }, benToken)).data.evidenceItems.nodes.map((n: { id: string }) => n.id)).toEqual([cert]);
      expect((await t.gql(LIST, { e: ben, a: true }, anaToken)).data.evidenceItems.nodes).toEqual([]);
      const got = (await t.gql(GET, { id: cert }, benToken)).data.evidence;
      expect(got.deletedAt).not.toBeNull();
      expect(new Date(got.restorableUntil).getTime() - new Date(got.deletedAt).getTime()).toBe(30 * 86_400_000);
      // Archived evidence cannot be edited or asked about.
      expect(codeOf(await t.gql(UPDATE, { i: { id: cert, version: await version(cert), title: 'x' } }, benToken))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(REQUEST, { i: { evidenceId: cert } }, benToken))).toBe('NOT_FOUND');
    });

    it('the owner restores within 30 days and it counts again; another educator cannot', async () => {
      const before = await tableCounts();
      expect(codeOf(await t.gql(RESTORE, { i: { id: cert, version: await version(cert) } }, anaToken))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(RESTORE, { i: { id: cert, version: (await version(cert)) + 5 } }, benToken))).toBe('CONFLICT');
      expect(await tableCounts()).toEqual(before);
      const restored = (await t.gql(RESTORE, { i: { id: cert, version: await version(cert) } }, benToken)).data.restoreEvidence;
      expect(restored).toMatchObject({ id: cert, deletedAt: null, verificationStatus: 'VERIFIED' });
      expect(await t.ds.query(`SELECT 1 FROM evidence_claim_fact WHERE evidence_id = $1`, [cert])).toHaveLength(1);
      expect((await t.gql(COVERAGE, { c: [comps['DATA-PRIVACY']] }, hr.token)).data.capacityCoverage.total.covered).toBe(1);
      const [audit] = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY id DESC LIMIT 1`, [cert]);
      expect(audit.action).toBe('EVIDENCE_RESTORED');
    });

    it('after 30 days restoring is NOT_FOUND and writes nothing', async () => {
      await t.gql(DELETE, { i: { id: cert, version: await version(cert) } }, benToken);
      await t.ds.query(`UPDATE evidence SET deleted_at = now() - interval '31 days' WHERE id = $1`, [cert]);
      const before = await tableCounts();
      const res = await t.gql(RESTORE, { i: { id: cert, version: await version(cert) } }, benToken);
      expect(codeOf(res)).toBe('NOT_FOUND');
      expect(await tableCounts()).toEqual(before);
      expect((await row(cert)).deleted_at).not.toBeNull();
    });
  });

  describe('endorsers scoped to buildings', () => {
    let endorserToken: string;
    let endorserAccount: string;
    let anaPilot: string;
    let anaRequested: string;
    let benArtifact: string;

    beforeAll(async () => {
      anaPilot = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'PILOT',
        pilotPart: 'LEAD',
        title: 'Feedback pilot',
        status: 'SELF_REPORTED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 3 }],
      });
      anaRequested = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'ARTIFACT',
        title: 'Talk',
        status: 'SELF_REPORTED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      benArtifact = await insertEvidence(t.ds, {
        educatorId: ben,
        kind: 'ARTIFACT',
        title: 'Ben rubric',
        status: 'SELF_REPORTED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      await t.gql(REQUEST, { i: { evidenceId: anaRequested, note: 'Please look' } }, anaToken);
    });

    it('HR grants ENDORSER with buildings; the scope is stored and audited; bad grants write nothing', async () => {
      const before = await tableCounts();
      const noBuildings = await t.gql(
        CREATE_ACCOUNT,
        { i: { email: 'principal-x@test.example', displayName: 'P', personas: ['ENDORSER'] } },
        hr.token,
      );
      expect(codeOf(noBuildings)).toBe('BAD_USER_INPUT');
      const unknown = await t.gql(
        CREATE_ACCOUNT,
        {
          i: {
            email: 'principal-x@test.example',
            displayName: 'P',
            personas: ['ENDORSER'],
            endorserBuildingIds: ['00000000-0000-4000-8000-000000000000'],
          },
        },
        hr.token,
      );
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      expect(await tableCounts()).toEqual(before);

      const created = (
        await t.gql(
          CREATE_ACCOUNT,
          { i: { email: 'principal@test.example', displayName: 'Principal North', personas: ['ENDORSER'], endorserBuildingIds: [north] } },
          hr.token,
        )
      ).data.createAccount.account;
      expect(created).toMatchObject({ personas: ['ENDORSER'], endorserBuildingIds: [north] });
      endorserAccount = created.id;
      expect(await t.ds.query(`SELECT building_id FROM endorser_building WHERE account_id = $1`, [created.id])).toEqual([
        { building_id: north },
      ]);
      const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE target_id = $1 AND action = 'ACCOUNT_CREATED'`, [created.id]);
      expect(audit.changes.after.endorserBuildingIds).toEqual([north]);

      const both = (
        await t.gql(UPDATE_ACCOUNT, { i: { id: created.id, version: created.version, endorserBuildingIds: [north, south] } }, hr.token)
      ).data.updateAccount;
      expect([...both.endorserBuildingIds].sort()).toEqual([north, south].sort());
      const [changed] = await t.ds.query(
        `SELECT changes FROM audit_entry WHERE target_id = $1 AND action = 'ACCOUNT_UPDATED' ORDER BY id DESC LIMIT 1`,
        [created.id],
      );
      expect(changed.changes.before.endorserBuildingIds).toEqual([north]);
      const back = (await t.gql(UPDATE_ACCOUNT, { i: { id: created.id, version: both.version, endorserBuildingIds: [north] } }, hr.token))
        .data.updateAccount;
      expect(back.endorserBuildingIds).toEqual([north]);
      endorserToken = (await t.signInAs([Persona.ENDORSER], { email: 'principal-token@test.example' })).token;
      await t.ds.query(`INSERT INTO endorser_building (account_id, building_id) SELECT id, $2 FROM account WHERE email = $1`, [
        'principal-token@test.example',
        north,
      ]);
    });

    it('shows the endorser a queue of self-reported and requested evidence of educators in their buildings today', async () => {
      const queue = (await t.gql(QUEUE, {}, endorserToken)).data.endorsementQueue;
      const ids = queue.nodes.map((n: { evidence: { id: string } }) => n.evidence.id);
      expect(ids).toEqual(expect.arrayContaining([anaPilot, anaRequested]));
      expect(ids).not.toContain(benArtifact);
      expect(
        queue.nodes.every(
          (n: { buildingId: string; evidence: { verificationStatus: string } }) =>
            n.buildingId === north && n.evidence.verificationStatus === 'SELF_REPORTED',
        ),
      ).toBe(true);
      expect(queue.nodes.find((n: { evidence: { id: string } }) => n.evidence.id === anaRequested).verificationRequestId).not.toBeNull();
      // Ben moves to North today: his evidence joins the queue.
      const [{ version: educatorVersion }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [ben]);
      const moved = await t.gql(
        `mutation($i: MoveEducatorInput!) { moveEducator(input: $i) { id } }`,
        {
          i: { id: ben, version: educatorVersion, buildingId: north, effectiveFrom: new Date().toISOString().slice(0, 10) },
        },
        hr.token,
      );
      expect(moved.errors).toBeUndefined();
      const after = (await t.gql(QUEUE, {}, endorserToken)).data.endorsementQueue.nodes.map(
        (n: { evidence: { id: string } }) => n.evidence.id,
      );
      expect(after).toContain(benArtifact);
      expect(codeOf(await t.gql(QUEUE, {}, anaToken))).toBe('FORBIDDEN');
    });

    it('endorses in scope; who and when shows on the evidence to the owner and HR; a pending request is decided too', async () => {
      const endorsed = (
        await t.gql(
          ENDORSE,
          { i: { evidenceId: anaRequested, version: await version(anaRequested), decision: 'ENDORSED', reason: 'I saw the talk' } },
          endorserToken,
        )
      ).data.decideEndorsement;
      expect(endorsed).toMatchObject({ verificationStatus: 'ENDORSED', verifiedBy: 'principal-token@test.example' });
      for (const token of [anaToken, hr.token]) {
        const seen = (await t.gql(GET, { id: anaRequested }, token)).data.evidence;
        expect(seen.endorsements).toEqual([
          expect.objectContaining({ decision: 'ENDORSED', reason: 'I saw the talk', decidedBy: 'principal-token@test.example' }),
        ]);
        expect(seen.endorsements[0].decidedAt).toBeTruthy();
      }
      expect((await t.gql(MINE, {}, anaToken)).data.myVerificationRequests).toContainEqual({
        evidenceId: anaRequested,
        status: 'ENDORSED',
        decisionReason: 'I saw the talk',
        decidedBy: 'principal-token@test.example',
      });
      const declined = (
        await t.gql(
          ENDORSE,
          { i: { evidenceId: anaPilot, version: await version(anaPilot), decision: 'DECLINED', reason: 'I did not see this pilot run' } },
          endorserToken,
        )
      ).data.decideEndorsement;
      expect(declined.verificationStatus).toBe('SELF_REPORTED');
      expect((await t.gql(GET, { id: anaPilot }, anaToken)).data.evidence.endorsements).toEqual([
        expect.objectContaining({ decision: 'DECLINED', reason: 'I did not see this pilot run' }),
      ]);
      expect(
        codeOf(
          await t.gql(
            ENDORSE,
            { i: { evidenceId: anaPilot, version: await version(anaPilot), decision: 'DECLINED', reason: '  ' } },
            endorserToken,
          ),
        ),
      ).toBe('BAD_USER_INPUT');
      // Ana is told, with the reason.
      const told = await t.ds.query(
        `SELECT subject, body FROM notification WHERE educator_id = $1 AND kind = 'ENDORSEMENT_DECIDED' ORDER BY created_at`,
        [ana],
      );
      expect(told.map((n: { body: string }) => n.body)).toEqual([
        expect.stringContaining('I saw the talk'),
        expect.stringContaining('I did not see this pilot run'),
      ]);
    });

    it("endorsing outside one's buildings or one's own evidence is FORBIDDEN, a stale version CONFLICT; nothing is written", async () => {
      const west = await insertBuilding(t.ds, 'West Elementary');
      const cy = await insertEducator(t.ds, { buildingId: west, name: 'Cy West' });
      const cyItem = await insertEvidence(t.ds, {
        educatorId: cy,
        kind: 'ARTIFACT',
        status: 'SELF_REPORTED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      const endorserEducator = await insertEducator(t.ds, { buildingId: north, name: 'Pat Principal' });
      const ownItem = await insertEvidence(t.ds, {
        educatorId: endorserEducator,
        kind: 'ARTIFACT',
        status: 'SELF_REPORTED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      const patToken = (await t.signInAs([Persona.ENDORSER, Persona.EDUCATOR], { educatorId: endorserEducator, email: 'pat@test.example' }))
        .token;
      await t.ds.query(`INSERT INTO endorser_building (account_id, building_id) SELECT id, $2 FROM account WHERE email = $1`, [
        'pat@test.example',
        north,
      ]);
      const before = await tableCounts();
      expect(
        codeOf(await t.gql(ENDORSE, { i: { evidenceId: cyItem, version: 1, decision: 'ENDORSED', reason: 'x' } }, endorserToken)),
      ).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ENDORSE, { i: { evidenceId: ownItem, version: 1, decision: 'ENDORSED', reason: 'mine' } }, patToken))).toBe(
        'FORBIDDEN',
      );
      expect(
        codeOf(await t.gql(ENDORSE, { i: { evidenceId: benArtifact, version: 99, decision: 'ENDORSED', reason: 'x' } }, endorserToken)),
      ).toBe('CONFLICT');
      expect(
        codeOf(
          await t.gql(
            ENDORSE,
            { i: { evidenceId: '00000000-0000-4000-8000-000000000000', version: 1, decision: 'ENDORSED', reason: 'x' } },
            endorserToken,
          ),
        ),
      ).toBe('NOT_FOUND');
      expect(await tableCounts()).toEqual(before);
      expect((await row(cyItem)).verification_status).toBe('SELF_REPORTED');
      expect((await row(ownItem)).verification_status).toBe('SELF_REPORTED');
      // An endorser's own evidence never appears in their queue.
      const patQueue = (await t.gql(QUEUE, {}, patToken)).data.endorsementQueue.nodes.map(
        (n: { evidence: { id: string } }) => n.evidence.id,
      );
      expect(patQueue).not.toContain(ownItem);
      expect(endorserAccount).toBeTruthy();
    });

    it('an in-scope endorser decides revisions of endorsed evidence, not of verified evidence', async () => {
      const v = await version(anaRequested);
      const res = await t.gql(UPDATE, { i: { id: anaRequested, version: v, title: 'Talk at the district summit' } }, anaToken);
      expect(res.errors).toBeUndefined();
      const edited = res.data.updateEvidence;
      expect(edited).toMatchObject({ title: 'Talk', verificationStatus: 'ENDORSED' });
      const rev = edited.pendingRevision;
      const verifiedElsewhere = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'ARTIFACT',
        title: 'W',
        status: 'VERIFIED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      await t.gql(UPDATE, { i: { id: verifiedElsewhere, version: 1, title: 'W2' } }, anaToken);
      // The endorser's revision queue: endorsed items in their buildings only.
      const theirs = (await t.gql(REVISIONS, {}, endorserToken)).data.pendingEvidenceRevisions.nodes.map(
        (n: { evidenceId: string }) => n.evidenceId,
      );
      expect(theirs).toContain(anaRequested);
      expect(theirs).not.toContain(verifiedElsewhere);
      const approved = (
        await t.gql(
          DECIDE_REVISION,
          { i: { id: rev.id, version: rev.version, decision: 'APPROVED', reason: 'Same talk, better title' } },
          endorserToken,
        )
      ).data.decideEvidenceRevision;
      expect(approved).toMatchObject({ status: 'APPROVED', evidenceStatus: 'ENDORSED', decidedBy: 'principal-token@test.example' });
      expect(await row(anaRequested)).toMatchObject({ title: 'Talk at the district summit', verification_status: 'ENDORSED' });

      const verified = await insertEvidence(t.ds, {
        educatorId: ana,
        kind: 'ARTIFACT',
        title: 'V',
        status: 'VERIFIED',
        claims: [{ competencyId: comps['AI-BIAS'], level: 2 }],
      });
      const vrev = (await t.gql(UPDATE, { i: { id: verified, version: 1, title: 'V2' } }, anaToken)).data.updateEvidence.pendingRevision;
      const before = await tableCounts();
      expect(
        codeOf(
          await t.gql(DECIDE_REVISION, { i: { id: vrev.id, version: vrev.version, decision: 'APPROVED', reason: 'ok' } }, endorserToken),
        ),
      ).toBe('FORBIDDEN');
      expect(await tableCounts()).toEqual(before);
    });
  });
});
