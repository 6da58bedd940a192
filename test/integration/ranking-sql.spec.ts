import { dayOf, type ClaimFact, type VerificationStatus } from '../../src/matching/domain/evidence-rules.js';
import { rankCandidates, sharedRanks } from '../../src/matching/domain/ranking.js';
import { DEFAULT_SCORING_POLICY, type ScoringPolicyValues } from '../../src/matching/domain/scoring-policy.js';
import { countingCompetencies, rankingKeyOf, type RankingKey, type RoleSpec } from '../../src/matching/domain/scoring.js';
import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import { canRankScoredOnly } from '../../src/matching/sql/ranking.sql.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, type EvidenceFixture } from '../support/matching-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { Prng } from '../../src/seed/prng.js';

const CODES = ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY', 'ASSESS-REDESIGN', 'PL-DESIGN', 'AI-FEEDBACK'];
const KINDS: EvidenceFixture['kind'][] = ['CERTIFICATION', 'PILOT', 'PROFESSIONAL_LEARNING', 'PRESENTATION', 'ARTIFACT', 'COURSE'];
const STATUSES: VerificationStatus[] = ['VERIFIED', 'ENDORSED', 'SELF_REPORTED'];

const POLICIES: Array<[string, ScoringPolicyValues]> = [
  ['the default policy', DEFAULT_SCORING_POLICY],
  [
    'no ageing, cap 2, id tie-break, self-reported qualifies',
    {
      ...DEFAULT_SCORING_POLICY,
      ageing: { halfLifeYears: null, minimumFactor: 0 },
      attendanceCapLevel: 2,
      tieBreak: 'EDUCATOR_ID',
      qualifyingStatus: 'SELF_REPORTED',
    },
  ],
  [
    'fast ageing to zero, odd weights',
    {
      ...DEFAULT_SCORING_POLICY,
      ageing: { halfLifeYears: 0.7, minimumFactor: 0 },
      kindWeights: { ...DEFAULT_SCORING_POLICY.kindWeights, PILOT_CO_LEAD: 0.333, COURSE: 0.07, ARTIFACT: 0 },
      verificationFactors: { VERIFIED: 0.99, ENDORSED: 0.61, SELF_REPORTED: 0.13 },
      qualifyingStatus: 'VERIFIED',
    },
  ],
];

