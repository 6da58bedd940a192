import type { DataSource } from 'typeorm';
import { hashDemoPasswords, insertDemoDistrict } from './demo-district.js';
import { generateDemoDistrict, type DemoOptions } from './demo-plan.js';

/** Serialises concurrent starts against one database so only one of them seeds. */
const SEED_LOCK = 4_242_002;

const buildingCount = async (ds: Pick<DataSource, 'query'>): Promise<number> =>
  (await ds.query('SELECT count(*)::int AS n FROM building'))[0].n;

/**
 * Loads the demo district when the database has no buildings yet (a fresh database); otherwise
 * leaves everything alone, so a restart keeps the data and whatever was changed since.
 * Returns whether it seeded.
 */
export async function seedDemoIfEmpty(ds: DataSource, log: (m: string) => void, options: Partial<DemoOptions> = {}): Promise<boolean> {
  if ((await buildingCount(ds)) > 0) return false;
  const district = generateDemoDistrict(options);
  const hashes = await hashDemoPasswords(district);
  const summary = await ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if ((await buildingCount(m)) > 0) return null;
    return insertDemoDistrict(m, district, hashes);
  });
  if (!summary) return false;
  log(
    `Loaded the demo district (seed ${district.options.seed}, as of ${district.options.asOf}): ${summary.buildings} buildings, ` +
      `${summary.educators} educators, ${summary.evidence} evidence items, ${summary.roles} roles, ${summary.accounts} demo accounts in ${summary.ms} ms`,
  );
  return true;
}
