import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';
import { EndorserBuildingEntity } from '../accounts/endorser-building.entity.js';
import { hashPassword } from '../access/auth.service.js';
import { BuildingEntity } from '../buildings/building.entity.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { EvidenceClaimEntity } from '../evidence/evidence-claim.entity.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { HybridRoleEntity } from '../roles/hybrid-role.entity.js';
import { RoleRequirementEntity } from '../roles/role-requirement.entity.js';
import { DISTRICT, UNESCO, type CompetencyRef } from './demo-catalogue.js';
import { DEMO_EXTENSIONS } from './demo-extensions.js';
import { generateDemoDistrict, type DemoDistrict, type DemoOptions } from './demo-plan.js';

/** The one password every demo account shares; documented in the README. */
export const DEMO_PASSWORD = 'pathways-demo';

export interface DemoSummary {
  buildings: number;
  educators: number;
  evidence: number;
  claims: number;
  roles: number;
  accounts: number;
  ms: number;
}

/**
 * Argon2 is slow on purpose, so hash before the transaction opens, and once: every demo account
 * shares the documented demo password, so a per-account salt would protect nothing.
 */
export async function hashDemoPasswords(district: DemoDistrict): Promise<Map<string, string>> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return new Map(district.accounts.map((a) => [a.id, hash]));
}

/** Generates the district and loads it in one transaction. The caller decides whether the database may take it. */
export async function loadDemoDistrict(
  ds: DataSource,
  options: Partial<DemoOptions> = {},
): Promise<{ district: DemoDistrict; summary: DemoSummary }> {
  const district = generateDemoDistrict(options);
  const hashes = await hashDemoPasswords(district);
  const summary = await ds.transaction((m) => insertDemoDistrict(m, district, hashes));
  return { district, summary };
}

/** Inserts a generated district with bulk inserts through `m` (already inside a transaction). */
export async function insertDemoDistrict(
  m: EntityManager,
  district: DemoDistrict,
  passwordHashes: Map<string, string>,
): Promise<DemoSummary> {
  const started = Date.now();
  const competencyId = await competencyResolver(m);

  await bulkInsert(m, BuildingEntity, district.buildings);
  await bulkInsert(m, EducatorEntity, district.educators);
  await bulkInsert(
    m,
    HybridRoleEntity,
    district.roles.map(({ key: _key, requirements: _r, ...role }) => role),
  );
  await bulkInsert(
    m,
    RoleRequirementEntity,
    district.roles.flatMap((r) =>
      r.requirements.map(({ competency, ...q }) => ({ ...q, roleId: r.id, competencyId: competencyId(competency) })),
    ),
  );
  await bulkInsert(
    m,
    EvidenceEntity,
    district.evidence.map(({ claims: _c, verifiedAt, ...e }) => ({ ...e, verifiedAt: verifiedAt ? new Date(verifiedAt) : null })),
  );
  const claims = district.evidence.flatMap((e) =>
    e.claims.map((c) => ({ evidenceId: e.id, competencyId: competencyId(c.competency), level: c.level })),
  );
  await bulkInsert(m, EvidenceClaimEntity, claims);
  await bulkInsert(
    m,
    AccountEntity,
    district.accounts.map(({ endorserBuildingIds: _b, ...a }) => ({ ...a, passwordHash: passwordHashes.get(a.id) ?? null })),
  );
  const scopes = district.accounts.flatMap((a) => (a.endorserBuildingIds ?? []).map((buildingId) => ({ accountId: a.id, buildingId })));
  if (scopes.length) await bulkInsert(m, EndorserBuildingEntity, scopes);
  for (const extend of DEMO_EXTENSIONS) await extend(m, district);

  return {
    buildings: district.buildings.length,
    educators: district.educators.length,
    evidence: district.evidence.length,
    claims: claims.length,
    roles: district.roles.length,
    accounts: district.accounts.length,
    ms: Date.now() - started,
  };
}

/** Maps (framework code, competency code) to the ids the default-frameworks migration created. */
async function competencyResolver(m: EntityManager): Promise<(ref: CompetencyRef) => string> {
  const rows: Array<{ framework: string; code: string; id: string }> = await m.query(
    `SELECT f.code AS framework, c.code, c.id FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE f.code = ANY($1)`,
    [[UNESCO, DISTRICT]],
  );
  const ids = new Map(rows.map((r) => [`${r.framework}/${r.code}`, r.id]));
  return (ref) => {
    const id = ids.get(`${ref.framework}/${ref.code}`);
    if (!id)
      throw new Error(`The demo district needs competency ${ref.code} of framework ${ref.framework}; are the default frameworks migrated?`);
    return id;
  };
}

/**
 * Bulk insert through the entity's TypeORM metadata: rows are sent as one JSON parameter and expanded
 * with json_populate_recordset. TypeORM's InsertQueryBuilder spends ~0.3 ms per row binding
 * parameters, which made 3,000 evidence rows take over a second; this takes a few milliseconds.
 * Columns a row leaves undefined keep their database defaults; version columns start at 1.
 */
async function bulkInsert<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, rows: object[], chunk = 2000): Promise<void> {
  if (!rows.length) return;
  const meta = m.connection.getMetadata(entity);
  const esc = (name: string) => m.connection.driver.escape(name);
  const columns = meta.columns.filter((c) => c.isVersion || rows.some((r) => (r as Record<string, unknown>)[c.propertyName] !== undefined));
  const names = columns.map((c) => esc(c.databaseName)).join(', ');
  const sql = `INSERT INTO ${esc(meta.tableName)} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${esc(meta.tableName)}, $1::json)`;
  for (let i = 0; i < rows.length; i += chunk) {
    const records = rows.slice(i, i + chunk).map((r) => {
      const record: Record<string, unknown> = {};
      for (const c of columns) {
        const value = (r as Record<string, unknown>)[c.propertyName];
        record[c.databaseName] = c.isVersion ? (value ?? 1) : value;
      }
      return record;
    });
    await m.query(sql, [JSON.stringify(records)]);
  }
}
