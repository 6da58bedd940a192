import type { DataSource } from 'typeorm';

/**
 * A synthetic district, generated inside PostgreSQL (generate_series) so 100,000 educators take seconds:
 * one building per 500 educators, 5-15 evidence items per educator (10 on average) with 1-3 claims each,
 * 50 competencies (the 25 shipped plus 25 bench ones), 200 open roles with 3-6 requirements.
 * Choices hash row keys (no random() calls), so every run of a size draws from the same distribution.
 */
export const BENCH_FORMAT = 3;

export interface DistrictShape {
  educators: number;
  evidence: number;
  claims: number;
  roles: number;
  competencies: number;
  buildings: number;
  seconds: number;
}

/** A number in [0, 1) from text, stable across runs. */
const u = (expr: string) => `((hashtextextended(${expr}, 42) & 2147483647)::float8 / 2147483648)`;

export async function generateDistrict(ds: DataSource, educators: number, log: (m: string) => void): Promise<DistrictShape> {
  const started = Date.now();
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  const buildings = Math.max(2, Math.round(educators / 500));

  await q(`INSERT INTO competency_framework (code, title, version) VALUES ('BENCH', 'Bench framework', 1) ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO competency (framework_id, code, name, dimension, sort_order, version)
           SELECT f.id, 'B' || g, 'Bench competency ' || g, 'Bench', g, 1 FROM competency_framework f, generate_series(1, 25) g WHERE f.code = 'BENCH'`);
  await q(`INSERT INTO competency_level (competency_id, level, label)
           SELECT c.id, l, 'Level ' || l FROM competency c JOIN competency_framework f ON f.id = c.framework_id, generate_series(1, 4) l WHERE f.code = 'BENCH'`);

  await q(`INSERT INTO building (code, name) SELECT 'BB-' || lpad(g::text, 4, '0'), 'Bench building ' || g FROM generate_series(1, $1) g`, [
    buildings,
  ]);
  log(`  educators (${educators}) in ${buildings} buildings`);
  await q(
    `INSERT INTO educator (full_name, work_email, building_id, hire_date, version)
           SELECT 'Educator ' || g, 'educator' || g || '@bench.example', b.ids[1 + g % $2], DATE '2025-08-15' - (${u(`'h' || g`)} * 30 * 365)::int, 1
           FROM generate_series(1, $1) g, (SELECT array_agg(id ORDER BY code) AS ids FROM building) b`,
    [educators, buildings],
  );

  log('  evidence');
  // k-th item of an educator; r1 picks the kind, r2 the status, r3 the dates.
  await q(`INSERT INTO evidence (educator_id, kind, title, verification_status, pilot_part, started_on, ended_on, issuer, issued_on, expires_on,
             sessions, attendees, hours, version)
           SELECT x.educator_id, x.kind, x.kind || ' ' || x.k,
             CASE WHEN x.r2 < 0.40 THEN 'VERIFIED' WHEN x.r2 < 0.65 THEN 'ENDORSED' ELSE 'SELF_REPORTED' END,
             CASE WHEN x.kind = 'PILOT' THEN (ARRAY['LEAD','CO_LEAD','MEMBER','MEMBER'])[1 + (x.r2 * 1000)::int % 4] END,
             CASE WHEN x.kind <> 'CERTIFICATION' THEN x.day END,
             CASE WHEN x.kind IN ('PILOT','PROFESSIONAL_LEARNING','COURSE') THEN x.day + (x.r3 * 200)::int END,
             CASE WHEN x.kind = 'CERTIFICATION' THEN 'Bench issuer' END,
             CASE WHEN x.kind = 'CERTIFICATION' THEN x.day END,
             CASE WHEN x.kind = 'CERTIFICATION' AND x.r3 < 0.6 THEN x.day + 365 + (x.r3 * 2000)::int END,
             CASE WHEN x.kind = 'PROFESSIONAL_LEARNING' THEN 3 END,
             CASE WHEN x.kind = 'PROFESSIONAL_LEARNING' THEN 25 END,
             CASE WHEN x.kind = 'COURSE' THEN 6 END,
             1
           FROM (
             SELECT e.id AS educator_id, k,
               CASE WHEN r1 < 0.40 THEN 'COURSE' WHEN r1 < 0.55 THEN 'ARTIFACT' WHEN r1 < 0.65 THEN 'PRESENTATION'
                    WHEN r1 < 0.80 THEN 'PILOT' WHEN r1 < 0.90 THEN 'PROFESSIONAL_LEARNING' ELSE 'CERTIFICATION' END AS kind,
               r2, r3, DATE '2025-08-01' - (r3 * 8 * 365)::int AS day
             FROM educator e
             CROSS JOIN LATERAL generate_series(1, 5 + (${u(`e.id::text`)} * 11)::int) k
             CROSS JOIN LATERAL (SELECT ${u(`e.id::text || 'a' || k`)} AS r1, ${u(`e.id::text || 'b' || k`)} AS r2, ${u(`e.id::text || 'c' || k`)} AS r3) r
           ) x`);

  log('  claims');
  // 1-3 distinct competencies per item: (base + 17j) mod 50 never repeats for j < 3.
  await q(`INSERT INTO evidence_claim (evidence_id, competency_id, level)
           SELECT e.id, c.ids[1 + (e.base + 17 * j) % 50],
             CASE WHEN lv < 0.30 THEN 1 WHEN lv < 0.65 THEN 2 WHEN lv < 0.90 THEN 3 ELSE 4 END
           FROM (SELECT id, (${u(`id::text`)} * 50)::int % 50 AS base, 1 + (${u(`id::text || 'n'`)} * 3)::int % 3 AS n FROM evidence) e
           CROSS JOIN LATERAL generate_series(0, e.n - 1) j
           CROSS JOIN LATERAL (SELECT ${u(`e.id::text || 'l' || j`)} AS lv) l,
           (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM competency ORDER BY id LIMIT 50) s) c`);

  log('  roles');
  await q(`INSERT INTO hybrid_role (title, classroom_fte, role_fte, status, min_years_of_service, version)
           SELECT 'Bench role ' || lpad(g::text, 3, '0'), 0.6, 0.4, 'OPEN', CASE WHEN g % 10 = 0 THEN 5 END, 1 FROM generate_series(1, 200) g`);
  await q(`INSERT INTO role_requirement (role_id, competency_id, min_level, weight, kind, position)
           SELECT r.id, c.ids[1 + (r.base + 7 * j) % 50], 2 + (j + r.base) % 2, 0.5 + ((r.base + j) % 4) * 0.5,
             CASE WHEN j < 2 OR (r.base + j) % 3 = 0 THEN 'REQUIRED' ELSE 'PREFERRED' END, j
           FROM (SELECT id, (${u(`id::text`)} * 50)::int % 50 AS base, 3 + (${u(`id::text || 'n'`)} * 4)::int % 4 AS n FROM hybrid_role) r
           CROSS JOIN LATERAL generate_series(0, r.n - 1) j,
           (SELECT array_agg(id ORDER BY id) AS ids FROM (SELECT id FROM competency ORDER BY id LIMIT 50) s) c`);

  log('  commitments');
  await q(`INSERT INTO hybrid_commitment (educator_id, role_id, role_fte, starts_on)
           SELECT e.id, (SELECT id FROM hybrid_role ORDER BY title LIMIT 1), 0.2 + 0.2 * (${u(`e.id::text || 'f'`)} * 2)::int, DATE '2024-08-15'
           FROM educator e WHERE ${u(`e.id::text || 'c'`)} < 0.03`);
  log('  vacuum analyze');
  for (const table of [
    'building',
    'educator',
    'evidence',
    'evidence_claim',
    'evidence_claim_fact',
    'competency',
    'hybrid_role',
    'role_requirement',
    'hybrid_commitment',
  ]) {
    await q(`VACUUM ANALYZE ${table}`);
  }
  const [counts] = await q(`SELECT (SELECT count(*) FROM educator)::int AS educators, (SELECT count(*) FROM evidence)::int AS evidence,
    (SELECT count(*) FROM evidence_claim)::int AS claims, (SELECT count(*) FROM hybrid_role WHERE status = 'OPEN')::int AS roles,
    (SELECT count(*) FROM competency)::int AS competencies, (SELECT count(*) FROM building)::int AS buildings`);
  return { ...counts, seconds: (Date.now() - started) / 1000 };
}
