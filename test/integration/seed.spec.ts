import argon2 from 'argon2';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../../src/seed/demo-district.js';
import { generateDemoDistrict } from '../../src/seed/demo-plan.js';
import { DEMO_ROUND_ROLE_KEY, planDemoHiringRound } from '../../src/seed/demo-hiring-round.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const OPTIONS = { seed: 2026, asOf: '2026-09-01' };
const TABLES = [
  'building',
  'educator',
  'hybrid_role',
  'role_requirement',
  'evidence',
  'evidence_claim',
  'account',
  'panel_member',
  'role_hiring_settings',
  'application',
  'application_transition',
];
const quiet = () => undefined;

/** Row count and a hash of every row's content, minus the columns the database stamps itself. */
async function fingerprint(ds: DataSource): Promise<Record<string, { n: number; hash: string }>> {
  const out: Record<string, { n: number; hash: string }> = {};
  for (const table of TABLES) {
    const [row] = await ds.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(j::text, '|' ORDER BY j::text), '')) AS hash
         FROM (SELECT to_jsonb(t) - 'created_at' - 'updated_at' - 'password_hash' AS j FROM "${table}" t) s`,
    );
    out[table] = row;
  }
  return out;
}

const one = async <T = Record<string, unknown>>(ds: DataSource, sql: string, params: unknown[] = []): Promise<T> =>
  (await ds.query(sql, params))[0];

describe('the demo district', () => {
  let a: TestDatabase;
  let b: TestDatabase;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    expect(await seedDemoIfEmpty(a.dataSource, quiet, OPTIONS)).toBe(true);
    expect(await seedDemoIfEmpty(b.dataSource, quiet, OPTIONS)).toBe(true);
  });
  afterAll(async () => {
    await Promise.all([a?.drop(), b?.drop()]);
  });

  it('is deterministic: two databases loaded with the same seed and date hold identical rows', async () => {
    const [fa, fb] = await Promise.all([fingerprint(a.dataSource), fingerprint(b.dataSource)]);
    expect(fa).toEqual(fb);
    expect(fa.evidence.n).toBeGreaterThan(0);
  });

  it('meets the promised volume and mix', async () => {
    const ds = a.dataSource;
    const buildings = await ds.query(`SELECT level, count(*)::int AS n FROM building GROUP BY level ORDER BY level`);
    expect(buildings.map((r: { level: string }) => r.level)).toEqual(['ELEMENTARY', 'HIGH', 'MIDDLE']);
    expect(buildings.reduce((s: number, r: { n: number }) => s + r.n, 0)).toBeGreaterThanOrEqual(8);
    expect(await one(ds, `SELECT count(*)::int AS n, count(DISTINCT lower(work_email))::int AS emails FROM educator`)).toEqual({
      n: 400,
      emails: 400,
    });

    const kinds = await ds.query(`SELECT kind, count(*)::int AS n FROM evidence GROUP BY kind ORDER BY kind`);
    expect(kinds.map((k: { kind: string }) => k.kind)).toEqual([
      'ARTIFACT',
      'CERTIFICATION',
      'COURSE',
      'PILOT',
      'PRESENTATION',
      'PROFESSIONAL_LEARNING',
    ]);
    expect(kinds.reduce((s: number, k: { n: number }) => s + k.n, 0)).toBeGreaterThanOrEqual(3000);

    const mix = await one<{ course_only: number; certified: number; pilot_leads: number }>(
      ds,
      `SELECT count(*) FILTER (WHERE kinds = ARRAY['COURSE']::varchar[])::int AS course_only,
              count(*) FILTER (WHERE 'CERTIFICATION' = ANY(kinds))::int AS certified,
              count(*) FILTER (WHERE lead)::int AS pilot_leads
         FROM (SELECT educator_id, array_agg(DISTINCT kind) AS kinds, bool_or(pilot_part = 'LEAD') AS lead FROM evidence GROUP BY educator_id) s`,
    );
    expect(mix.course_only).toBeGreaterThan(200);
    expect(mix.certified).toBeGreaterThan(0);
    expect(mix.certified).toBeLessThan(100);
    expect(mix.pilot_leads).toBeGreaterThan(0);
    expect(mix.pilot_leads).toBeLessThan(100);

    const statuses = await ds.query(`SELECT DISTINCT verification_status AS s FROM evidence ORDER BY 1`);
    expect(statuses.map((r: { s: string }) => r.s)).toEqual(['ENDORSED', 'SELF_REPORTED', 'VERIFIED']);
    const expired = await one<{ n: number }>(
      ds,
      `SELECT count(*)::int AS n FROM evidence WHERE kind = 'CERTIFICATION' AND expires_on < $1`,
      [OPTIONS.asOf],
    );
    expect(expired.n).toBeGreaterThan(0);
    expect(expired.n).toBeLessThan(20);
  });

  it('claims one to three competencies per item, at plausible levels', async () => {
    const ds = a.dataSource;
    const perItem = await one(
      ds,
      `SELECT min(n)::int AS min, max(n)::int AS max FROM (SELECT e.id, count(c.*) AS n FROM evidence e LEFT JOIN evidence_claim c ON c.evidence_id = e.id GROUP BY e.id) s`,
    );
    expect(perItem).toEqual({ min: 1, max: 3 });
    const frameworks = await ds.query(
      `SELECT DISTINCT f.code FROM evidence_claim c JOIN competency k ON k.id = c.competency_id JOIN competency_framework f ON f.id = k.framework_id ORDER BY 1`,
    );
    expect(frameworks.map((r: { code: string }) => r.code)).toEqual(['DISTRICT-AI-READINESS', 'UNESCO-AI-CFT-2024']);
    const levels = await ds.query(
      `SELECT e.kind, min(c.level)::int AS min, max(c.level)::int AS max FROM evidence e JOIN evidence_claim c ON c.evidence_id = e.id GROUP BY e.kind ORDER BY e.kind`,
    );
    const byKind = Object.fromEntries(levels.map((r: { kind: string; min: number; max: number }) => [r.kind, [r.min, r.max]]));
    expect(byKind.COURSE).toEqual([1, 1]); // attendance is exposure
    expect(byKind.PROFESSIONAL_LEARNING[1]).toBe(3);
    expect(byKind.PILOT[1]).toBe(3);
    expect(byKind.CERTIFICATION).toEqual([2, 2]);
  });

  it('has open hybrid roles modelled on the emerging roles, plus one draft', async () => {
    const ds = a.dataSource;
    const roles = await ds.query(
      `SELECT title, status, classroom_fte::float AS c, role_fte::float AS r, stipend, openings, closing_date::text AS closes FROM hybrid_role ORDER BY title`,
    );
    expect(roles.filter((r: { status: string }) => r.status === 'DRAFT')).toHaveLength(1);
    const open = roles.filter((r: { status: string }) => r.status === 'OPEN');
    expect(open.length).toBeGreaterThanOrEqual(5);
    for (const title of [
      'AI Integration Specialist',
      'Instructional Innovation Coach',
      'Digital Learning Leader',
      'Curriculum Redesign Facilitator',
      'Data Ethics Team Member',
    ]) {
      expect(open.map((r: { title: string }) => r.title)).toContain(title);
    }
    for (const r of roles) {
      expect(r.c + r.r).toBeLessThanOrEqual(1);
      expect(r.closes > OPTIONS.asOf).toBe(true);
      expect(r.stipend).toBeGreaterThan(0);
    }
    const reqs = await one(
      ds,
      `SELECT min(min_level)::int AS lo, max(min_level)::int AS hi, count(DISTINCT kind)::int AS kinds FROM role_requirement`,
    );
    expect(reqs).toEqual({ lo: 2, hi: 3, kinds: 2 });
    const withoutRequired = await ds.query(
      `SELECT r.title FROM hybrid_role r WHERE NOT EXISTS (SELECT 1 FROM role_requirement q WHERE q.role_id = r.id AND q.kind = 'REQUIRED')`,
    );
    expect(withoutRequired).toEqual([]);
  });

  it("includes the domain brief's seed case: candidate A and candidate B", async () => {
    const ds = a.dataSource;
    const { candidateA, candidateB } = generateDemoDistrict(OPTIONS).highlights;
    const evidenceOf = (id: string) =>
      ds.query(
        `SELECT kind, hours::float AS hours, verification_status AS status, pilot_part AS part FROM evidence WHERE educator_id = $1`,
        [id],
      );

    const aItems = await evidenceOf(candidateA.id);
    expect(new Set(aItems.map((e: { kind: string }) => e.kind))).toEqual(new Set(['COURSE']));
    expect(aItems.reduce((s: number, e: { hours: number }) => s + e.hours, 0)).toBe(120);
    const aYears = await one<{ y: number }>(
      ds,
      `SELECT extract(year FROM age($1::date, hire_date))::int AS y FROM educator WHERE id = $2`,
      [OPTIONS.asOf, candidateA.id],
    );
    expect(aYears.y).toBe(15);

    const bItems = await evidenceOf(candidateB.id);
    expect(bItems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'CERTIFICATION', status: 'VERIFIED' }),
        expect.objectContaining({ kind: 'PILOT', part: 'LEAD' }),
        expect.objectContaining({ kind: 'PROFESSIONAL_LEARNING' }),
      ]),
    );
    const bYears = await one<{ y: number }>(
      ds,
      `SELECT extract(year FROM age($1::date, hire_date))::int AS y FROM educator WHERE id = $2`,
      [OPTIONS.asOf, candidateB.id],
    );
    expect(bYears.y).toBe(6);
  });

  it('creates the demo accounts with argon2id hashes of the documented password', async () => {
    const ds = a.dataSource;
    const { candidateB } = generateDemoDistrict(OPTIONS).highlights;
    const accounts = await ds.query(`SELECT email, personas, educator_id, password_hash FROM account ORDER BY email`);
    expect(
      accounts.map((r: { email: string; personas: string[]; educator_id: string | null }) => [r.email, r.personas, r.educator_id]),
    ).toEqual([
      ['compliance@demo.pathways.test', ['COMPLIANCE'], null],
      ['hr@demo.pathways.test', ['HR'], null],
      ['luis.ortega@demo.pathways.test', ['PANELIST', 'EDUCATOR'], expect.any(String)],
      ['maya.okafor@demo.pathways.test', ['EDUCATOR'], candidateB.id],
      ['panel@demo.pathways.test', ['PANELIST'], null],
      ['principal.lincoln@demo.pathways.test', ['ENDORSER'], null],
    ]);
    // The demo endorser endorses at Lincoln Middle School only.
    expect(
      await ds.query(`SELECT b.code FROM endorser_building eb JOIN building b ON b.id = eb.building_id
      JOIN account a ON a.id = eb.account_id WHERE a.email = 'principal.lincoln@demo.pathways.test'`),
    ).toEqual([{ code: 'LMS' }]);
    for (const r of accounts) {
      expect(r.password_hash).toMatch(/^\$argon2id\$/);
      expect(await argon2.verify(r.password_hash, DEMO_PASSWORD)).toBe(true);
    }
  });

  it('has a hiring round in progress for the Instructional Innovation Coach: a seated panel, blind review, applications at real stages', async () => {
    const ds = a.dataSource;
    const district = generateDemoDistrict(OPTIONS);
    const role = district.roles.find((r) => r.key === DEMO_ROUND_ROLE_KEY)!;
    expect(role.title).toBe('Instructional Innovation Coach');
    const hr = district.accounts.find((x) => x.email === 'hr@demo.pathways.test')!;

    const panel = await ds.query(
      `SELECT a.email, pm.added_by FROM panel_member pm JOIN account a ON a.id = pm.account_id WHERE pm.role_id = $1 ORDER BY a.email`,
      [role.id],
    );
    expect(panel).toEqual([
      { email: 'luis.ortega@demo.pathways.test', added_by: hr.id },
      { email: 'panel@demo.pathways.test', added_by: hr.id },
    ]);
    expect(await one(ds, `SELECT count(*)::int AS n FROM panel_member WHERE role_id <> $1`, [role.id])).toEqual({ n: 0 });
    expect(await ds.query(`SELECT role_id, blind_review FROM role_hiring_settings`)).toEqual([{ role_id: role.id, blind_review: true }]);

    const apps: Array<{ id: string; name: string; status: string; version: number; statement: string; role_id: string }> = await ds.query(
      `SELECT a.id, e.full_name AS name, a.status, a.version, a.statement, a.role_id FROM application a JOIN educator e ON e.id = a.educator_id ORDER BY e.full_name`,
    );
    expect(apps.every((x) => x.role_id === role.id && x.statement.length > 0)).toBe(true);
    const statusOf = Object.fromEntries(apps.map((x) => [x.name, x.status]));
    expect(statusOf['Maya Okafor']).toBe('SHORTLISTED');
    expect(statusOf['Daniel Whitaker']).toBe('SCREENED');
    expect(statusOf['Luis Ortega']).toBeUndefined();
    expect(apps.map((x) => x.status).sort()).toEqual(['SCREENED', 'SHORTLISTED', 'SHORTLISTED', 'SHORTLISTED', 'SUBMITTED']);
    // Nobody on the panel is a candidate for the role.
    expect(
      await ds.query(
        `SELECT 1 FROM application ap JOIN account ac ON ac.educator_id = ap.educator_id JOIN panel_member pm ON pm.account_id = ac.id AND pm.role_id = ap.role_id`,
      ),
    ).toEqual([]);

    // Each history reads as the hiring module writes it: submitted by the candidate, then HR's moves with reasons.
    for (const app of apps) {
      const steps: Array<{ from: string | null; to: string; actor: string | null; email: string; reason: string; at: Date }> =
        await ds.query(
          `SELECT from_status AS from, to_status AS to, actor_account_id AS actor, actor_email AS email, reason, at FROM application_transition WHERE application_id = $1 ORDER BY id`,
          [app.id],
        );
      expect(steps[0]).toMatchObject({ from: null, to: 'SUBMITTED' });
      expect(steps[0].email).not.toBe(hr.email);
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]).toMatchObject({ from: steps[i - 1].to, actor: hr.id, email: hr.email });
        expect(steps[i].reason.length).toBeGreaterThan(10);
        expect(steps[i].at.getTime()).toBeGreaterThan(steps[i - 1].at.getTime());
      }
      expect(steps[steps.length - 1].to).toBe(app.status);
      expect(app.version).toBe(steps.length);
      expect(steps[steps.length - 1].at.toISOString() < `${OPTIONS.asOf}T00:00:00.000Z`).toBe(true);
    }
    // Dates come from the plan (relative to asOf), not from the clock.
    const planned = planDemoHiringRound(district)
      .applications.map((x) => [x.id, x.submittedAt])
      .sort();
    const stored = (await ds.query(`SELECT id, submitted_at FROM application`))
      .map((r: { id: string; submitted_at: Date }) => [r.id, r.submitted_at.toISOString()])
      .sort();
    expect(stored).toEqual(planned);
    const maya = await one<{ actor: string }>(
      ds,
      `SELECT t.actor_account_id AS actor FROM application_transition t JOIN application a ON a.id = t.application_id WHERE a.educator_id = $1 AND t.from_status IS NULL`,
      [district.highlights.candidateB.id],
    );
    expect(maya.actor).toBe(district.accounts.find((x) => x.educatorId === district.highlights.candidateB.id)!.id);

    // Scores, offers and ranking runs are left for whoever tries the demo.
    expect(
      await one(
        ds,
        `SELECT (SELECT count(*) FROM panel_score)::int AS scores, (SELECT count(*) FROM offer)::int AS offers, (SELECT count(*) FROM ranking_run)::int AS runs`,
      ),
    ).toEqual({ scores: 0, offers: 0, runs: 0 });
  });

  it('loads only into an empty database: a second call changes nothing', async () => {
    const before = await fingerprint(a.dataSource);
    expect(await seedDemoIfEmpty(a.dataSource, quiet, { seed: 99, asOf: '2027-01-01' })).toBe(false);
    expect(await fingerprint(a.dataSource)).toEqual(before);
  });

  it('loads once when two processes start on the same empty database at the same time', async () => {
    const c = await createTestDatabase();
    try {
      const results = await Promise.all([seedDemoIfEmpty(c.dataSource, quiet, OPTIONS), seedDemoIfEmpty(c.dataSource, quiet, OPTIONS)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await fingerprint(c.dataSource)).toEqual(await fingerprint(b.dataSource));
    } finally {
      await c.drop();
    }
  });
});
