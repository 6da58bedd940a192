import { Persona, type Principal } from '../../src/access/persona.js';
import { BuildingEntity } from '../../src/buildings/building.entity.js';
import { EducatorEntity } from '../../src/educators/educator.entity.js';
import { EvidenceService } from '../../src/evidence/evidence.service.js';
import { insertRole } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const FIELDS = `id educatorId kind title description url startedOn endedOn verificationStatus verifiedBy verifiedAt version expired
  certification { issuer credentialId issuedOn expiresOn }
  pilot { part classrooms teachers students outcomes }
  professionalLearning { sessions attendees }
  presentation { venue }
  course { hours provider }
  claims { level competency { id code name levels { level } } }`;

const CREATE = `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($input: DeleteEvidenceInput!) { deleteEvidence(input: $input) }`;
const VERIFY = `mutation($input: SetEvidenceVerificationInput!) { setEvidenceVerification(input: $input) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { evidence(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $educatorId: ID, $kind: EvidenceKind, $status: VerificationStatus) {
  evidenceItems(first: $first, after: $after, educatorId: $educatorId, kind: $kind, status: $status) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id educatorId kind verificationStatus claims { level competency { code } } } } }`;

describe('evidence over HTTP', () => {
  let t: TestApp;
  let hr: { token: string; email: string };
  let alice: { token: string; educatorId: string };
  let bob: { token: string; educatorId: string };
  let panelist: string;
  /** District AI-readiness competencies by code (levels 1-4). */
  let comp: Record<string, string>;

  const counts = async () => {
    const [row] = await t.ds.query(
      'SELECT (SELECT count(*)::int FROM evidence WHERE deleted_at IS NULL) AS evidence, (SELECT count(*)::int FROM evidence_claim) AS claims',
    );
    return row as { evidence: number; claims: number };
  };
  const rowOf = async (id: string) => (await t.ds.query('SELECT * FROM evidence WHERE id = $1', [id]))[0];
  const claimRowsOf = async (id: string) =>
    t.ds.query('SELECT competency_id, level FROM evidence_claim WHERE evidence_id = $1 ORDER BY competency_id', [id]);
  const auditOf = async (id: string) =>
    t.ds.query('SELECT action, actor_email, persona, changes FROM audit_entry WHERE target_id = $1 ORDER BY id', [id]);

  const claim = (code: string, level = 2) => ({ competencyId: comp[code], level });
  const artifact = (extra: Record<string, unknown> = {}) => ({
    kind: 'ARTIFACT',
    title: 'Redesigned essay rubric',
    claims: [claim('ASSESS-REDESIGN')],
    ...extra,
  });
  const create = async (token: string, input: Record<string, unknown>) => {
    const res = await t.gql(CREATE, { input }, token);
    expect(res.errors).toBeUndefined();
    return res.data.createEvidence;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const building = await t.ds.getRepository(BuildingEntity).save({ code: 'EVID-HS', name: 'Evidence High', level: 'HIGH' });
    const educator = (name: string) =>
      t.ds.getRepository(EducatorEntity).save({
        fullName: name,
        workEmail: `${name.toLowerCase()}@district.example`,
        buildingId: building.id,
        currentAssignment: 'Grade 9 science',
        hireDate: '2015-08-20',
      });
    const [a, b] = [await educator('Alice'), await educator('Bob')];
    const hrAccount = await t.signInAs([Persona.HR]);
    hr = { token: hrAccount.token, email: hrAccount.account.email };
    alice = { token: (await t.signInAs([Persona.EDUCATOR], { educatorId: a.id })).token, educatorId: a.id };
    bob = { token: (await t.signInAs([Persona.EDUCATOR], { educatorId: b.id })).token, educatorId: b.id };
    panelist = (await t.signInAs([Persona.PANELIST])).token;
    const rows: Array<{ id: string; code: string }> = await t.ds.query(
      `SELECT c.id, c.code FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE f.code = 'DISTRICT-AI-READINESS'`,
    );
    comp = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    expect(Object.keys(comp).length).toBe(10);
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('lets an educator add one item of every kind, each self-reported with only its own details', async () => {
      const inputs = [
        {
          kind: 'CERTIFICATION',
          title: 'AI educator certificate',
          certification: { issuer: 'ISTE', credentialId: 'ISTE-42', issuedOn: '2024-05-01', expiresOn: '2027-05-01' },
          claims: [claim('AI-TOOL-EVAL', 3)],
        },
        {
          kind: 'PILOT',
          title: 'AI feedback pilot',
          startedOn: '2024-09-01',
          endedOn: '2025-01-31',
          pilot: { part: 'LEAD', classrooms: 4, teachers: 4, students: 96, outcomes: 'Feedback turnaround halved' },
          claims: [claim('PILOT-LEAD', 3), claim('AI-FEEDBACK', 3)],
        },
        {
          kind: 'PROFESSIONAL_LEARNING',
          title: 'Colleague training on AI-supported feedback',
          professionalLearning: { sessions: 3, attendees: 40 },
          claims: [claim('PL-DESIGN', 3)],
        },
        {
          kind: 'PRESENTATION',
          title: 'Assessment redesign for AI',
          presentation: { venue: 'ISTELive 25' },
          url: 'https://example.org/talk',
          claims: [claim('ASSESS-REDESIGN', 2)],
        },
        {
          kind: 'ARTIFACT',
          title: 'Redesigned essay rubric',
          description: 'Rubric resistant to AI shortcuts',
          claims: [claim('ASSESS-REDESIGN', 2)],
        },
        {
          kind: 'COURSE',
          title: 'Student data privacy workshop',
          course: { hours: 12.5, provider: 'State DOE' },
          claims: [claim('DATA-PRIVACY', 1)],
        },
      ];
      const before = await counts();
      const created = [];
      for (const input of inputs) created.push(await create(alice.token, input));

      expect(created.map((e) => e.kind)).toEqual(inputs.map((i) => i.kind));
      for (const e of created) {
        expect(e).toMatchObject({
          educatorId: alice.educatorId,
          verificationStatus: 'SELF_REPORTED',
          verifiedBy: null,
          verifiedAt: null,
          version: 1,
          expired: false,
        });
        const present = ['certification', 'pilot', 'professionalLearning', 'presentation', 'course'].filter((k) => e[k] !== null);
        expect(present).toEqual(
          {
            CERTIFICATION: ['certification'],
            PILOT: ['pilot'],
            PROFESSIONAL_LEARNING: ['professionalLearning'],
            PRESENTATION: ['presentation'],
            ARTIFACT: [],
            COURSE: ['course'],
          }[e.kind as string],
        );
      }
      expect(created[0].certification).toEqual({
        issuer: 'ISTE',
        credentialId: 'ISTE-42',
        issuedOn: '2024-05-01',
        expiresOn: '2027-05-01',
      });
      expect(created[1].pilot).toEqual({ part: 'LEAD', classrooms: 4, teachers: 4, students: 96, outcomes: 'Feedback turnaround halved' });
      expect(created[1].claims.map((c: { competency: { code: string } }) => c.competency.code).sort()).toEqual([
        'AI-FEEDBACK',
        'PILOT-LEAD',
      ]);
      expect(created[1].claims[0].competency.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4]);
      expect(created[2].professionalLearning).toEqual({ sessions: 3, attendees: 40 });
      expect(created[5].course).toEqual({ hours: 12.5, provider: 'State DOE' });

      expect(await counts()).toEqual({ evidence: before.evidence + 6, claims: before.claims + 7 });
      const stored = await rowOf(created[1].id);
      expect(stored).toMatchObject({
        educator_id: alice.educatorId,
        kind: 'PILOT',
        pilot_part: 'LEAD',
        students: 96,
        verification_status: 'SELF_REPORTED',
        issuer: null,
        hours: null,
      });
      expect((await rowOf(created[5].id)).hours).toBe('12.5');
      expect((await auditOf(created[0].id)).map((r: { action: string }) => r.action)).toEqual(['EVIDENCE_CREATED']);
    });

    it('marks a certification past its expiry date as expired', async () => {
      const e = await create(alice.token, {
        kind: 'CERTIFICATION',
        title: 'Old cert',
        certification: { issuer: 'Vendor', issuedOn: '2019-01-01', expiresOn: '2021-01-01' },
        claims: [claim('AI-TOOL-EVAL', 1)],
      });
      expect(e.expired).toBe(true);
    });

    it('refuses a pilot without a part and a certification without an issuer, and writes nothing', async () => {
      const before = await counts();
      const pilot = await t.gql(
        CREATE,
        { input: { kind: 'PILOT', title: 'Pilot', pilot: { classrooms: 2 }, claims: [claim('PILOT-LEAD')] } },
        alice.token,
      );
      expect(codeOf(pilot)).toBe('BAD_USER_INPUT');
      expect(pilot.errors![0].message).toMatch(/pilot needs the educator's part .*LEAD, CO_LEAD or MEMBER/);
      const noDetails = await t.gql(CREATE, { input: { kind: 'PILOT', title: 'Pilot', claims: [claim('PILOT-LEAD')] } }, alice.token);
      expect(codeOf(noDetails)).toBe('BAD_USER_INPUT');

      const cert = await t.gql(
        CREATE,
        { input: { kind: 'CERTIFICATION', title: 'Cert', certification: { issuedOn: '2024-01-01' }, claims: [claim('AI-BIAS')] } },
        alice.token,
      );
      expect(codeOf(cert)).toBe('BAD_USER_INPUT');
      expect(cert.errors![0].message).toMatch(/certification needs its issuer/);
      expect(await counts()).toEqual(before);
    });

    it('refuses the other per-kind and shared rules with BAD_USER_INPUT and writes nothing', async () => {
      const before = await counts();
      const refused = [
        { kind: 'PROFESSIONAL_LEARNING', title: 'PL', professionalLearning: { sessions: 2 }, claims: [claim('PL-DESIGN')] },
        { kind: 'COURSE', title: 'Course', course: { hours: 0 }, claims: [claim('AI-BIAS')] },
        { kind: 'COURSE', title: 'Course', course: { hours: 2001 }, claims: [claim('AI-BIAS')] },
        { kind: 'COURSE', title: 'Course', claims: [claim('AI-BIAS')] },
        { kind: 'COURSE', title: 'Course', course: { hours: 3 }, pilot: { part: 'LEAD' }, claims: [claim('AI-BIAS')] },
        { kind: 'PRESENTATION', title: 'Talk', claims: [claim('AI-BIAS')] },
        {
          kind: 'CERTIFICATION',
          title: 'Cert',
          certification: { issuer: 'X', issuedOn: '2024-05-01', expiresOn: '2024-04-01' },
          claims: [claim('AI-BIAS')],
        },
        artifact({ startedOn: '2024-05-01', endedOn: '2024-04-01' }),
        artifact({ url: 'javascript:alert(1)' }),
        artifact({ url: `https://example.org/${'a'.repeat(2001)}` }),
        artifact({ title: 'x'.repeat(1_000_000) }),
        artifact({ startedOn: '2024-02-30' }),
        artifact({ claims: [] }),
        artifact({ claims: [claim('AI-BIAS', 1), claim('AI-BIAS', 2)] }),
      ];
      for (const input of refused) {
        const res = await t.gql(CREATE, { input }, alice.token);
        expect([input.kind, codeOf(res)]).toEqual([input.kind, 'BAD_USER_INPUT']);
        expect(JSON.stringify(res.errors)).not.toMatch(/stack|SELECT|INSERT|constraint/i);
      }
      expect(await counts()).toEqual(before);
    });

    it("refuses a claim level outside the competency's levels and names the allowed ones", async () => {
      const before = await counts();
      const res = await t.gql(CREATE, { input: artifact({ claims: [claim('AI-FEEDBACK', 1), claim('AI-BIAS', 5)] }) }, alice.token);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/Level 5 is not a level of competency AI-BIAS .*its levels are 1, 2, 3, 4/);
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown competency with NOT_FOUND and a retired one with BAD_USER_INPUT', async () => {
      const before = await counts();
      const unknown = await t.gql(
        CREATE,
        { input: artifact({ claims: [{ competencyId: '00000000-0000-4000-8000-000000000000', level: 1 }] }) },
        alice.token,
      );
      expect(codeOf(unknown)).toBe('NOT_FOUND');

      const [fw] = await t.ds.query(`SELECT id FROM competency_framework WHERE code = 'DISTRICT-AI-READINESS'`);
      const made = await t.gql(
        `mutation($input: CreateCompetencyInput!) { createCompetency(input: $input) { id version } }`,
        { input: { frameworkId: fw.id, code: 'EVID-OLD', name: 'Soon retired', dimension: 'X', levels: [{ level: 1, label: 'a' }] } },
        hr.token,
      );
      await t.gql(
        `mutation($input: RetireCompetencyInput!) { retireCompetency(input: $input) { id } }`,
        { input: made.data.createCompetency },
        hr.token,
      );
      const retired = await t.gql(
        CREATE,
        { input: artifact({ claims: [{ competencyId: made.data.createCompetency.id, level: 1 }] }) },
        alice.token,
      );
      expect(codeOf(retired)).toBe('BAD_USER_INPUT');
      expect(retired.errors![0].message).toMatch(/retired/);
      expect(await counts()).toEqual(before);
    });

    it('lets HR add evidence for a named educator, and needs the name', async () => {
      const e = await create(hr.token, artifact({ educatorId: bob.educatorId }));
      expect(e).toMatchObject({ educatorId: bob.educatorId, verificationStatus: 'SELF_REPORTED' });
      expect(codeOf(await t.gql(CREATE, { input: artifact() }, hr.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(CREATE, { input: artifact({ educatorId: '00000000-0000-4000-8000-000000000000' }) }, hr.token))).toBe(
        'NOT_FOUND',
      );
    });

    it("never lets an educator add to another educator's portfolio, and refuses panelists and anonymous callers", async () => {
      const before = await counts();
      expect(codeOf(await t.gql(CREATE, { input: artifact({ educatorId: bob.educatorId }) }, alice.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(CREATE, { input: artifact() }, panelist))).toBe('FORBIDDEN');
      const unlinked = (await t.signInAs([Persona.EDUCATOR])).token;
      expect(codeOf(await t.gql(CREATE, { input: artifact() }, unlinked))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(CREATE, { input: artifact() }))).toBe('UNAUTHENTICATED');
      expect(await counts()).toEqual(before);
    });
  });

  describe('verification', () => {
    it('lets only HR verify, endorse and unverify, recording who and when, with audit entries', async () => {
      const e = await create(alice.token, artifact());
      const denied = await t.gql(VERIFY, { input: { id: e.id, version: e.version, status: 'VERIFIED' } }, alice.token);
      expect(codeOf(denied)).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(VERIFY, { input: { id: e.id, version: e.version, status: 'VERIFIED' } }, panelist))).toBe('FORBIDDEN');
      expect((await rowOf(e.id)).verification_status).toBe('SELF_REPORTED');

      const verified = await t.gql(
        VERIFY,
        { input: { id: e.id, version: e.version, status: 'VERIFIED', note: 'Checked the rubric' } },
        hr.token,
      );
      expect(verified.errors).toBeUndefined();
      expect(verified.data.setEvidenceVerification).toMatchObject({
        verificationStatus: 'VERIFIED',
        verifiedBy: hr.email,
        version: e.version + 1,
      });
      const row = await rowOf(e.id);
      expect(row).toMatchObject({ verification_status: 'VERIFIED', verified_by: hr.email });
      expect(Date.now() - new Date(row.verified_at).getTime()).toBeLessThan(60_000);

      const endorsed = await t.gql(VERIFY, { input: { id: e.id, version: e.version + 1, status: 'ENDORSED' } }, hr.token);
      expect(endorsed.data.setEvidenceVerification.verificationStatus).toBe('ENDORSED');
      const back = await t.gql(
        VERIFY,
        { input: { id: e.id, version: e.version + 2, status: 'SELF_REPORTED', note: 'Link is dead' } },
        hr.token,
      );
      expect(back.data.setEvidenceVerification).toMatchObject({ verificationStatus: 'SELF_REPORTED', verifiedBy: null, verifiedAt: null });
      expect(await rowOf(e.id)).toMatchObject({ verification_status: 'SELF_REPORTED', verified_by: null, verified_at: null });

      const audit = (await auditOf(e.id)).slice(1);
      expect(audit).toEqual([
        {
          action: 'EVIDENCE_VERIFIED',
          actor_email: hr.email,
          persona: 'HR',
          changes: { from: 'SELF_REPORTED', to: 'VERIFIED', note: 'Checked the rubric' },
        },
        { action: 'EVIDENCE_ENDORSED', actor_email: hr.email, persona: 'HR', changes: { from: 'VERIFIED', to: 'ENDORSED', note: null } },
        {
          action: 'EVIDENCE_UNVERIFIED',
          actor_email: hr.email,
          persona: 'HR',
          changes: { from: 'ENDORSED', to: 'SELF_REPORTED', note: 'Link is dead' },
        },
      ]);
    });

    it("keeps a verified item verified when its owner edits it (the edit waits as a pending revision), and applies HR's edit", async () => {
      const e = await create(alice.token, { kind: 'COURSE', title: 'Bias workshop', course: { hours: 6 }, claims: [claim('AI-BIAS', 1)] });
      const v = (await t.gql(VERIFY, { input: { id: e.id, version: 1, status: 'VERIFIED' } }, hr.token)).data.setEvidenceVerification;

      const byHr = await t.gql(
        UPDATE,
        { input: { id: e.id, version: v.version, description: 'Certificate of attendance on file' } },
        hr.token,
      );
      expect(byHr.data.updateEvidence).toMatchObject({ verificationStatus: 'VERIFIED', verifiedBy: hr.email, version: v.version + 1 });

      const byOwner = await t.gql(UPDATE, { input: { id: e.id, version: v.version + 1, course: { hours: 60 } } }, alice.token);
      expect(byOwner.errors).toBeUndefined();
      expect(byOwner.data.updateEvidence).toMatchObject({
        verificationStatus: 'VERIFIED',
        verifiedBy: hr.email,
        course: { hours: 6, provider: null },
        version: v.version + 2,
      });
      expect(await rowOf(e.id)).toMatchObject({ verification_status: 'VERIFIED', verified_by: hr.email, hours: '6.0' });
      const [revision] = await t.ds.query(`SELECT status, changed_fields, changes FROM evidence_revision WHERE evidence_id = $1`, [e.id]);
      expect(revision).toEqual({ status: 'PENDING', changed_fields: ['hours'], changes: { hours: { from: 6, to: 60 } } });
      const actions = (await auditOf(e.id)).map((r: { action: string }) => r.action);
      expect(actions).toEqual(['EVIDENCE_CREATED', 'EVIDENCE_VERIFIED', 'EVIDENCE_UPDATED']);
    });

    it("refuses an HR account verifying its own evidence, and holds that account's edit of it for review", async () => {
      const [{ building_id }] = await t.ds.query('SELECT building_id FROM educator WHERE id = $1', [bob.educatorId]);
      const carol = await t.ds.getRepository(EducatorEntity).save({
        fullName: 'Carol',
        workEmail: 'carol@district.example',
        buildingId: building_id,
        currentAssignment: 'HR generalist',
        hireDate: '2018-01-08',
      });
      const hrEducator = await t.signInAs([Persona.HR, Persona.EDUCATOR], { educatorId: carol.id });
      const e = await create(hrEducator.token, artifact());
      expect(e.educatorId).toBe(carol.id);
      const self = await t.gql(VERIFY, { input: { id: e.id, version: 1, status: 'VERIFIED' } }, hrEducator.token);
      expect(codeOf(self)).toBe('FORBIDDEN');
      expect((await rowOf(e.id)).verification_status).toBe('SELF_REPORTED');

      await t.gql(VERIFY, { input: { id: e.id, version: 1, status: 'VERIFIED' } }, hr.token);
      const edited = await t.gql(UPDATE, { input: { id: e.id, version: 2, title: 'Retitled by its owner' } }, hrEducator.token);
      expect(edited.data.updateEvidence.verificationStatus).toBe('VERIFIED');
      expect((await rowOf(e.id)).title).not.toBe('Retitled by its owner');
      expect(await t.ds.query(`SELECT status FROM evidence_revision WHERE evidence_id = $1`, [e.id])).toEqual([{ status: 'PENDING' }]);
    });

    it('refuses setting the status an item already has', async () => {
      const e = await create(alice.token, artifact());
      expect(codeOf(await t.gql(VERIFY, { input: { id: e.id, version: 1, status: 'SELF_REPORTED' } }, hr.token))).toBe('BAD_USER_INPUT');
    });
  });

  describe('editing and deleting', () => {
    it('keeps what an update leaves out, replaces claims when given, and re-checks the kind rules', async () => {
      const e = await create(alice.token, {
        kind: 'PILOT',
        title: 'Chatbot pilot',
        pilot: { part: 'MEMBER', students: 50 },
        claims: [claim('PILOT-LEAD', 1)],
      });
      const res = await t.gql(
        UPDATE,
        { input: { id: e.id, version: 1, pilot: { part: 'CO_LEAD' }, claims: [claim('PILOT-LEAD', 2), claim('ACADEMIC-INTEGRITY', 1)] } },
        alice.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.updateEvidence.pilot).toMatchObject({ part: 'CO_LEAD', students: 50 });
      expect(res.data.updateEvidence.title).toBe('Chatbot pilot');
      expect(await claimRowsOf(e.id)).toHaveLength(2);

      const before = { row: await rowOf(e.id), claims: await claimRowsOf(e.id) };
      const refused = [
        { id: e.id, version: 2, pilot: { part: null } },
        { id: e.id, version: 2, course: { hours: 3 } },
        { id: e.id, version: 2, title: null },
        { id: e.id, version: 2, claims: [claim('AI-BIAS', 9)] },
        { id: e.id, version: 2, endedOn: '1999-01-01', startedOn: '2000-01-01' },
      ];
      for (const input of refused) expect(codeOf(await t.gql(UPDATE, { input }, alice.token))).toBe('BAD_USER_INPUT');
      // The kind is fixed at creation: the update input has no kind field.
      const kindChange = await t.gql(
        `mutation { updateEvidence(input: { id: "${e.id}", version: 2, kind: COURSE }) { id } }`,
        {},
        alice.token,
      );
      expect(codeOf(kindChange)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect({ row: await rowOf(e.id), claims: await claimRowsOf(e.id) }).toEqual(before);
    });

    it('answers a stale version with CONFLICT and changes nothing', async () => {
      const e = await create(alice.token, artifact());
      await t.gql(UPDATE, { input: { id: e.id, version: 1, title: 'Second title' } }, alice.token);
      const before = { row: await rowOf(e.id), claims: await claimRowsOf(e.id), audit: await auditOf(e.id) };

      const stale = [
        await t.gql(UPDATE, { input: { id: e.id, version: 1, title: 'Lost update', claims: [claim('AI-BIAS', 4)] } }, alice.token),
        await t.gql(DELETE, { input: { id: e.id, version: 1 } }, alice.token),
        await t.gql(VERIFY, { input: { id: e.id, version: 1, status: 'VERIFIED' } }, hr.token),
      ];
      for (const res of stale) expect(codeOf(res)).toBe('CONFLICT');
      expect({ row: await rowOf(e.id), claims: await claimRowsOf(e.id), audit: await auditOf(e.id) }).toEqual(before);
      expect(before.row).toMatchObject({ title: 'Second title', version: 2 });
    });

    it('lets the owner delete (archive) an item: row and claims are kept, its facts go, audited', async () => {
      const e = await create(alice.token, artifact());
      const res = await t.gql(DELETE, { input: { id: e.id, version: 1 } }, alice.token);
      expect(res.data.deleteEvidence).toBe(e.id);
      expect((await rowOf(e.id)).deleted_at).not.toBeNull();
      expect(await claimRowsOf(e.id)).toHaveLength(1);
      expect(await t.ds.query('SELECT 1 FROM evidence_claim_fact WHERE evidence_id = $1', [e.id])).toEqual([]);
      expect((await auditOf(e.id)).map((r: { action: string }) => r.action)).toEqual(['EVIDENCE_CREATED', 'EVIDENCE_ARCHIVED']);
      expect(codeOf(await t.gql(DELETE, { input: { id: e.id, version: 2 } }, alice.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(ONE, { id: e.id }, bob.token))).toBe('NOT_FOUND');
    });

    it('answers unknown ids with NOT_FOUND and malformed ones with BAD_USER_INPUT', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect(codeOf(await t.gql(ONE, { id: unknown }, hr.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(UPDATE, { input: { id: unknown, version: 1, title: 'x' } }, hr.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(DELETE, { input: { id: unknown, version: 1 } }, hr.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(VERIFY, { input: { id: unknown, version: 1, status: 'VERIFIED' } }, hr.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(ONE, { id: 'not-a-uuid' }, hr.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(LIST, { educatorId: 'nope' }, hr.token))).toBe('BAD_USER_INPUT');
    });
  });

  describe("privacy of another educator's evidence", () => {
    let bobsItem: { id: string; version: number };

    beforeAll(async () => {
      bobsItem = await create(bob.token, {
        kind: 'CERTIFICATION',
        title: "Bob's certificate",
        certification: { issuer: 'ISTE', issuedOn: '2023-01-01' },
        claims: [claim('AI-BIAS', 2)],
      });
    });

    it('answers every read route with NOT_FOUND or nothing', async () => {
      expect(codeOf(await t.gql(ONE, { id: bobsItem.id }, alice.token))).toBe('NOT_FOUND');
      const filtered = await t.gql(LIST, { educatorId: bob.educatorId }, alice.token);
      expect(filtered.data.evidenceItems).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
      const own = await t.gql(LIST, { first: 100 }, alice.token);
      expect(own.data.evidenceItems.totalCount).toBeGreaterThan(0);
      expect(own.data.evidenceItems.nodes.every((n: { educatorId: string }) => n.educatorId === alice.educatorId)).toBe(true);

      // A panelist on no panel sees nobody's evidence.
      expect(codeOf(await t.gql(ONE, { id: bobsItem.id }, panelist))).toBe('NOT_FOUND');
      expect((await t.gql(LIST, { educatorId: bob.educatorId }, panelist)).data.evidenceItems.nodes).toEqual([]);
      expect((await t.gql(LIST, {}, panelist)).data.evidenceItems.nodes).toEqual([]);
    });

    it('shows the owner and HR the evidence', async () => {
      expect((await t.gql(ONE, { id: bobsItem.id }, bob.token)).data.evidence.title).toBe("Bob's certificate");
      expect((await t.gql(ONE, { id: bobsItem.id }, hr.token)).data.evidence.certification.issuer).toBe('ISTE');
    });

    // Needs the educator(id) query of the educators module.
    it('answers educator(id){evidence} with the evidence for the owner and HR, and NOT_FOUND or nothing for another educator', async () => {
      const viaEducator = await t.gql(`query($id: ID!) { educator(id: $id) { id evidence { id } } }`, { id: bob.educatorId }, alice.token);
      if (viaEducator.errors) expect(codeOf(viaEducator)).toBe('NOT_FOUND');
      else expect(viaEducator.data.educator.evidence).toEqual([]);
      const q = `query($id: ID!) { educator(id: $id) { evidence { id claims { competency { code } } } } }`;
      const forHr = await t.gql(q, { id: bob.educatorId }, hr.token);
      expect(forHr.errors).toBeUndefined();
      expect(forHr.data.educator.evidence.map((e: { id: string }) => e.id)).toContain(bobsItem.id);
      const forBob = await t.gql(q, { id: bob.educatorId }, bob.token);
      expect(forBob.data.educator.evidence.map((e: { id: string }) => e.id)).toContain(bobsItem.id);
    });

    it('gives the Educator.evidence batch only the educators the viewer may see, and nothing to an anonymous viewer', async () => {
      const reads = t.app.get(EvidenceService);
      const principal = (educatorId: string): Principal => ({
        accountId: 'x',
        email: 'x@test.example',
        personas: new Set([Persona.EDUCATOR]),
        educatorId,
      });
      const batch = await reads.forEducators(principal(alice.educatorId), [alice.educatorId, bob.educatorId]);
      expect(batch.length).toBeGreaterThan(0);
      expect(new Set(batch.map((e) => e.educatorId))).toEqual(new Set([alice.educatorId]));
      expect(await reads.forEducators(null, [alice.educatorId, bob.educatorId])).toEqual([]);
    });

    it("logs a panelist's read of a candidate's evidence while they sit on the panel of a role Bob applied to", async () => {
      const seat = await t.signInAs([Persona.PANELIST]);
      const roleId = await insertRole(t.ds, { requirements: [] });
      await t.ds.query(`INSERT INTO application (role_id, educator_id, version) VALUES ($1, $2, 1)`, [roleId, bob.educatorId]);
      await t.ds.query(`INSERT INTO panel_member (role_id, account_id) VALUES ($1, $2)`, [roleId, seat.account.id]);
      const read = await t.gql(ONE, { id: bobsItem.id }, seat.token);
      expect(read.data.evidence.id).toBe(bobsItem.id);
      const listed = await t.gql(LIST, { educatorId: bob.educatorId }, seat.token);
      expect(listed.data.evidenceItems.nodes.map((n: { id: string }) => n.id)).toContain(bobsItem.id);
      const rows = await t.ds.query(
        `SELECT persona, changes FROM audit_entry WHERE action = 'CANDIDATE_EVIDENCE_READ' AND target_id = $1 ORDER BY id`,
        [bob.educatorId],
      );
      expect(rows).toEqual([
        { persona: 'PANELIST', changes: { via: 'evidence' } },
        { persona: 'PANELIST', changes: { via: 'evidenceItems' } },
      ]);
      // Off the panel, Bob's evidence is out of reach again.
      await t.ds.query(`DELETE FROM panel_member WHERE role_id = $1 AND account_id = $2`, [roleId, seat.account.id]);
      expect(codeOf(await t.gql(ONE, { id: bobsItem.id }, seat.token))).toBe('NOT_FOUND');
    });

    it('answers writes to it with NOT_FOUND and changes nothing', async () => {
      const before = { row: await rowOf(bobsItem.id), claims: await claimRowsOf(bobsItem.id) };
      expect(codeOf(await t.gql(UPDATE, { input: { id: bobsItem.id, version: 1, title: 'Hijacked' } }, alice.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(UPDATE, { input: { id: bobsItem.id, version: 99, title: 'Probe' } }, alice.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(DELETE, { input: { id: bobsItem.id, version: 1 } }, alice.token))).toBe('NOT_FOUND');
      expect({ row: await rowOf(bobsItem.id), claims: await claimRowsOf(bobsItem.id) }).toEqual(before);
    });
  });

  describe('listing', () => {
    it('lets HR list everyone, filter by educator, kind and status, and page with a hard cap', async () => {
      const all = await t.gql(LIST, { first: 100 }, hr.token);
      const owners = new Set(all.data.evidenceItems.nodes.map((n: { educatorId: string }) => n.educatorId));
      expect(owners.has(alice.educatorId) && owners.has(bob.educatorId)).toBe(true);
      expect(all.data.evidenceItems.totalCount).toBe((await counts()).evidence);

      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM evidence WHERE educator_id = $1 AND kind = 'CERTIFICATION'`, [
        alice.educatorId,
      ]);
      const certs = await t.gql(LIST, { educatorId: alice.educatorId, kind: 'CERTIFICATION' }, hr.token);
      expect(certs.data.evidenceItems.totalCount).toBe(n);
      expect(certs.data.evidenceItems.nodes.every((x: { kind: string }) => x.kind === 'CERTIFICATION')).toBe(true);
      const selfReported = await t.gql(LIST, { status: 'VERIFIED' }, hr.token);
      expect(selfReported.data.evidenceItems.nodes.every((x: { verificationStatus: string }) => x.verificationStatus === 'VERIFIED')).toBe(
        true,
      );

      const first = await t.gql(LIST, { first: 2 }, hr.token);
      const second = await t.gql(LIST, { first: 2, after: first.data.evidenceItems.pageInfo.endCursor }, hr.token);
      expect(first.data.evidenceItems.pageInfo.hasNextPage).toBe(true);
      const ids = [...first.data.evidenceItems.nodes, ...second.data.evidenceItems.nodes].map((x: { id: string }) => x.id);
      expect(new Set(ids).size).toBe(4);
      expect(codeOf(await t.gql(LIST, { first: 101 }, hr.token))).toBe('BAD_USER_INPUT');
    });

    it('loads claims and competencies in batches, so a bigger page costs no more queries', async () => {
      const countQueries = async (first: number) => {
        const original = t.ds.logger;
        let n = 0;
        const counting = {
          logQuery: () => void n++,
          logQueryError: () => undefined,
          logQuerySlow: () => undefined,
          logSchemaBuild: () => undefined,
          logMigration: () => undefined,
          log: () => undefined,
        };
        Object.assign(t.ds, { logger: counting });
        try {
          const res = await t.gql(LIST, { first }, hr.token);
          expect(res.data.evidenceItems.nodes).toHaveLength(first);
        } finally {
          Object.assign(t.ds, { logger: original });
        }
        return n;
      };
      const small = await countQueries(2);
      expect(small).toBeGreaterThan(0);
      expect(await countQueries(10)).toBe(small);
    });
  });
});
