import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { explainStartFailure } from '../../src/operations/start-failure.js';

describe('start-up failures name the setting to change', () => {
  let dir: string;
  let taken: Server;
  let takenPort: number;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pathways-start-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as AddressInfo).port;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => taken.close(resolve));
  });

  it('a taken embedded-database port names EMBEDDED_PG_PORT (embedded-postgres itself rejects with undefined)', async () => {
    await expect(startEmbeddedPostgres(join(dir, 'fresh'), takenPort)).rejects.toThrow(
      new RegExp(`Port ${takenPort} for the embedded PostgreSQL server is already in use: set EMBEDDED_PG_PORT`),
    );
  });

  it('a data folder held by a running server names EMBEDDED_PG_DIR', async () => {
    const held = join(dir, 'held');
    mkdirSync(held);
    writeFileSync(join(held, 'PG_VERSION'), '18\n');
    writeFileSync(join(held, 'postmaster.pid'), `${process.pid}\n${held}\n`);
    await expect(startEmbeddedPostgres(held, takenPort)).rejects.toThrow(/is in use by another PostgreSQL server .*set EMBEDDED_PG_DIR/);
  });

  it('a data folder made by another PostgreSQL major names EMBEDDED_PG_DIR instead of failing inside the server', async () => {
    const old = join(dir, 'old-major');
    mkdirSync(old);
    writeFileSync(join(old, 'PG_VERSION'), '18\n');
    await expect(startEmbeddedPostgres(old, takenPort)).rejects.toThrow(
      /was made by PostgreSQL 18, but the embedded server is PostgreSQL 15: set EMBEDDED_PG_DIR/,
    );
  });

  it('a taken API port names PORT', () => {
    const err = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:3000'), { code: 'EADDRINUSE', port: 3000 });
    expect(explainStartFailure(err, { port: 3000 }).message).toBe(
      'Port 3000 is already in use (another Pathways or another program): set PORT to a free port, e.g. PORT=3001 npm start',
    );
    expect(explainStartFailure(new Error('other'), { port: 3000 }).message).toBe('other');
  });
});
