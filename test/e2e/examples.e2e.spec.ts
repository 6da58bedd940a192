import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { Persona } from '../../src/access/persona.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-district.js';
import { generateDemoDistrict, todayIso, type DemoDistrict } from '../../src/seed/demo-plan.js';
import { DEMO_ROUND_ROLE_KEY } from '../../src/seed/demo-hiring-round.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const dir = fileURLToPath(new URL('../../graphql/examples/', import.meta.url));
const example = (name: string) => readFileSync(`${dir}${name}.graphql`, 'utf8');

describe('the example operations in graphql/examples, over HTTP against the demo district', () => {
  let t: TestApp;
  let district: DemoDistrict;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    const options = { asOf: todayIso() };
    t = await startTestApp();
    await seedDemoIfEmpty(t.ds, () => undefined, options);
    district = generateDemoDistrict(options);
    for (const a of district.accounts) {
      const res = await t.gql(example('sign-in'), { input: { email: a.email, password: DEMO_PASSWORD } });
      expect(res.errors).toBeUndefined();
      tokens[a.email] = res.data.signIn.accessToken;
    }
  });
  afterAll(() => t.close());

  it('sign-in.graphql signs in every demo account with the documented password, and viewer.graphql knows who it is', async () => {
    for (const a of district.accounts) {
      const res = await t.gql(example('viewer'), {}, tokens[a.email]);
      expect(res.data.viewer).toEqual({ email: a.email, displayName: a.displayName, personas: a.personas, educatorId: a.educatorId });
    }
    const wrong = await t.gql(example('sign-in'), { input: { email: 'hr@demo.pathways.test', password: 'not-the-password' } });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
  });

  it('endorsement-queue.graphql shows the demo endorser self-reported evidence of Lincoln Middle School only', async () => {
    const res = await t.gql(example('endorsement-queue'), {}, tokens['principal.lincoln@demo.pathways.test']);
    expect(res.errors).toBeUndefined();
    const lincoln = district.buildings.find((b) => b.code === 'LMS')!.id;
    const atLincoln = new Set(district.educators.filter((e) => e.buildingId === lincoln).map((e) => e.id));
    const expected = district.evidence.filter((e) => atLincoln.has(e.educatorId) && e.verificationStatus === 'SELF_REPORTED').length;
    expect(res.data.endorsementQueue.totalCount).toBe(expected);
    expect(res.data.endorsementQueue.nodes.length).toBeGreaterThan(0);
    for (const n of res.data.endorsementQueue.nodes) {
      expect(n.buildingId).toBe(lincoln);
      expect(n.evidence.verificationStatus).toBe('SELF_REPORTED');
    }
    expect(codeOf(await t.gql(example('endorsement-queue'), {}, tokens['hr@demo.pathways.test']))).toBe('FORBIDDEN');
  });

  it('frameworks.graphql answers both default frameworks with their competencies', async () => {
    const res = await t.gql(example('frameworks'), {}, tokens[district.highlights.candidateB.workEmail]);
    expect(res.errors).toBeUndefined();
    const byCode = Object.fromEntries(
      res.data.frameworks.nodes.map((f: { code: string; competencies: unknown[] }) => [f.code, f.competencies.length]),
    );
    expect(byCode).toMatchObject({ 'UNESCO-AI-CFT-2024': 15, 'DISTRICT-AI-READINESS': 10 });
  });

  it('open-roles.graphql lists the open hybrid roles with their requirements, and not the draft', async () => {
    const res = await t.gql(example('open-roles'), {}, tokens[district.highlights.candidateB.workEmail]);
    expect(res.errors).toBeUndefined();
    const roles = res.data.roles.nodes;
    const open = district.roles.filter((r) => r.status === 'OPEN');
    expect(roles.map((r: { title: string }) => r.title).sort()).toEqual(open.map((r) => r.title).sort());
    for (const r of roles) {
      expect(r.status).toBe('OPEN');
      expect(r.classroomFte + r.roleFte).toBeLessThanOrEqual(1);
      expect(r.requirements.some((q: { kind: string }) => q.kind === 'REQUIRED')).toBe(true);
    }
  });

  it("educator-with-evidence.graphql shows candidate B's portfolio to HR and to her, and NOT_FOUND to another educator", async () => {
    const { candidateA, candidateB } = district.highlights;
    const asHr = await t.gql(example('educator-with-evidence'), { id: candidateB.id }, tokens['hr@demo.pathways.test']);
    expect(asHr.errors).toBeUndefined();
    expect(asHr.data.educator).toMatchObject({ fullName: candidateB.fullName, workEmail: candidateB.workEmail });
    const kinds = asHr.data.educator.evidence.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CERTIFICATION', 'PILOT', 'PROFESSIONAL_LEARNING']));
    const cert = asHr.data.educator.evidence.find((e: { kind: string }) => e.kind === 'CERTIFICATION');
    expect(cert).toMatchObject({ verificationStatus: 'VERIFIED', expired: false });

    const asHerself = await t.gql(example('educator-with-evidence'), { id: candidateB.id }, tokens[candidateB.workEmail]);
    expect(asHerself.data.educator.evidence).toHaveLength(asHr.data.educator.evidence.length);

    const other = await t.signInAs([Persona.EDUCATOR], { educatorId: candidateA.id });
    expect(codeOf(await t.gql(example('educator-with-evidence'), { id: candidateB.id }, other.token))).toBe('NOT_FOUND');
  });

  it('educator-rights.graphql: Maya disputes her explanation for an open role, HR resolves it, she reads the outcome and downloads her data', async () => {
    const ops = Object.fromEntries(
      parse(example('educator-rights'))
        .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => [d.name!.value, print(d)]),
    );
    const { candidateB } = district.highlights;
    const maya = tokens[candidateB.workEmail];
    const hr = tokens['hr@demo.pathways.test'];
    const role = district.roles.find((r) => r.status === 'OPEN')!;
    const filed = await t.gql(
      ops.FileDispute,
      { input: { kind: 'EXPLANATION', subjectId: role.id, statement: 'My pilot should meet the assessment requirement' } },
      maya,
    );
    expect(filed.errors).toBeUndefined();
    expect(JSON.parse(filed.data.fileDispute.contextJson)).toMatchObject({ roleTitle: role.title, qualified: expect.any(Boolean) });
    const queue = await t.gql(ops.DisputeQueue, {}, hr);
    expect(queue.data.disputes.nodes).toEqual([
      expect.objectContaining({ id: filed.data.fileDispute.id, educatorName: candidateB.fullName }),
    ]);
    const resolved = await t.gql(
      ops.ResolveDispute,
      {
        input: {
          id: filed.data.fileDispute.id,
          version: filed.data.fileDispute.version,
          outcome: 'DISMISSED',
          response: 'The pilot is self-reported; request verification and it will count',
        },
      },
      hr,
    );
    expect(resolved.errors).toBeUndefined();
    const mine = await t.gql(ops.MyDisputes, {}, maya);
    expect(mine.data.myDisputes).toEqual([
      expect.objectContaining({ status: 'DISMISSED', outcome: 'The pilot is self-reported; request verification and it will count' }),
    ]);
    const exported = JSON.parse((await t.gql(ops.MyDataExport, {}, maya)).data.myDataExport);
    expect(exported.profile.fullName).toBe(candidateB.fullName);
    expect(exported.evidence.length).toBeGreaterThan(0);
    expect(exported.disputes).toHaveLength(1);
  });

  it('panel-applications.graphql shows the demo panelists the coach round under pseudonyms, HR the names, and Maya only her own application', async () => {
    const role = district.roles.find((r) => r.key === DEMO_ROUND_ROLE_KEY)!;
    const { candidateA, candidateB } = district.highlights;
    type Node = {
      id: string;
      status: string;
      candidate: {
        displayName: string;
        pseudonym: string;
        identityHidden: boolean;
        educatorId: string | null;
        buildingName: string | null;
      };
    };

    const asHr = await t.gql(example('panel-applications'), { roleId: role.id }, tokens['hr@demo.pathways.test']);
    expect(asHr.errors).toBeUndefined();
    const hrNodes: Node[] = asHr.data.roleApplications.nodes;
    expect(asHr.data.roleApplications.totalCount).toBe(5);
    const names = hrNodes.map((n) => n.candidate.displayName);
    expect(hrNodes.find((n) => n.candidate.educatorId === candidateB.id)?.status).toBe('SHORTLISTED');
    expect(['SUBMITTED', 'SCREENED']).toContain(hrNodes.find((n) => n.candidate.educatorId === candidateA.id)?.status);
    expect(names).not.toContain(district.highlights.panelEducator.fullName);

    // Both panelists (the default roleId is the demo role) see the same pseudonyms and no names, ids or buildings.
    const seen: string[][] = [];
    for (const email of ['panel@demo.pathways.test', district.highlights.panelEducator.workEmail]) {
      const res = await t.gql(example('panel-applications'), {}, tokens[email]);
      expect(res.errors).toBeUndefined();
      expect(res.data.rolePanel).toMatchObject({ roleTitle: role.title, blindReview: true, identitiesVisible: false });
      expect(res.data.rolePanel.members.map((m: { email: string }) => m.email).sort()).toEqual([
        district.highlights.panelEducator.workEmail,
        'panel@demo.pathways.test',
      ]);
      const nodes: Node[] = res.data.roleApplications.nodes;
      expect(nodes.map((n) => n.id).sort()).toEqual(hrNodes.map((n) => n.id).sort());
      for (const n of nodes) {
        expect(n.candidate).toEqual({
          displayName: n.candidate.pseudonym,
          pseudonym: expect.stringMatching(/^Candidate [0-9A-Z]{4,}$/),
          identityHidden: true,
          educatorId: null,
          buildingName: null,
        });
      }
      const text = JSON.stringify(res.data);
      for (const name of names) expect(text).not.toContain(name);
      seen.push(nodes.map((n) => `${n.id}:${n.candidate.pseudonym}`).sort());
    }
    expect(seen[0]).toEqual(seen[1]);
    expect(new Set(seen[0].map((x) => x.split(':')[1])).size).toBe(5);

    // A role whose panel they do not sit on does not exist for them.
    const other = district.roles.find((r) => r.key !== DEMO_ROUND_ROLE_KEY && r.status === 'OPEN')!;
    expect(codeOf(await t.gql(example('panel-applications'), { roleId: other.id }, tokens['panel@demo.pathways.test']))).toBe('NOT_FOUND');

    // Maya, an educator only: not the panel's view, just her own application with her own history.
    const maya = tokens[candidateB.workEmail];
    expect(codeOf(await t.gql(example('panel-applications'), {}, maya))).toBe('FORBIDDEN');
    const mine = await t.gql(
      '{ myApplications { id roleTitle status candidate { displayName identityHidden } history { from to actorEmail reason } } }',
      {},
      maya,
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myApplications).toHaveLength(1);
    const own = hrNodes.find((n) => n.candidate.educatorId === candidateB.id)!;
    expect(mine.data.myApplications[0]).toMatchObject({
      id: own.id,
      roleTitle: role.title,
      status: 'SHORTLISTED',
      candidate: { displayName: candidateB.fullName, identityHidden: false },
    });
    expect(mine.data.myApplications[0].history.map((h: { to: string }) => h.to)).toEqual(['SUBMITTED', 'SCREENED', 'SHORTLISTED']);
    const others = hrNodes.filter((n) => n.id !== own.id);
    for (const n of others)
      expect(codeOf(await t.gql('query($id: ID!) { application(id: $id) { id } }', { id: n.id }, maya))).toBe('NOT_FOUND');
  });

  it('every example query that needs no variables runs for HR (or the persona its header names) without errors', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.graphql'));
    let ran = 0;
    for (const file of files) {
      const source = readFileSync(`${dir}${file}`, 'utf8');
      const ops = parse(source).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const runnable =
        ops.length === 1 &&
        ops[0].operation === 'query' &&
        !(ops[0].variableDefinitions ?? []).some((v) => v.type.kind === Kind.NON_NULL_TYPE && !v.defaultValue);
      if (!runnable) continue;
      // An endorser's operation runs as the demo endorser: HR does not hold that persona.
      const caller = source.startsWith('# ENDORSER:') ? 'principal.lincoln@demo.pathways.test' : 'hr@demo.pathways.test';
      const res = await t.gql(source, {}, tokens[caller]);
      expect({ file, errors: res.errors }).toEqual({ file, errors: undefined });
      ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(3);
  });
});
