import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { resolveJwtSecret } from './config/jwt-secret.js';
import { openDatabase } from './database/open-database.js';
import { seedDemoIfEmpty } from './seed/demo-seed.js';

async function main(): Promise<void> {
  const logger = new Logger('Pathways');
  const config = resolveJwtSecret(loadConfig(), (m) => logger.log(m));
  const db = await openDatabase(config, (m) => logger.log(m));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal}: shutting down`);
    try {
      await app.close();
    } finally {
      await db.close();
      process.exit(0);
    }
  };
  if (config.seedDemo) await seedDemoIfEmpty(db.dataSource, (m) => logger.log(m));
  const app = await createApp(config, db.dataSource);
  // Our own handlers stop the embedded server after Nest has closed, so no data is lost on Ctrl-C.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen(config.port, config.host);
  logger.log(`Pathways is listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql (interface ${config.host})`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