describe('the SQL ranking pass orders exactly as the domain scoring does', () => {
  let db: TestDatabase;
  let repo: MatchingRepository;
  let comps: string[];
  let buildings: string[];
  const hireDates = new Map<string, string>();
  const random = new Prng(424242);
  const rand = () => random.next();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const date = (from: number, to: number) =>
    `${from + Math.floor(rand() * (to - from + 1))}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;

  beforeAll(async () => {
    db = await createTestDatabase();
    repo = new MatchingRepository(db.dataSource);
    comps = Object.values(await competencyIds(db.dataSource, CODES));
    buildings = [await insertBuilding(db.dataSource), await insertBuilding(db.dataSource)];
    for (let i = 0; i < 60; i++) {
      const hireDate = rand() < 0.1 ? '2016-02-29' : date(1995, 2024);
      const educatorId = await insertEducator(db.dataSource, { buildingId: buildings[i % 2], hireDate });
      hireDates.set(educatorId, hireDate);
      const items = i % 7 === 0 ? 0 : Math.floor(rand() * 9);
      for (let j = 0; j < items; j++) {
        const kind = pick(KINDS);
        const started = rand() < 0.85 ? date(1990, 2026) : null;
        const issued = kind === 'CERTIFICATION' ? date(2000, 2026) : null;
        const expires = rand() < 0.4 ? date(2020, 2028) : null;
        await insertEvidence(db.dataSource, {
          educatorId,
          kind,
          status: pick(STATUSES),
          pilotPart: pick(['LEAD', 'CO_LEAD', 'MEMBER'] as const),
          startedOn: started,
          endedOn: started && rand() < 0.6 ? date(Number(started.slice(0, 4)) + 1, 2028) : null,
          issuedOn: issued,
          expiresOn: issued && expires && expires < issued ? null : expires,
          claims: [...new Set([pick(comps), pick(comps), pick(comps)])]
            .slice(0, 1 + Math.floor(rand() * 3))
            .map((competencyId) => ({ competencyId, level: 1 + Math.floor(rand() * 4) })),
          archived: rand() < 0.12,
        });
      }
    }
  });
  afterAll(() => db.drop());

  function randomRole(k: number): RoleSpec {
    const n = k % 5 === 4 ? 0 : 1 + Math.floor(rand() * 5);
    const chosen = [...comps].sort(() => rand() - 0.5).slice(0, n);
    return {
      roleId: `role-${k}`,
      minYearsOfService: rand() < 0.3 ? 1 + Math.floor(rand() * 20) : null,
      requirements: chosen.map((competencyId, i) => ({
        requirementId: `q${i}`,
        competencyId,
        minLevel: 1 + Math.floor(rand() * 4),
        weight: pick([1, 0.5, 1.5, 2.37, 0.1, 3, 0.015]),
        kind: rand() < 0.6 ? 'REQUIRED' : 'PREFERRED',
      })),
    };
  }

  async function reference(role: RoleSpec, policy: ScoringPolicyValues, asOf: string, buildingId?: string): Promise<RankingKey[]> {
    const educators: Array<{ id: string; building_id: string }> = await db.dataSource.query('SELECT id, building_id FROM educator');
    // The reference counts live evidence only, decided from the evidence table itself (archived items count nowhere).
    const live = new Set((await db.dataSource.query('SELECT id FROM evidence WHERE deleted_at IS NULL')).map((r: { id: string }) => r.id));
    const all = await repo.detailedFacts(db.dataSource.manager, { competencyIds: role.requirements.flatMap(countingCompetencies), asOf });
    const facts = all.filter((f) => live.has(f.evidenceId));
    expect(facts).toHaveLength(all.length); // the claim facts hold no archived evidence
    const byEducator = new Map<string, ClaimFact[]>();
    for (const f of facts) byEducator.set(f.educatorId, [...(byEducator.get(f.educatorId) ?? []), f]);
    const ctx = { policy, asOfDay: dayOf(asOf), asOf };
    const keys = educators
      .filter((e) => !buildingId || e.building_id === buildingId)
      .map((e) =>
        rankingKeyOf(
          role,
          {
            educatorId: e.id,
            hireDate: hireDates.get(e.id)!,
            factsByRequirement: role.requirements.map((r) =>
              (byEducator.get(e.id) ?? []).filter((f) => countingCompetencies(r).includes(f.competencyId)),
            ),
          },
          ctx,
        ),
      );
    return rankCandidates(keys, policy.tieBreak);
  }

  /**
   * The leading candidates the cache keeps, at depths that cut ties, through both statements: the full one (`enough`
   * refuses the scored-only answer) and, where the role allows it, the scored-only one, which holds exactly the
   * candidates ahead of the "nothing counts" tie.
   */
  async function expectLeadingRankings(role: RoleSpec, policy: ScoringPolicyValues, asOf: string, want: RankingKey[], buildingId?: string) {
    const shared = sharedRanks(want);
    const aheadOfZero = want.filter((w) => w.qualified || w.score > 0).length;
    for (const depth of [1, 2, 5, 13, 40, 59, 60, 61, 500]) {
      for (const scoredOnly of canRankScoredOnly(role) ? [true, false] : [false]) {
        const top = await repo.snapshot((m) => repo.rankTop(m, { role, policy, asOf, buildingId }, depth, () => scoredOnly));
        const held = scoredOnly ? Math.min(depth, want.length, aheadOfZero) : Math.min(depth, want.length);
        expect(top.ids.length).toBe(held);
        expect([...top.ids]).toEqual(want.slice(0, held).map((w) => w.educatorId));
        expect([...top.scores]).toEqual(want.slice(0, held).map((w) => w.score));
        expect([...top.requiredMet]).toEqual(want.slice(0, held).map((w) => w.requiredMet));
        expect([...top.qualified].map(Boolean)).toEqual(want.slice(0, held).map((w) => w.qualified));
        expect([...top.ranks].map((rank, i) => ({ rank, tied: top.tied[i] === 1 }))).toEqual(shared.slice(0, held));
        expect(top.total).toBe(want.length);
        expect(top.qualifiedCount).toBe(want.filter((w) => w.qualified).length);
      }
    }
  }

  it.each(POLICIES)('with %s, over 15 random roles and dates', async (_name, policy) => {
    let scored = 0;
    for (let k = 0; k < 15; k++) {
      const role = randomRole(k);
      const asOf = pick(['2025-06-01', '2019-03-15', '2026-12-31', '2024-02-29']);
      const want = await reference(role, policy, asOf);
      const got = await repo.rankPage(db.dataSource.manager, { role, policy, asOf, qualifiedOnly: false, first: 1000, offset: 0 });
      expect(got.keys).toEqual(want);
      expect(got.ranks).toEqual(sharedRanks(want));
      expect(got.total).toBe(want.length);
      expect(got.qualifiedCount).toBe(want.filter((w) => w.qualified).length);
      // The whole ranking the cache keeps: the same order, ranks and tie sizes.
      const whole = await repo.snapshot((m) => repo.rankAll(m, { role, policy, asOf }));
      expect([...whole.ids]).toEqual(want.map((w) => w.educatorId));
      expect([...whole.scores]).toEqual(want.map((w) => w.score));
      expect([...whole.qualified].map(Boolean)).toEqual(want.map((w) => w.qualified));
      expect([...whole.ranks].map((rank, i) => ({ rank, tied: whole.tied[i] === 1 }))).toEqual(sharedRanks(want));
      expect(whole.qualifiedCount).toBe(got.qualifiedCount);
      expect(whole.total).toBe(want.length);
      await expectLeadingRankings(role, policy, asOf, want);
      scored += want.filter((w) => w.score > 0).length;
    }
    expect(scored).toBeGreaterThan(100);
  });

  it('has archived evidence in the district, and archiving or restoring an item moves its holder exactly as the domain says', async () => {
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence e WHERE e.deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM evidence_claim c WHERE c.evidence_id = e.id)`,
    );
    expect(n).toBeGreaterThan(10);
    const [item] = await db.dataSource.query(`SELECT e.id, c.competency_id FROM evidence e JOIN evidence_claim c ON c.evidence_id = e.id
      WHERE e.deleted_at IS NULL AND e.verification_status = 'VERIFIED' AND e.expires_on IS NULL AND e.kind <> 'COURSE' LIMIT 1`);
    const role: RoleSpec = {
      roleId: 'archive',
      minYearsOfService: null,
      requirements: [{ requirementId: 'q', competencyId: item.competency_id, minLevel: 1, weight: 1, kind: 'REQUIRED' }],
    };
    const rank = () =>
      repo.rankPage(db.dataSource.manager, {
        role,
        policy: DEFAULT_SCORING_POLICY,
        asOf: '2026-12-31',
        qualifiedOnly: false,
        first: 1000,
        offset: 0,
      });
    try {
      await db.dataSource.query('UPDATE evidence SET deleted_at = now() WHERE id = $1', [item.id]);
      expect((await rank()).keys).toEqual(await reference(role, DEFAULT_SCORING_POLICY, '2026-12-31'));
    } finally {
      await db.dataSource.query('UPDATE evidence SET deleted_at = NULL WHERE id = $1', [item.id]);
    }
    expect((await rank()).keys).toEqual(await reference(role, DEFAULT_SCORING_POLICY, '2026-12-31'));
  });

  it('filters by building and qualification and pages consistently', async () => {
    for (let k = 0; k < 8; k++) {
      const role = randomRole(k);
      const want = await reference(role, DEFAULT_SCORING_POLICY, '2025-06-01', buildings[1]);
      const page = (offset: number, qualifiedOnly = false) =>
        repo.rankPage(db.dataSource.manager, {
          role,
          policy: DEFAULT_SCORING_POLICY,
          asOf: '2025-06-01',
          buildingId: buildings[1],
          qualifiedOnly,
          first: 7,
          offset,
        });
      const pages = [await page(0), await page(7), await page(14), await page(21), await page(28)];
      expect(pages.flatMap((p) => p.keys)).toEqual(want);
      await expectLeadingRankings(role, DEFAULT_SCORING_POLICY, '2025-06-01', want, buildings[1]);
      expect(pages.flatMap((p) => p.ranks)).toEqual(sharedRanks(want));
      expect(pages.every((p) => p.total === want.length)).toBe(true);
      const qualified = await page(0, true);
      expect(qualified.keys).toEqual(want.filter((w) => w.qualified).slice(0, 7));
      expect(qualified.total).toBe(want.filter((w) => w.qualified).length);
      const beyond = await page(500);
      expect(beyond).toEqual({ keys: [], ranks: [], total: want.length, qualifiedCount: want.filter((w) => w.qualified).length });
    }
  });

  it('counts claims on exactMatchOf-crosswalked competencies as the domain does, and a crosswalk never lowers a score', async () => {
    let raised = 0;
    for (let k = 0; k < 12; k++) {
      const plain = randomRole(k);
      if (!plain.requirements.length) continue;
      const crosswalked: RoleSpec = {
        ...plain,
        requirements: plain.requirements.map((r) =>
          rand() < 0.7 ? { ...r, viaCrosswalk: comps.filter((c) => c !== r.competencyId && rand() < 0.4) } : r,
        ),
      };
      const asOf = pick(['2025-06-01', '2026-12-31']);
      const want = await reference(crosswalked, DEFAULT_SCORING_POLICY, asOf);
      const got = await repo.rankPage(db.dataSource.manager, {
        role: crosswalked,
        policy: DEFAULT_SCORING_POLICY,
        asOf,
        qualifiedOnly: false,
        first: 1000,
        offset: 0,
      });
      expect(got.keys).toEqual(want);
      // Adding the crosswalks never lowers anyone's score or met count; removing them never raises one.
      const before = new Map(
        (
          await repo.rankPage(db.dataSource.manager, {
            role: plain,
            policy: DEFAULT_SCORING_POLICY,
            asOf,
            qualifiedOnly: false,
            first: 1000,
            offset: 0,
          })
        ).keys.map((x) => [x.educatorId, x]),
      );
      for (const after of got.keys) {
        const b = before.get(after.educatorId)!;
        expect(after.score).toBeGreaterThanOrEqual(b.score);
        expect(after.metCount).toBeGreaterThanOrEqual(b.metCount);
        expect(after.requiredMet).toBeGreaterThanOrEqual(b.requiredMet);
        if (after.score > b.score) raised += 1;
      }
    }
    expect(raised).toBeGreaterThan(10);
  });
});
