import type { DataSource } from 'typeorm';

/** Direct-SQL factories for matching tests (the roles/educators/evidence APIs are built elsewhere). */

let seq = 0;
const next = () => `${process.pid}-${++seq}`;

export async function competencyIds(ds: DataSource, codes: string[]): Promise<Record<string, string>> {
  const rows: Array<{ id: string; code: string }> = await ds.query(
    `SELECT c.id, c.code FROM competency c JOIN competency_framework f ON f.id = c.framework_id
     WHERE f.code = 'DISTRICT-AI-READINESS' AND c.code = ANY($1)`,
    [codes],
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}

export async function insertBuilding(ds: DataSource, name = 'Building'): Promise<string> {
  const [row] = await ds.query(`INSERT INTO building (code, name) VALUES ($1, $2) RETURNING id`, [`B-${next()}`, name]);
  return row.id;
}

export async function insertEducator(ds: DataSource, opts: { buildingId: string; name?: string; hireDate?: string }): Promise<string> {
  const n = next();
  const [row] = await ds.query(
    `INSERT INTO educator (full_name, work_email, building_id, hire_date, version) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
    [opts.name ?? `Educator ${n}`, `educator-${n}@test.example`, opts.buildingId, opts.hireDate ?? '2015-08-15'],
  );
  return row.id;
}

export interface EvidenceFixture {
  educatorId: string;
  kind: 'CERTIFICATION' | 'PILOT' | 'PROFESSIONAL_LEARNING' | 'PRESENTATION' | 'ARTIFACT' | 'COURSE';
  title?: string;
  status?: 'SELF_REPORTED' | 'ENDORSED' | 'VERIFIED';
  pilotPart?: 'LEAD' | 'CO_LEAD' | 'MEMBER';
  startedOn?: string | null;
  endedOn?: string | null;
  issuedOn?: string | null;
  expiresOn?: string | null;
  hours?: number;
  claims: Array<{ competencyId: string; level: number }>;
  /** Archive (soft-delete) the item once its claims are in: it must then count nowhere. */
  archived?: boolean;
}

/** Inserts an evidence item with the per-kind details its check constraints need, and its claims. */
export async function insertEvidence(ds: DataSource, f: EvidenceFixture): Promise<string> {
  const cert = f.kind === 'CERTIFICATION';
  const [row] = await ds.query(
    `INSERT INTO evidence (educator_id, kind, title, verification_status, pilot_part, started_on, ended_on, issuer, issued_on, expires_on,
       sessions, attendees, hours, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 1) RETURNING id`,
    [
      f.educatorId,
      f.kind,
      f.title ?? `${f.kind} ${next()}`,
      f.status ?? 'VERIFIED',
      f.kind === 'PILOT' ? (f.pilotPart ?? 'LEAD') : null,
      f.startedOn ?? null,
      f.endedOn ?? null,
      cert ? 'Issuer' : null,
      cert ? (f.issuedOn ?? '2024-01-01') : (f.issuedOn ?? null),
      f.expiresOn ?? null,
      f.kind === 'PROFESSIONAL_LEARNING' ? 3 : null,
      f.kind === 'PROFESSIONAL_LEARNING' ? 20 : null,
      f.kind === 'COURSE' ? (f.hours ?? 6) : null,
    ],
  );
  for (const c of f.claims) {
    await ds.query(`INSERT INTO evidence_claim (evidence_id, competency_id, level) VALUES ($1, $2, $3)`, [row.id, c.competencyId, c.level]);
  }
  if (f.archived) await ds.query(`UPDATE evidence SET deleted_at = now() WHERE id = $1`, [row.id]);
  return row.id;
}

export interface RoleFixture {
  title?: string;
  status?: 'DRAFT' | 'OPEN' | 'CLOSED' | 'FILLED';
  roleFte?: number;
  minYearsOfService?: number | null;
  requirements: Array<{ competencyId: string; minLevel: number; weight?: number; kind?: 'REQUIRED' | 'PREFERRED' }>;
}

export async function insertRole(ds: DataSource, f: RoleFixture): Promise<string> {
  const fte = f.roleFte ?? 0.4;
  const [row] = await ds.query(
    `INSERT INTO hybrid_role (title, classroom_fte, role_fte, status, min_years_of_service, version) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
    [f.title ?? `Role ${next()}`, Math.round((1 - fte) * 100) / 100, fte, f.status ?? 'OPEN', f.minYearsOfService ?? null],
  );
  for (const [i, r] of f.requirements.entries()) {
    await ds.query(
      `INSERT INTO role_requirement (role_id, competency_id, min_level, weight, kind, position) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, r.competencyId, r.minLevel, r.weight ?? 1, r.kind ?? 'REQUIRED', i],
    );
  }
  return row.id;
}

export async function insertCommitment(
  ds: DataSource,
  f: { educatorId: string; roleId: string; roleFte: number; startsOn: string; endsOn?: string | null },
): Promise<void> {
  await ds.query(`INSERT INTO hybrid_commitment (educator_id, role_id, role_fte, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5)`, [
    f.educatorId,
    f.roleId,
    f.roleFte,
    f.startsOn,
    f.endsOn ?? null,
  ]);
}
