// The reliability suite: slow (it restarts and stops a PostgreSQL server of its own), so it is kept out of
// `npm test` (whose projects match *.spec.ts) and run by `npm run test:reliability`. It reuses the unit
// project's transform and needs no global setup: it starts its own server.
import { readFileSync } from 'node:fs';

const { projects } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).jest;
const { displayName: _name, roots: _roots, testMatch: _match, ...unit } = projects.find((p) => p.displayName === 'unit');

export default {
  ...unit,
  rootDir: '../..',
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.reliability.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
