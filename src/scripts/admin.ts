import 'reflect-metadata';
import { isEmail } from 'class-validator';
import { parseArgs } from 'node:util';
import { createFirstHr } from '../accounts/first-hr.js';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';

const USAGE = `Administration commands for the database at DATABASE_URL (or the embedded server when unset).
Applies pending migrations first.

  npm run admin -- create-hr --email <address> [--name "<display name>"]

  create-hr  creates the first HR account of a new district and prints a one-time set-password link
             (valid SET_PASSWORD_LINK_TTL_HOURS hours). Refused when an enabled HR account already exists.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (command !== 'create-hr') {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const email = values.email?.trim().toLowerCase();
  if (!email || !isEmail(email)) {
    console.error('create-hr needs --email with an email address, for example --email hr@district.example');
    return 2;
  }
  const name = values.name?.trim() || email.split('@')[0];
  if (name.length > 200) {
    console.error('--name must be at most 200 characters');
    return 2;
  }
  const config = loadConfig();
  const db = await openDatabase(config, (m) => console.error(m));
  try {
    const { link } = await createFirstHr(db.dataSource, config, email, name);
    console.log(`Created the HR account ${email}. Give this one-time link to its owner to choose a password`);
    console.log(`(valid until ${link.expiresAt.toISOString()}; it is not stored and cannot be shown again):`);
    console.log(`  ${link.url}`);
    console.log(
      'Or set the password through the API: mutation { setPassword(input: { token: "<the token after #token=>", password: "..." }) { accessToken } }',
    );
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
