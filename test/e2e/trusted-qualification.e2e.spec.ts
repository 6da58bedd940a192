import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';

const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 10) { qualifiedCount nodes {
  rank tied position educatorId score qualified
  requirements { met demonstratedLevel untrustedLevel metOnceVerified metOnceVerifiedEvidenceIds summary evidence { evidenceId status trusted points } } } } }`;
const STANDING = `{ myRoleStanding { roles { roleId qualified
  gaps { competencyCode levelHeld levelNeeded metOnceVerified metOnceVerifiedEvidenceIds summary }
  requirements { competencyCode met metOnceVerified metOnceVerifiedEvidenceIds untrustedLevel } } } }`;
const COVERAGE = `query($ids: [ID!], $min: Int!) { capacityCoverage(competencyIds: $ids, minLevel: $min) { basis { statuses } total { educators covered } } }`;

describe('qualification rests on trusted evidence (the self-reported level-4 artifact case)', () => {
  let t: TestApp;
  let hr: string;
  let comp: string;
  let roleId: string;
  let claimer: string;
  let verified: string;
  let artifact: string;
  let claimerToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    comp = (await competencyIds(t.ds, ['AI-TOOL-EVAL']))['AI-TOOL-EVAL'];
    const building = await insertBuilding(t.ds, 'North High');
    roleId = await insertRole(t.ds, { title: 'AI integration specialist', requirements: [{ competencyId: comp, minLevel: 2 }] });
    // An undated self-reported artifact claiming level 4, against verified but lower-level evidence.
    claimer = await insertEducator(t.ds, { buildingId: building, name: 'Self Claimer' });
    artifact = await insertEvidence(t.ds, {
      educatorId: claimer,
      kind: 'ARTIFACT',
      title: 'x',
      status: 'SELF_REPORTED',
      startedOn: null,
      claims: [{ competencyId: comp, level: 4 }],
    });
    await insertEvidence(t.ds, {
      educatorId: claimer,
      kind: 'PRESENTATION',
      status: 'SELF_REPORTED',
      startedOn: null,
      claims: [{ competencyId: comp, level: 4 }],
    });
    verified = await insertEducator(t.ds, { buildingId: building, name: 'Verified Doer' });
    await insertEvidence(t.ds, {
      educatorId: verified,
      kind: 'COURSE',
      status: 'VERIFIED',
      startedOn: '2024-01-10',
      hours: 3,
      claims: [{ competencyId: comp, level: 1 }],
    });
    await insertEvidence(t.ds, {
      educatorId: verified,
      kind: 'PRESENTATION',
      status: 'ENDORSED',
      startedOn: '2015-05-01',
      claims: [{ competencyId: comp, level: 2 }],
    });
    claimerToken = (await t.signInAs([Persona.EDUCATOR], { educatorId: claimer })).token;
  });
  afterAll(() => t.close());

  it('ranks the trusted candidate first; the self-reported one keeps reduced points, is not qualified, and is told what verification would change', async () => {
    const res = await t.gql(RANKING, { roleId }, hr);
    expect(res.errors).toBeUndefined();
    const { nodes, qualifiedCount } = res.data.roleRanking;
    expect(qualifiedCount).toBe(1);
    const [first, second] = nodes;
    expect([first.educatorId, first.qualified, first.rank]).toEqual([verified, true, 1]);
    expect([second.educatorId, second.qualified, second.rank]).toEqual([claimer, false, 2]);
    expect(second.score).toBeGreaterThan(first.score); // more points, but points alone never qualify
    const [req] = second.requirements;
    expect(req).toMatchObject({ met: false, demonstratedLevel: 0, untrustedLevel: 4, metOnceVerified: true });
    expect(req.metOnceVerifiedEvidenceIds).toContain(artifact);
    expect(req.evidence.every((e: { trusted: boolean; points: number }) => !e.trusted)).toBe(true);
    expect(req.evidence.reduce((s: number, e: { points: number }) => s + e.points, 0)).toBe(second.score);
    expect(req.summary).toMatch(/cannot meet a requirement/);
    expect(req.summary).toMatch(/Met once verified/);
  });

  it('standings say, per unmet requirement, that it is met once verified and which items would meet it', async () => {
    const res = await t.gql(STANDING, {}, claimerToken);
    expect(res.errors).toBeUndefined();
    const role = res.data.myRoleStanding.roles.find((r: { roleId: string }) => r.roleId === roleId);
    expect(role.qualified).toBe(false);
    expect(role.gaps).toHaveLength(1);
    expect(role.gaps[0]).toMatchObject({ competencyCode: 'AI-TOOL-EVAL', levelHeld: 0, levelNeeded: 2, metOnceVerified: true });
    expect(role.gaps[0].metOnceVerifiedEvidenceIds.sort()).toEqual(
      (await t.ds.query('SELECT id FROM evidence WHERE educator_id = $1', [claimer])).map((r: { id: string }) => r.id).sort(),
    );
    expect(role.gaps[0].summary).toMatch(/Met once verified: you already hold/);
    expect(role.requirements[0]).toMatchObject({ met: false, metOnceVerified: true, untrustedLevel: 4 });
  });

  it('"my explanation" speaks to the educator, with every item\'s verification status; only for open roles', async () => {
    const MINE = `query($r: ID!) { myExplanation(roleId: $r) { educatorId qualified summary requirements { summary evidence { evidenceId status trusted } } } }`;
    const res = await t.gql(MINE, { r: roleId }, claimerToken);
    expect(res.errors).toBeUndefined();
    const mine = res.data.myExplanation;
    expect(mine).toMatchObject({ educatorId: claimer, qualified: false });
    expect(mine.summary).toMatch(
      /^You are not qualified yet: you meet 0 of 1 required competencies on trusted evidence\. Your score is \d+ of 100\./,
    );
    const [req] = mine.requirements;
    expect(req.summary).toMatch(/^Required: you do not meet level 2 in AI tool evaluation/);
    expect(req.summary).toMatch(/Met once verified: your self-reported/);
    expect(req.evidence.map((e: { status: string; trusted: boolean }) => [e.status, e.trusted])).toEqual([
      ['SELF_REPORTED', false],
      ['SELF_REPORTED', false],
    ]);
    const closed = await insertRole(t.ds, { status: 'CLOSED', requirements: [{ competencyId: comp, minLevel: 1 }] });
    expect(codeOf(await t.gql(MINE, { r: closed }, claimerToken))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(MINE, { r: roleId }, hr))).toBe('FORBIDDEN');
  });

  it('the capacity report counts the same people as the ranking qualifies', async () => {
    const res = await t.gql(COVERAGE, { ids: [comp], min: 2 }, hr);
    expect(res.errors).toBeUndefined();
    expect(res.data.capacityCoverage).toEqual({ basis: { statuses: ['VERIFIED', 'ENDORSED'] }, total: { educators: 2, covered: 1 } });
  });

  it('once HR endorses the artifact the candidate qualifies, ranks first, and the report counts them too', async () => {
    const [{ version }] = await t.ds.query('SELECT version FROM evidence WHERE id = $1', [artifact]);
    const set = await t.gql(
      `mutation($i: SetEvidenceVerificationInput!) { setEvidenceVerification(input: $i) { id verificationStatus } }`,
      { i: { id: artifact, version, status: 'ENDORSED', note: 'Seen in the classroom' } },
      hr,
    );
    expect(set.errors).toBeUndefined();
    const { nodes } = (await t.gql(RANKING, { roleId }, hr)).data.roleRanking;
    expect(nodes.map((n: { educatorId: string; qualified: boolean; rank: number }) => [n.educatorId, n.qualified, n.rank])).toEqual([
      [claimer, true, 1],
      [verified, true, 2],
    ]);
    expect(nodes[0].requirements[0]).toMatchObject({
      met: true,
      demonstratedLevel: 4,
      metOnceVerified: false,
      metOnceVerifiedEvidenceIds: [],
    });
    expect((await t.gql(COVERAGE, { ids: [comp], min: 2 }, hr)).data.capacityCoverage.total).toEqual({ educators: 2, covered: 2 });
  });

  it('shows equal scores as a tie sharing one rank, in a documented order', async () => {
    const tieRole = await insertRole(t.ds, { title: 'Tie role', requirements: [{ competencyId: comp, minLevel: 1 }] });
    const building = await insertBuilding(t.ds, 'Tie Building');
    const twins: string[] = [];
    for (const name of ['Twin One', 'Twin Two']) {
      const id = await insertEducator(t.ds, { buildingId: building, name });
      await insertEvidence(t.ds, {
        educatorId: id,
        kind: 'CERTIFICATION',
        status: 'VERIFIED',
        issuedOn: '2025-01-01',
        claims: [{ competencyId: comp, level: 4 }],
      });
      twins.push(id);
    }
    const { nodes } = (await t.gql(RANKING, { roleId: tieRole }, hr)).data.roleRanking;
    const top = nodes.slice(0, 2);
    expect(top.map((n: { rank: number; tied: boolean; position: number }) => [n.rank, n.tied, n.position])).toEqual([
      [1, true, 1],
      [1, true, 2],
    ]);
    expect(top.map((n: { educatorId: string }) => n.educatorId)).toEqual([...twins].sort());
    expect(nodes[2]).toMatchObject({ rank: 3, position: 3 });
  });
});
