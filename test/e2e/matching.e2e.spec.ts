import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import {
  competencyIds,
  insertBuilding,
  insertCommitment,
  insertEducator,
  insertEvidence,
  insertRole,
} from '../support/matching-fixtures.js';

const yearsAgo = (years: number, monthShift = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCMonth(d.getUTCMonth() - monthShift);
  return d.toISOString().slice(0, 10);
};
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const EVIDENCE = `evidence { evidenceId kind pilotPart scoringKind title status startedOn endedOn issuedOn expiresOn expired claimedLevel countedLevel cappedByAttendance kindWeight verificationFactor ageFactor levelFactor credit points }`;
const REQUIREMENTS = `requirements { requirementId competencyId competencyCode competencyName kind weight maxPoints requiredLevel demonstratedLevel met contribution summary ${EVIDENCE} }`;
const CANDIDATE = `educatorId fullName buildingId score maxScore qualified requiredMet requiredTotal overextended commitmentsFte summary policyVersion asOf yearsOfService { minYears years met summary } ${REQUIREMENTS}`;
const RANKING = `query($roleId: ID!, $first: Int, $after: String, $qualifiedOnly: Boolean, $buildingId: ID) {
  roleRanking(roleId: $roleId, first: $first, after: $after, qualifiedOnly: $qualifiedOnly, buildingId: $buildingId) {
    roleId roleTitle policyVersion asOf overextensionFteThreshold maxScore totalCount qualifiedCount pageInfo { hasNextPage endCursor }
    nodes { rank ${CANDIDATE} } } }`;
const STANDING = `roles { roleId roleTitle qualified score maxScore requiredMet requiredTotal gapCount
  gaps { requirementId competencyId competencyCode competencyName kind levelHeld levelNeeded remedyIds renewableEvidenceIds summary }
  requirements { requirementId competencyCode competencyName kind requiredLevel demonstratedLevel met contribution maxPoints }
  yearsOfService { minYears years met summary } }
  remedies { id kind pilotPart scoringKind level kindWeight } educatorId policyVersion asOf qualifiedCount totalCount pageInfo { hasNextPage endCursor }`;

type Candidate = {
  educatorId: string;
  score: number;
  qualified: boolean;
  requirements: Array<{ contribution: number; evidence: Array<{ points: number }> }>;
};

function expectExplanationsAddUp(c: Candidate) {
  expect(c.requirements.reduce((s, r) => s + r.contribution, 0)).toBe(c.score);
  for (const r of c.requirements) expect(r.evidence.reduce((s, e) => s + e.points, 0)).toBe(r.contribution);
}

