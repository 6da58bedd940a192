import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';
import { DEMO_PASSWORD, hashDemoPasswords, insertDemoDistrict } from '../seed/demo-district.js';
import { DEFAULT_DEMO_SEED, generateDemoDistrict } from '../seed/demo-plan.js';

const USAGE = `Loads the demo district into the database at DATABASE_URL (or the embedded server when unset).
Applies pending migrations first. Refuses when the database already has buildings, unless --reset.

  npm run seed -- [--reset] [--seed <n>] [--as-of YYYY-MM-DD]

  --reset    replace the district: empties buildings, educators, roles, evidence and accounts (and every
             table that references them) and loads the demo, in one transaction. Frameworks and the
             audit log are kept.
  --seed     random seed (default ${DEFAULT_DEMO_SEED}); the same seed and date give identical data
  --as-of    the day the data is generated for (default today); dates are relative to it`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      seed: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);

  const config = loadConfig();
  const district = generateDemoDistrict({ seed, asOf: values['as-of'] });
  const hashes = await hashDemoPasswords(district);
  const db = await openDatabase(config, (m) => console.log(m));
  try {
    const summary = await db.dataSource.transaction(async (m) => {
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM building');
      if (n > 0 && !values.reset) return null;
      // CASCADE also empties tables other modules add that reference these (applications, panels, ...).
      if (n > 0) await m.query('TRUNCATE building, educator, hybrid_role, evidence, account CASCADE');
      return insertDemoDistrict(m, district, hashes);
    });
    if (!summary) {
      console.error('The database already holds a district; nothing changed. Run with --reset to replace it with the demo district.');
      return 1;
    }
    const { candidateA, candidateB } = district.highlights;
    console.log(
      `Loaded the demo district (seed ${district.options.seed}, as of ${district.options.asOf}) in ${summary.ms} ms: ` +
        `${summary.buildings} buildings, ${summary.educators} educators, ${summary.evidence} evidence items ` +
        `(${summary.claims} competency claims), ${summary.roles} roles.`,
    );
    console.log(`Candidate A: ${candidateA.fullName} (${candidateA.id}); candidate B: ${candidateB.fullName} (${candidateB.id})`);
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of district.accounts) console.log(`  ${a.email.padEnd(36)} ${a.personas.join(', ')}`);
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
