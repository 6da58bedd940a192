import { Persona } from '../../src/access/persona.js';
import { DEFAULT_SCORING_POLICY } from '../../src/matching/domain/scoring-policy.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';

const POLICY = `id version current attendanceCapLevel overextensionFteThreshold effectiveOverextensionFteThreshold tieBreak qualifyingStatus notes publishedBy
  kindWeights { pilotLead pilotCoLead pilotMember professionalLearning certification presentation artifact course }
  verificationFactors { verified endorsed selfReported } ageing { halfLifeYears minimumFactor exemptKinds }`;
const PUBLISH = `mutation($input: PublishScoringPolicyInput!) { publishScoringPolicy(input: $input) { ${POLICY} } }`;

describe('scoring policy over HTTP', () => {
  let t: TestApp;
  let hr: string;
  let educator: string;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    educator = (await t.signInAs([Persona.EDUCATOR])).token;
  });
  afterAll(() => t.close());

  it('ships the default policy as version 2 (trusted evidence only), readable by every signed-in person; version 1 keeps its meaning', async () => {
    const res = await t.gql(`{ scoringPolicy { ${POLICY} } }`, {}, educator);
    expect(res.errors).toBeUndefined();
    const d = DEFAULT_SCORING_POLICY;
    expect(res.data.scoringPolicy).toMatchObject({
      version: 2,
      current: true,
      qualifyingStatus: 'ENDORSED',
      attendanceCapLevel: d.attendanceCapLevel,
      overextensionFteThreshold: null,
      effectiveOverextensionFteThreshold: 0.4,
      tieBreak: d.tieBreak,
      publishedBy: null,
      kindWeights: {
        pilotLead: d.kindWeights.PILOT_LEAD,
        pilotCoLead: d.kindWeights.PILOT_CO_LEAD,
        pilotMember: d.kindWeights.PILOT_MEMBER,
        professionalLearning: d.kindWeights.PROFESSIONAL_LEARNING,
        certification: d.kindWeights.CERTIFICATION,
        presentation: d.kindWeights.PRESENTATION,
        artifact: d.kindWeights.ARTIFACT,
        course: d.kindWeights.COURSE,
      },
      verificationFactors: {
        verified: d.verificationFactors.VERIFIED,
        endorsed: d.verificationFactors.ENDORSED,
        selfReported: d.verificationFactors.SELF_REPORTED,
      },
      ageing: { halfLifeYears: d.ageing.halfLifeYears, minimumFactor: d.ageing.minimumFactor, exemptKinds: ['CERTIFICATION'] },
    });
    expect(d.qualifyingStatus).toBe('ENDORSED');
    const v1 = (await t.gql(`{ scoringPolicy(version: 1) { version current qualifyingStatus } }`, {}, educator)).data.scoringPolicy;
    expect(v1).toEqual({ version: 1, current: false, qualifyingStatus: 'SELF_REPORTED' });
  });

  it('refuses invalid policies and stale versions, changing nothing', async () => {
    const invalid = await t.gql(PUBLISH, { input: { basedOnVersion: 2, verificationFactors: { endorsed: 1 } } }, hr);
    expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    expect(invalid.errors![0].message).toMatch(/verified above endorsed above self-reported/);
    expect(codeOf(await t.gql(PUBLISH, { input: { basedOnVersion: 2, kindWeights: { course: 2 } } }, hr))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(PUBLISH, { input: { basedOnVersion: 2, notes: 'x'.repeat(4001) } }, hr))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(PUBLISH, { input: { basedOnVersion: 7, attendanceCapLevel: 2 } }, hr))).toBe('CONFLICT');
    expect(codeOf(await t.gql(PUBLISH, { input: { basedOnVersion: 2, attendanceCapLevel: 2 } }, educator))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(PUBLISH, { input: { basedOnVersion: 2, qualifyingStatus: 'TRUSTED' } }, hr))).toBe('BAD_USER_INPUT');
    expect(await t.ds.query('SELECT version, is_current FROM scoring_policy ORDER BY version')).toEqual([
      { version: 1, is_current: false },
      { version: 2, is_current: true },
    ]);
  });

  it('publishes a new version that rankings use at once, keeping the old one readable', async () => {
    const comps = await competencyIds(t.ds, ['AI-BIAS']);
    const building = await insertBuilding(t.ds);
    const roleId = await insertRole(t.ds, { requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] });
    const e = await insertEducator(t.ds, { buildingId: building });
    await insertEvidence(t.ds, { educatorId: e, kind: 'COURSE', claims: [{ competencyId: comps['AI-BIAS'], level: 3 }] });
    const RANK = `query($r: ID!) { roleRanking(roleId: $r) { policyVersion overextensionFteThreshold nodes { qualified requirements { demonstratedLevel } } } }`;
    expect((await t.gql(RANK, { r: roleId }, hr)).data.roleRanking).toMatchObject({
      policyVersion: 2,
      nodes: [{ qualified: false, requirements: [{ demonstratedLevel: 1 }] }],
    });

    const published = await t.gql(
      PUBLISH,
      {
        input: {
          basedOnVersion: 2,
          attendanceCapLevel: 2,
          overextensionFteThreshold: 0.5,
          ageing: { halfLifeYears: null },
          notes: 'Pilot year: attendance to level 2',
        },
      },
      hr,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data.publishScoringPolicy).toMatchObject({
      version: 3,
      current: true,
      attendanceCapLevel: 2,
      qualifyingStatus: 'ENDORSED',
      overextensionFteThreshold: 0.5,
      effectiveOverextensionFteThreshold: 0.5,
      ageing: { halfLifeYears: null, minimumFactor: 0.25 },
      notes: 'Pilot year: attendance to level 2',
      kindWeights: { pilotLead: 1, course: 0.1 },
    });
    expect((await t.gql(RANK, { r: roleId }, hr)).data.roleRanking).toMatchObject({
      policyVersion: 3,
      overextensionFteThreshold: 0.5,
      nodes: [{ qualified: true, requirements: [{ demonstratedLevel: 2 }] }],
    });

    const v2 = (await t.gql(`{ scoringPolicy(version: 2) { version current attendanceCapLevel } }`, {}, hr)).data.scoringPolicy;
    expect(v2).toEqual({ version: 2, current: false, attendanceCapLevel: 1 });
    const list = (await t.gql(`{ scoringPolicies(first: 10) { totalCount nodes { version current } } }`, {}, hr)).data.scoringPolicies;
    expect(list).toEqual({
      totalCount: 3,
      nodes: [
        { version: 3, current: true },
        { version: 2, current: false },
        { version: 1, current: false },
      ],
    });
    expect(codeOf(await t.gql(`{ scoringPolicy(version: 9) { version } }`, {}, hr))).toBe('NOT_FOUND');

    const audit = await t.ds.query(`SELECT action, changes->>'version' AS version FROM audit_entry WHERE target_type = 'ScoringPolicy'`);
    expect(audit).toEqual([{ action: 'SCORING_POLICY_PUBLISHED', version: '3' }]);
  });

  it('lets only one of two concurrent publishers based on the same version win', async () => {
    const input = (cap: number) => ({ input: { basedOnVersion: 3, attendanceCapLevel: cap } });
    const results = await Promise.all([t.gql(PUBLISH, input(0), hr), t.gql(PUBLISH, input(3), hr)]);
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
    const rows = await t.ds.query('SELECT version FROM scoring_policy WHERE is_current');
    expect(rows).toEqual([{ version: 4 }]);
  });
});
