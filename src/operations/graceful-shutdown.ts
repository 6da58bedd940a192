import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceLifecycle } from './service-lifecycle.js';

export interface ShutdownOptions {
  app: INestApplication;
  /** Closes the pool, then stops the embedded server when there is one. */
  closeDatabase: () => Promise<void>;
  drainDelayMs: number;
  timeoutMs: number;
  log: (message: string) => void;
}

/**
 * Drains and stops in this order: readiness turns 503 (for drainDelayMs, so load balancers stop sending), the
 * listener stops accepting, idle keep-alive connections close, in-flight requests get up to timeoutMs to finish
 * (then their connections are cut), Nest closes, the pool closes, and the embedded database stops last.
 */
export async function gracefulShutdown(opts: ShutdownOptions): Promise<void> {
  const { app, log } = opts;
  app.get(ServiceLifecycle).startDraining();
  if (opts.drainDelayMs > 0) {
    log(`Draining: readiness answers 503 for ${opts.drainDelayMs} ms before the listener closes`);
    await sleep(opts.drainDelayMs);
  }
  const server = app.getHttpServer() as Server;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Connections that finish a response while draining get `Connection: close`; sweep the idle ones as they appear.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  const finished = await Promise.race([closed.then(() => true), sleep(opts.timeoutMs).then(() => false)]);
  clearInterval(sweep);
  if (!finished) {
    log(`In-flight requests still running after ${opts.timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): closing their connections`);
    server.closeAllConnections();
    await closed;
  }
  await app.close();
  // A query still holding a connection keeps the pool open; statement_timeout ends it, and this bounds the wait.
  const dbClosed = await Promise.race([opts.closeDatabase().then(() => true), sleep(opts.timeoutMs).then(() => false)]);
  if (!dbClosed) log(`The database did not close within ${opts.timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): exiting anyway`);
  log('Stopped');
}
