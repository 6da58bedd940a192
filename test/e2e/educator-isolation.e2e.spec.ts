import { Persona } from '../../src/access/persona.js';
import { BuildingEntity } from '../../src/buildings/building.entity.js';
import { EducatorEntity } from '../../src/educators/educator.entity.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

/**
 * Issue 3's check, in one place: signed in as an educator, every route to another educator's evidence
 * (direct, through a role's candidates, through an application, through lists) returns nothing or NOT_FOUND.
 */
describe("an educator never reaches another educator's evidence", () => {
  let t: TestApp;
  let hr: string;
  let alice: { token: string; educatorId: string };
  let bob: { token: string; educatorId: string };
  let bobEvidenceId: string;
  let bobEvidenceVersion: number;
  let roleId: string;
  let bobApplicationId: string;
  let runId: string;

  const ok = <T = any>(res: GqlResponse<T>): T => {
    expect(res.errors).toBeUndefined();
    return res.data as T;
  };

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    const building = await t.ds.getRepository(BuildingEntity).save({ code: 'ISO', name: 'Isolation Elementary', level: 'ELEMENTARY' });
    const educators = t.ds.getRepository(EducatorEntity);
    const a = await educators.save({
      fullName: 'Alice Apple',
      workEmail: 'alice@iso.test',
      buildingId: building.id,
      hireDate: '2015-08-01',
    });
    const b = await educators.save({ fullName: 'Bob Berry', workEmail: 'bob@iso.test', buildingId: building.id, hireDate: '2019-08-01' });
    alice = { token: (await t.signInAs([Persona.EDUCATOR], { educatorId: a.id })).token, educatorId: a.id };
    bob = { token: (await t.signInAs([Persona.EDUCATOR], { educatorId: b.id })).token, educatorId: b.id };

    const fw = ok(await t.gql(`{ framework(code: "DISTRICT-AI-READINESS") { competencies { id code } } }`, {}, hr)).framework;
    const pilotLead = fw.competencies.find((c: { code: string }) => c.code === 'PILOT-LEAD').id;

    const created = ok(
      await t.gql(
        `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id version } }`,
        {
          input: {
            kind: 'PILOT',
            title: "Bob's feedback pilot",
            startedOn: '2025-09-01',
            pilot: { part: 'LEAD', classrooms: 4 },
            claims: [{ competencyId: pilotLead, level: 3 }],
          },
        },
        bob.token,
      ),
    ).createEvidence;
    bobEvidenceId = created.id;
    bobEvidenceVersion = created.version;

    const role = ok(
      await t.gql(
        `mutation($input: CreateRoleInput!) { createRole(input: $input) { id version } }`,
        {
          input: {
            title: 'Pilot coach',
            classroomFte: 0.6,
            roleFte: 0.4,
            requirements: [{ competencyId: pilotLead, minLevel: 2, kind: 'REQUIRED', weight: 1 }],
          },
        },
        hr,
      ),
    ).createRole;
    roleId = role.id;
    ok(
      await t.gql(
        `mutation($input: ChangeRoleStatusInput!) { changeRoleStatus(input: $input) { status } }`,
        { input: { id: role.id, version: role.version, status: 'OPEN' } },
        hr,
      ),
    );
    bobApplicationId = ok(
      await t.gql(`mutation($input: ApplyToRoleInput!) { applyToRole(input: $input) { id } }`, { input: { roleId } }, bob.token),
    ).applyToRole.id;
    runId = ok(await t.gql(`mutation($input: SaveRankingRunInput!) { saveRankingRun(input: $input) { id } }`, { input: { roleId } }, hr))
      .saveRankingRun.id;
  });
  afterAll(() => t.close());

  it('answers a direct read of the item as if it did not exist', async () => {
    const res = await t.gql(`query($id: ID!) { evidence(id: $id) { title } }`, { id: bobEvidenceId }, alice.token);
    expect(codeOf(res)).toBe('NOT_FOUND');
    const unknown = await t.gql(
      `query($id: ID!) { evidence(id: $id) { title } }`,
      { id: '00000000-0000-4000-8000-000000000000' },
      alice.token,
    );
    expect(res.errors?.[0].message.replace(bobEvidenceId, 'ID')).toBe(
      unknown.errors?.[0].message.replace('00000000-0000-4000-8000-000000000000', 'ID'),
    );
  });

  it('returns nothing through lists', async () => {
    const filtered = ok(
      await t.gql(`query($e: ID) { evidenceItems(educatorId: $e) { totalCount nodes { id } } }`, { e: bob.educatorId }, alice.token),
    );
    expect(filtered.evidenceItems).toEqual({ totalCount: 0, nodes: [] });
    const unfiltered = ok(await t.gql(`{ evidenceItems { nodes { id } } }`, {}, alice.token));
    expect(unfiltered.evidenceItems.nodes.map((n: { id: string }) => n.id)).not.toContain(bobEvidenceId);
    expect(codeOf(await t.gql(`{ educators { nodes { id } } }`, {}, alice.token))).toBe('FORBIDDEN');
  });

  it("answers the other educator's profile (and its evidence and email) as NOT_FOUND", async () => {
    const res = await t.gql(`query($id: ID!) { educator(id: $id) { workEmail evidence { title } } }`, { id: bob.educatorId }, alice.token);
    expect(codeOf(res)).toBe('NOT_FOUND');
    expect(JSON.stringify(res)).not.toMatch(/Bob's feedback pilot|bob@iso.test/);
  });

  it("keeps the role's candidates, rankings, runs and explanations away", async () => {
    expect(codeOf(await t.gql(`query($r: ID!) { roleRanking(roleId: $r) { totalCount } }`, { r: roleId }, alice.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`query($r: ID!) { rankingRun(id: $r) { id } }`, { r: runId }, alice.token))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(
          `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { score } }`,
          { r: roleId, e: bob.educatorId },
          alice.token,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(`query($e: ID!) { educatorStanding(educatorId: $e) { educatorId } }`, { e: bob.educatorId }, alice.token)),
    ).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(`query($r: ID!) { roleApplications(roleId: $r) { totalCount } }`, { r: roleId }, alice.token))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await t.gql(
          `query($r: ID!, $a: [ID!]!) { candidateComparison(roleId: $r, applicationIds: $a) { roleId } }`,
          { r: roleId, a: [bobApplicationId] },
          alice.token,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it("answers the other educator's application and scores as NOT_FOUND or FORBIDDEN", async () => {
    expect(codeOf(await t.gql(`query($id: ID!) { application(id: $id) { id } }`, { id: bobApplicationId }, alice.token))).toBe('NOT_FOUND');
    expect(
      codeOf(await t.gql(`query($id: ID!) { panelScores(applicationId: $id) { applicationId } }`, { id: bobApplicationId }, alice.token)),
    ).toBe('FORBIDDEN');
    const mine = ok(await t.gql(`{ myApplications { id } }`, {}, alice.token));
    expect(mine.myApplications).toEqual([]);
  });

  it("cannot change or delete the other educator's item, and nothing changes", async () => {
    const update = await t.gql(
      `mutation($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }`,
      { input: { id: bobEvidenceId, version: bobEvidenceVersion, title: 'Hijacked' } },
      alice.token,
    );
    expect(codeOf(update)).toBe('NOT_FOUND');
    const del = await t.gql(
      `mutation($input: DeleteEvidenceInput!) { deleteEvidence(input: $input) }`,
      { input: { id: bobEvidenceId, version: bobEvidenceVersion } },
      alice.token,
    );
    expect(codeOf(del)).toBe('NOT_FOUND');
    const [row] = await t.ds.query('SELECT title, version FROM evidence WHERE id = $1', [bobEvidenceId]);
    expect(row).toEqual({ title: "Bob's feedback pilot", version: bobEvidenceVersion });
  });

  it("lets a panelist read a candidate's evidence only once seated on that role's panel, and audits the read", async () => {
    const panelist = await t.signInAs([Persona.PANELIST]);
    const read = () => t.gql(`query($id: ID!) { evidence(id: $id) { title } }`, { id: bobEvidenceId }, panelist.token);
    expect(codeOf(await read())).toBe('NOT_FOUND');
    ok(
      await t.gql(
        `mutation($input: PanelSeatInput!) { addPanelist(input: $input) { roleId } }`,
        { input: { roleId, accountId: panelist.account.id } },
        hr,
      ),
    );
    expect(ok(await read()).evidence.title).toBe("Bob's feedback pilot");
    const audit = await t.ds.query(
      `SELECT actor_account_id, persona, target_type, target_id FROM audit_entry WHERE action = 'CANDIDATE_EVIDENCE_READ'`,
    );
    expect(audit).toEqual([
      { actor_account_id: panelist.account.id, persona: 'PANELIST', target_type: 'Educator', target_id: bob.educatorId },
    ]);
  });
});
