import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const url = process.env.PATHWAYS_TEST_SERVER_URL;
  const template = process.env.PATHWAYS_TEST_TEMPLATE;
  if (url && template) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  }
  const embedded = globalThis.__PATHWAYS_EMBEDDED__;
  if (embedded) {
    await embedded.server.stop();
    rmSync(embedded.dir, { recursive: true, force: true });
  }
}
