import { DemonstratedLevelsRepository } from '../../src/matching/sql/demonstrated-levels.repository.js';
import { demonstratedLevelsByCompetency } from '../../src/matching/domain/demonstrated-level.js';
import { dayOf, type ClaimFact, type VerificationStatus } from '../../src/matching/domain/evidence-rules.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, type EvidenceFixture } from '../support/matching-fixtures.js';
import { Prng } from '../../src/seed/prng.js';

const CODES = ['AI-TOOL-EVAL', 'AI-BIAS', 'DATA-PRIVACY', 'ASSESS-REDESIGN', 'PL-DESIGN'];
const KINDS: EvidenceFixture['kind'][] = ['CERTIFICATION', 'PILOT', 'PROFESSIONAL_LEARNING', 'PRESENTATION', 'ARTIFACT', 'COURSE'];
const STATUSES: VerificationStatus[] = ['VERIFIED', 'ENDORSED', 'SELF_REPORTED'];

describe('demonstrated levels: the SQL builder and the pure rules agree', () => {
  let db: TestDatabase;
  let repo: DemonstratedLevelsRepository;
  let comps: Record<string, string>;
  let buildings: string[];
  const educatorBuilding = new Map<string, string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    repo = new DemonstratedLevelsRepository(db.dataSource);
    comps = await competencyIds(db.dataSource, CODES);
    buildings = [await insertBuilding(db.dataSource, 'North'), await insertBuilding(db.dataSource, 'South')];
    const random = new Prng(20250601);
    const rand = () => random.next();
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const date = (fromYear: number, toYear: number) => {
      const y = fromYear + Math.floor(rand() * (toYear - fromYear + 1));
      return `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    };
    for (let i = 0; i < 40; i++) {
      const buildingId = buildings[i % 2];
      const educatorId = await insertEducator(db.dataSource, { buildingId });
      educatorBuilding.set(educatorId, buildingId);
      for (let j = 0; j < 6; j++) {
        const kind = pick(KINDS);
        const started = rand() < 0.8 ? date(2018, 2026) : null;
        const issued = kind === 'CERTIFICATION' ? date(2018, 2026) : null;
        const expires = rand() < 0.5 ? date(2026, 2028) : rand() < 0.5 ? date(2020, 2025) : null;
        await insertEvidence(db.dataSource, {
          educatorId,
          kind,
          status: pick(STATUSES),
          pilotPart: pick(['LEAD', 'CO_LEAD', 'MEMBER'] as const),
          startedOn: started,
          issuedOn: issued,
          expiresOn: issued && expires && expires < issued ? null : expires,
          claims: [...new Set([pick(CODES), pick(CODES)])].map((code) => ({
            competencyId: comps[code],
            level: 1 + Math.floor(rand() * 4),
          })),
          archived: rand() < 0.15,
        });
      }
    }
  });
  afterAll(() => db.drop());

  async function facts(): Promise<Array<ClaimFact & { educatorId: string }>> {
    const rows = await db.dataSource.query(
      `SELECT e.educator_id, e.id, e.kind, e.pilot_part, e.verification_status, c.competency_id, c.level,
              e.issued_on::text AS issued_on, e.started_on::text AS started_on, e.expires_on::text AS expires_on
       FROM evidence e JOIN evidence_claim c ON c.evidence_id = e.id
       WHERE e.deleted_at IS NULL`, // archived (soft-deleted) evidence counts nowhere
    );
    const day = (d: string | null) => (d === null ? null : dayOf(d));
    return rows.map(
      (r: Record<string, string | null>) =>
        ({
          educatorId: r.educator_id,
          evidenceId: r.id,
          competencyId: r.competency_id,
          kind: r.kind,
          pilotPart: r.pilot_part,
          status: r.verification_status,
          claimedLevel: Number(r.level),
          startDay: day(r.issued_on ?? r.started_on),
          ageFromDay: null,
          expiresDay: day(r.expires_on),
        }) as ClaimFact & { educatorId: string },
    );
  }

  function expected(
    all: Array<ClaimFact & { educatorId: string }>,
    asOf: string,
    cap: number,
    statuses?: VerificationStatus[],
    buildingId?: string,
  ) {
    const byEducator = new Map<string, ClaimFact[]>();
    for (const f of all) {
      if (buildingId && educatorBuilding.get(f.educatorId) !== buildingId) continue;
      byEducator.set(f.educatorId, [...(byEducator.get(f.educatorId) ?? []), f]);
    }
    const out: string[] = [];
    for (const [educatorId, list] of byEducator) {
      for (const [competencyId, level] of demonstratedLevelsByCompetency(list, {
        asOfDay: dayOf(asOf),
        rules: { attendanceCapLevel: cap },
        statuses,
      })) {
        out.push(`${educatorId}/${competencyId}/${level}`);
      }
    }
    return out.sort();
  }

  it.each([
    ['2025-06-01', 1, undefined, false],
    ['2023-01-15', 1, ['VERIFIED', 'ENDORSED'] as VerificationStatus[], false],
    ['2027-03-01', 2, ['VERIFIED'] as VerificationStatus[], true],
    ['2021-12-31', 0, undefined, true],
  ])('as of %s with attendance cap %s, statuses %j, building filter %s', async (asOf, cap, statuses, byBuilding) => {
    const all = await facts();
    const buildingId = byBuilding ? buildings[1] : undefined;
    const rows = await repo.demonstratedLevels({
      competencyIds: Object.values(comps),
      asOf,
      statuses,
      buildingId,
      policy: { attendanceCapLevel: cap },
    });
    const got = rows.map((r) => `${r.educatorId}/${r.competencyId}/${r.level}`).sort();
    expect(got.length).toBeGreaterThan(10);
    expect(got).toEqual(expected(all, asOf, cap, statuses, buildingId));
  });

  it('never counts archived evidence: the levels equal those computed without it', async () => {
    const [{ n }] = await db.dataSource.query('SELECT count(*)::int AS n FROM evidence WHERE deleted_at IS NOT NULL');
    expect(n).toBeGreaterThan(10);
    const archivedOnly = await db.dataSource.query(
      `SELECT e.educator_id, c.competency_id FROM evidence e JOIN evidence_claim c ON c.evidence_id = e.id WHERE e.deleted_at IS NOT NULL`,
    );
    const rows = await repo.demonstratedLevels({
      competencyIds: Object.values(comps),
      asOf: '2027-03-01',
      policy: { attendanceCapLevel: 4 },
    });
    expect(rows.map((r) => `${r.educatorId}/${r.competencyId}/${r.level}`).sort()).toEqual(expected(await facts(), '2027-03-01', 4));
    expect(archivedOnly.length).toBeGreaterThan(0);
  });

  it('narrows to the educators and competencies asked for', async () => {
    const all = await facts();
    const someone = all[0].educatorId;
    const rows = await repo.demonstratedLevels({
      competencyIds: [comps['AI-BIAS']],
      asOf: '2025-06-01',
      educatorIds: [someone],
      policy: { attendanceCapLevel: 1 },
    });
    const want = expected(
      all.filter((f) => f.educatorId === someone && f.competencyId === comps['AI-BIAS']),
      '2025-06-01',
      1,
    );
    expect(rows.map((r) => `${r.educatorId}/${r.competencyId}/${r.level}`)).toEqual(want);
    expect(await repo.demonstratedLevels({ competencyIds: [], asOf: '2025-06-01', policy: { attendanceCapLevel: 1 } })).toEqual([]);
  });
});
