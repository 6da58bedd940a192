// The reliability suite: slow (it restarts and stops a PostgreSQL server of its own), so it is kept out of
// `npm test` (whose testMatch is *.spec.ts) and run by `npm run test:reliability`.
import { readFileSync } from 'node:fs';

const base = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).jest;
const { globalSetup: _setup, globalTeardown: _teardown, ...rest } = base;

export default {
  ...rest,
  rootDir: '../..',
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.reliability.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