describe('matching over HTTP: the innovation-coach seed case', () => {
  let t: TestApp;
  let hr: string;
  let comps: Record<string, string>;
  let north: string;
  let south: string;
  let roleId: string;
  let a: string;
  let b: string;
  let c: string;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    comps = await competencyIds(t.ds, ['AI-TOOL-EVAL', 'ASSESS-REDESIGN', 'PL-DESIGN', 'AI-FEEDBACK', 'AI-BIAS']);
    north = await insertBuilding(t.ds, 'North High');
    south = await insertBuilding(t.ds, 'South Middle');
    roleId = await insertRole(t.ds, {
      title: 'Innovation coach',
      requirements: [
        { competencyId: comps['AI-TOOL-EVAL'], minLevel: 2 },
        { competencyId: comps['ASSESS-REDESIGN'], minLevel: 2 },
        { competencyId: comps['PL-DESIGN'], minLevel: 2 },
      ],
    });
    // Candidate A: 15 years, 120 workshop hours, nothing else.
    a = await insertEducator(t.ds, { buildingId: north, name: 'Candidate A', hireDate: yearsAgo(15) });
    for (const [i, code] of ['AI-TOOL-EVAL', 'ASSESS-REDESIGN', 'PL-DESIGN', 'AI-TOOL-EVAL', 'ASSESS-REDESIGN', 'PL-DESIGN'].entries()) {
      await insertEvidence(t.ds, {
        educatorId: a,
        kind: 'COURSE',
        title: `Workshop ${i + 1}`,
        hours: 20,
        status: 'VERIFIED',
        startedOn: yearsAgo(2, i),
        endedOn: yearsAgo(2, i),
        claims: [{ competencyId: comps[code], level: 3 }],
      });
    }
    // Candidate B: 6 years, verified AI educator certification, led a building AI pilot, designed colleague PD.
    b = await insertEducator(t.ds, { buildingId: south, name: 'Candidate B', hireDate: yearsAgo(6) });
    await insertEvidence(t.ds, {
      educatorId: b,
      kind: 'CERTIFICATION',
      title: 'AI Educator Certification',
      status: 'VERIFIED',
      issuedOn: yearsAgo(1),
      expiresOn: daysFromNow(700),
      claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 2 }],
    });
    await insertEvidence(t.ds, {
      educatorId: b,
      kind: 'PILOT',
      pilotPart: 'LEAD',
      title: 'Building AI pilot',
      status: 'VERIFIED',
      startedOn: yearsAgo(1, 6),
      endedOn: yearsAgo(0, 3),
      claims: [
        { competencyId: comps['AI-TOOL-EVAL'], level: 3 },
        { competencyId: comps['ASSESS-REDESIGN'], level: 2 },
      ],
    });
    await insertEvidence(t.ds, {
      educatorId: b,
      kind: 'PROFESSIONAL_LEARNING',
      title: 'AI-supported feedback and assessment redesign PD',
      status: 'ENDORSED',
      startedOn: yearsAgo(0, 8),
      endedOn: yearsAgo(0, 6),
      claims: [
        { competencyId: comps['AI-FEEDBACK'], level: 2 },
        { competencyId: comps['ASSESS-REDESIGN'], level: 2 },
        { competencyId: comps['PL-DESIGN'], level: 3 },
      ],
    });
    // Candidate C: nothing at all.
    c = await insertEducator(t.ds, { buildingId: north, name: 'Candidate C' });
    tokenA = (await t.signInAs([Persona.EDUCATOR], { educatorId: a })).token;
    tokenB = (await t.signInAs([Persona.EDUCATOR], { educatorId: b })).token;
  });
  afterAll(() => t.close());

  it('ranks B first and qualified, A second and not qualified, and explains every score exactly', async () => {
    const res = await t.gql(RANKING, { roleId, first: 10 }, hr);
    expect(res.errors).toBeUndefined();
    const ranking = res.data.roleRanking;
    expect(ranking).toMatchObject({
      roleId,
      roleTitle: 'Innovation coach',
      policyVersion: 2,
      maxScore: 300,
      totalCount: 3,
      qualifiedCount: 1,
      overextensionFteThreshold: 0.4,
    });
    expect(ranking.nodes.map((n: Candidate & { rank: number }) => [n.rank, n.educatorId, n.qualified])).toEqual([
      [1, b, true],
      [2, a, false],
      [3, c, false],
    ]);
    const [candB, candA, candC] = ranking.nodes;
    for (const cand of ranking.nodes) expectExplanationsAddUp(cand);
    expect(candB.score).toBeGreaterThan(candA.score);
    expect(candC.score).toBe(0);
    expect(candB.yearsOfService).toBeNull();

    const toolEval = candB.requirements.find((r: { competencyCode: string }) => r.competencyCode === 'AI-TOOL-EVAL');
    expect(toolEval).toMatchObject({ requiredLevel: 2, demonstratedLevel: 3, met: true, kind: 'REQUIRED' });
    expect(toolEval.evidence.map((e: { title: string }) => e.title).sort()).toEqual(['AI Educator Certification', 'Building AI pilot']);
    expect(toolEval.summary).toMatch(
      /^Required: meets level 2 in AI tool evaluation for instructional alignment \(shows level 3\) through /,
    );

    for (const r of candA.requirements) {
      expect(r).toMatchObject({ requiredLevel: 2, demonstratedLevel: 1, met: false });
      expect(
        r.evidence.every(
          (e: { cappedByAttendance: boolean; countedLevel: number; claimedLevel: number }) =>
            e.cappedByAttendance && e.countedLevel === 1 && e.claimedLevel === 3,
        ),
      ).toBe(true);
      expect(r.summary).toMatch(/attendance alone can show at most level 1/);
    }
    expect(candA.summary).toMatch(/^Not qualified: meets 0 of 3 required competencies\. Score \d+ of 300\.$/);
  });

  it('filters to qualified candidates or to one building, and pages in a stable order', async () => {
    const qualified = (await t.gql(RANKING, { roleId, qualifiedOnly: true }, hr)).data.roleRanking;
    expect(qualified.totalCount).toBe(1);
    expect(qualified.nodes.map((n: Candidate) => n.educatorId)).toEqual([b]);

    const northOnly = (await t.gql(RANKING, { roleId, buildingId: north }, hr)).data.roleRanking;
    expect(northOnly.nodes.map((n: Candidate & { rank: number }) => [n.rank, n.educatorId])).toEqual([
      [1, a],
      [2, c],
    ]);

    const first = (await t.gql(RANKING, { roleId, first: 1 }, hr)).data.roleRanking;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(RANKING, { roleId, first: 2, after: first.pageInfo.endCursor }, hr)).data.roleRanking;
    expect([...first.nodes, ...second.nodes].map((n: Candidate & { rank: number }) => [n.rank, n.educatorId])).toEqual([
      [1, b],
      [2, a],
      [3, c],
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it("shows A's gaps on all three competencies, each with what would close it, to A and to HR", async () => {
    const mine = await t.gql(`{ myRoleStanding { ${STANDING} } }`, {}, tokenA);
    expect(mine.errors).toBeUndefined();
    const viaHr = await t.gql(`query($id: ID!) { educatorStanding(educatorId: $id) { ${STANDING} } }`, { id: a }, hr);
    expect(viaHr.data.educatorStanding).toEqual(mine.data.myRoleStanding);
    const standing = mine.data.myRoleStanding;
    expect(standing).toMatchObject({ educatorId: a, qualifiedCount: 0, policyVersion: 2 });
    const coach = standing.roles.find((r: { roleId: string }) => r.roleId === roleId);
    expect(coach).toMatchObject({ qualified: false, requiredMet: 0, requiredTotal: 3 });
    expect(coach.gaps.map((g: { competencyCode: string }) => g.competencyCode)).toEqual(['AI-TOOL-EVAL', 'ASSESS-REDESIGN', 'PL-DESIGN']);
    // Remedies are listed once for the page and referred to by id from every gap that they would close.
    const remedies = new Map(standing.remedies.map((r: { id: string }) => [r.id, r]));
    expect(remedies.size).toBe(standing.remedies.length);
    for (const gap of coach.gaps) {
      expect(gap).toMatchObject({ levelHeld: 1, levelNeeded: 2, kind: 'REQUIRED' });
      const ways = gap.remedyIds.map((id: string) => remedies.get(id));
      expect(ways.map((w: { scoringKind: string }) => w.scoringKind)).toEqual([
        'PILOT_LEAD',
        'PROFESSIONAL_LEARNING',
        'CERTIFICATION',
        'PILOT_CO_LEAD',
        'PRESENTATION',
        'ARTIFACT',
        'PILOT_MEMBER',
      ]);
      expect(ways.every((w: { level: number }) => w.level === 2)).toBe(true);
      expect(gap.summary).toMatch(/Course or workshop attendance alone can show at most level 1\./);
    }
    expect(coach.gapCount).toBe(coach.gaps.length);
    expect(new Set(coach.gaps.flatMap((g: { remedyIds: string[] }) => g.remedyIds))).toEqual(new Set(remedies.keys()));
    const ranked = (await t.gql(RANKING, { roleId }, hr)).data.roleRanking.nodes.find((n: Candidate) => n.educatorId === a);
    expect(coach.score).toBe(ranked.score);

    const bStanding = (await t.gql(`{ myRoleStanding { ${STANDING} } }`, {}, tokenB)).data.myRoleStanding;
    expect(bStanding.roles.find((r: { roleId: string }) => r.roleId === roleId)).toMatchObject({ qualified: true, gaps: [] });
  });

  it('pages a standing: qualified roles first, the same order on every page, counts over all pages', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 4; i++) {
      extra.push(
        await insertRole(t.ds, {
          title: `Paged role ${i}`,
          status: 'OPEN',
          requirements: [{ competencyId: comps['AI-TOOL-EVAL'], minLevel: 1, weight: 10 + i }],
        }),
      );
    }
    const PAGE = `query($e: ID!, $after: String, $q: Boolean) { educatorStanding(educatorId: $e, first: 2, after: $after, qualifiedOnly: $q) {
      qualifiedCount totalCount pageInfo { hasNextPage endCursor } roles { roleId qualified score } } }`;
    const whole = (
      await t.gql(
        `query($e: ID!) { educatorStanding(educatorId: $e, first: 100) { totalCount roles { roleId qualified score } } }`,
        { e: b },
        hr,
      )
    ).data.educatorStanding;
    const pages: Array<{ roleId: string }> = [];
    let after: string | null = null;
    let guard = 0;
    do {
      const page: any = (await t.gql(PAGE, { e: b, after }, hr)).data.educatorStanding;
      expect(page.totalCount).toBe(whole.totalCount);
      expect(page.roles.length).toBeLessThanOrEqual(2);
      pages.push(...page.roles);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && ++guard < 20);
    expect(pages).toEqual(whole.roles);
    const flags = whole.roles.map((r: { qualified: boolean }) => r.qualified);
    expect(flags).toEqual([...flags].sort((x: boolean, y: boolean) => Number(y) - Number(x)));
    expect(whole.totalCount).toBeGreaterThan(4);
    const qualifiedOnly = (await t.gql(PAGE, { e: b, q: true }, hr)).data.educatorStanding;
    expect(qualifiedOnly.totalCount).toBe(qualifiedOnly.qualifiedCount);
    expect(qualifiedOnly.roles.every((r: { qualified: boolean }) => r.qualified)).toBe(true);
    expect(codeOf(await t.gql(PAGE.replace('first: 2', 'first: 500'), { e: b }, hr))).toBe('BAD_USER_INPUT');
    await t.ds.query(`DELETE FROM hybrid_role WHERE id = ANY($1::uuid[])`, [extra]);
  });

  it('lets an educator explain their own standing for a role, and nobody else’s', async () => {
    const own = await t.gql(
      `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { ${CANDIDATE} } }`,
      { r: roleId, e: b },
      tokenB,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.explainCandidate).toMatchObject({ educatorId: b, qualified: true });
    expectExplanationsAddUp(own.data.explainCandidate);
    const ranked = (await t.gql(RANKING, { roleId }, hr)).data.roleRanking.nodes[0];
    const { rank: _rank, ...rankedWithoutRank } = ranked;
    expect(own.data.explainCandidate).toEqual(rankedWithoutRank);

    expect(
      codeOf(
        await t.gql(`query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { score } }`, { r: roleId, e: a }, tokenB),
      ),
    ).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(`query($e: ID!) { educatorStanding(educatorId: $e) { educatorId } }`, { e: a }, tokenB))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RANKING, { roleId }, tokenB))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(RANKING, { roleId }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(`mutation($i: SaveRankingRunInput!) { saveRankingRun(input: $i) { id } }`, { i: { roleId } }, tokenB))).toBe(
      'FORBIDDEN',
    );
  });

  it('answers unknown ids with NOT_FOUND and malformed ones with BAD_USER_INPUT', async () => {
    expect(codeOf(await t.gql(RANKING, { roleId: '00000000-0000-4000-8000-000000000000' }, hr))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RANKING, { roleId, buildingId: '00000000-0000-4000-8000-000000000000' }, hr))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(RANKING, { roleId: 'nope' }, hr))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RANKING, { roleId, first: 500 }, hr))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(
          `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { score } }`,
          { r: roleId, e: '00000000-0000-4000-8000-000000000000' },
          hr,
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('lists an expired credential marked expired and counts nothing for it', async () => {
    const d = await insertEducator(t.ds, { buildingId: north, name: 'Candidate D' });
    await insertEvidence(t.ds, {
      educatorId: d,
      kind: 'CERTIFICATION',
      title: 'Lapsed certificate',
      status: 'VERIFIED',
      issuedOn: yearsAgo(4),
      expiresOn: daysFromNow(-10),
      claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 4 }],
    });
    const res = await t.gql(
      `query($r: ID!, $e: ID!) { explainCandidate(roleId: $r, educatorId: $e) { ${CANDIDATE} } }`,
      { r: roleId, e: d },
      hr,
    );
    const tool = res.data.explainCandidate.requirements[0];
    expect(tool).toMatchObject({ demonstratedLevel: 0, met: false, contribution: 0 });
    expect(tool.evidence).toEqual([
      expect.objectContaining({ title: 'Lapsed certificate', expired: true, points: 0, credit: 0, expiresOn: daysFromNow(-10) }),
    ]);
    expect(tool.summary).toMatch(/Expired evidence no longer counts: a verified certification \(expired /);
    expect(res.data.explainCandidate.score).toBe(0);
    const standing = (await t.gql(`query($e: ID!) { educatorStanding(educatorId: $e) { ${STANDING} } }`, { e: d }, hr)).data
      .educatorStanding;
    const gap = standing.roles.find((r: { roleId: string }) => r.roleId === roleId).gaps[0];
    expect(gap.renewableEvidenceIds).toHaveLength(1);
    expect(gap.summary).toMatch(/Renewing the verified certification that expired would also close it\./);
    await t.ds.query('DELETE FROM educator WHERE id = $1', [d]);
  });

  it('flags an overextended candidate without dropping them', async () => {
    const other = await insertRole(t.ds, { title: 'Data ethics lead', status: 'FILLED', requirements: [] });
    await insertCommitment(t.ds, { educatorId: b, roleId: other, roleFte: 0.2, startsOn: yearsAgo(1) });
    await insertCommitment(t.ds, { educatorId: b, roleId: other, roleFte: 0.2, startsOn: yearsAgo(2), endsOn: yearsAgo(1) }); // ended: not counted
    let top = (await t.gql(RANKING, { roleId, first: 1 }, hr)).data.roleRanking.nodes[0];
    expect(top).toMatchObject({ educatorId: b, overextended: false, commitmentsFte: 0.2 });
    await insertCommitment(t.ds, { educatorId: b, roleId: other, roleFte: 0.2, startsOn: yearsAgo(0, 1) });
    top = (await t.gql(RANKING, { roleId, first: 1 }, hr)).data.roleRanking.nodes[0];
    expect(top).toMatchObject({ educatorId: b, rank: 1, qualified: true, overextended: true, commitmentsFte: 0.4 });
    expect(top.summary).toMatch(/Already holds hybrid roles of 0.4 FTE, at or above the 0.4 FTE overextension threshold\./);
    await t.ds.query('DELETE FROM hybrid_commitment WHERE educator_id = $1', [b]);
  });

  it('shows years of service only when a role asks for them, and then gates on them', async () => {
    const seniorRole = await insertRole(t.ds, {
      title: 'Senior coach',
      minYearsOfService: 10,
      requirements: [{ competencyId: comps['AI-TOOL-EVAL'], minLevel: 2 }],
    });
    const nodes = (await t.gql(RANKING, { roleId: seniorRole }, hr)).data.roleRanking.nodes;
    const candB = nodes.find((n: Candidate) => n.educatorId === b);
    expect(candB.qualified).toBe(false);
    expect(candB.yearsOfService).toEqual({
      minYears: 10,
      years: 6,
      met: false,
      summary: 'Years of service: 6 (this role asks for at least 10): not met.',
    });
    const candA = nodes.find((n: Candidate) => n.educatorId === a);
    expect(candA.yearsOfService).toMatchObject({ years: 15, met: true });
    await t.ds.query(`UPDATE hybrid_role SET status = 'CLOSED' WHERE id = $1`, [seniorRole]);
  });

  it('saves a ranking run and reads it back unchanged after the evidence changes', async () => {
    const saved = await t.gql(
      `mutation($i: SaveRankingRunInput!) { saveRankingRun(input: $i) { id roleId roleTitle policyVersion asOf candidateCount qualifiedCount resultCount qualifiedOnly buildingId createdBy
         requirements { competencyCode minLevel kind weight } results(first: 10) { totalCount nodes { rank ${CANDIDATE} } } } }`,
      { i: { roleId, limit: 2 } },
      hr,
    );
    expect(saved.errors).toBeUndefined();
    const run = saved.data.saveRankingRun;
    expect(run).toMatchObject({
      roleId,
      roleTitle: 'Innovation coach',
      policyVersion: 2,
      candidateCount: 3,
      qualifiedCount: 1,
      resultCount: 2,
      qualifiedOnly: false,
      buildingId: null,
    });
    expect(run.requirements.map((r: { competencyCode: string }) => r.competencyCode)).toEqual([
      'AI-TOOL-EVAL',
      'ASSESS-REDESIGN',
      'PL-DESIGN',
    ]);
    expect(run.results.nodes.map((n: Candidate) => n.educatorId)).toEqual([b, a]);
    const live = (await t.gql(RANKING, { roleId, first: 2 }, hr)).data.roleRanking.nodes;
    expect(run.results.nodes).toEqual(live);

    const READ = `query($id: ID!) { rankingRun(id: $id) { id roleTitle policyVersion asOf candidateCount qualifiedCount resultCount results(first: 10) { totalCount nodes { rank ${CANDIDATE} } } } }`;
    const before = (await t.gql(READ, { id: run.id }, hr)).data.rankingRun;

    // A now leads a pilot on all three competencies and gets renamed: the live ranking changes, the run does not.
    await insertEvidence(t.ds, {
      educatorId: a,
      kind: 'PILOT',
      pilotPart: 'LEAD',
      title: 'Late pilot',
      status: 'VERIFIED',
      startedOn: yearsAgo(0, 2),
      claims: [
        { competencyId: comps['AI-TOOL-EVAL'], level: 4 },
        { competencyId: comps['ASSESS-REDESIGN'], level: 4 },
        { competencyId: comps['PL-DESIGN'], level: 4 },
      ],
    });
    await t.ds.query(`UPDATE educator SET full_name = 'Renamed A' WHERE id = $1`, [a]);
    const liveAfter = (await t.gql(RANKING, { roleId, first: 2 }, hr)).data.roleRanking;
    expect(liveAfter.qualifiedCount).toBe(2);
    expect(liveAfter.nodes.find((n: Candidate & { fullName: string }) => n.educatorId === a)).toMatchObject({
      qualified: true,
      fullName: 'Renamed A',
    });

    const after = (await t.gql(READ, { id: run.id }, hr)).data.rankingRun;
    expect(after).toEqual(before);
    expect(after.results.nodes[1]).toMatchObject({ educatorId: a, qualified: false, fullName: 'Candidate A' });
    expect(after.results.totalCount).toBe(2);

    const listed = (
      await t.gql(
        `query($r: ID!) { rankingRuns(roleId: $r) { totalCount nodes { id results(first: 1) { nodes { educatorId } } } } }`,
        { r: roleId },
        hr,
      )
    ).data.rankingRuns;
    expect(listed.totalCount).toBe(1);
    expect(listed.nodes[0]).toEqual({ id: run.id, results: { nodes: [{ educatorId: b }] } });

    const rows = await t.ds.query(`SELECT rank, educator_id, score, qualified FROM ranking_run_result WHERE run_id = $1 ORDER BY rank`, [
      run.id,
    ]);
    expect(rows).toEqual([
      { rank: 1, educator_id: b, score: run.results.nodes[0].score, qualified: true },
      { rank: 2, educator_id: a, score: run.results.nodes[1].score, qualified: false },
    ]);
    const audit = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1`, [run.id]);
    expect(audit).toEqual([{ action: 'RANKING_RUN_SAVED' }]);
  });
});
