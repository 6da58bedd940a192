import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';

export function dataSourceOptions(url: string, statementTimeoutMs = 0): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    // TypeORM's error logging prints the failed statement with its parameters (personal data):
    // failures are logged by formatError instead, without SQL text or parameters.
    logging: false,
    // Names the service's backends in pg_stat_activity (PGAPPNAME, libpq's variable, overrides it).
    applicationName: process.env.PGAPPNAME || 'pathways',
    // A connection attempt gives up after a few seconds, so an outage answers SERVICE_UNAVAILABLE instead of hanging.
    extra: { max: 10, connectionTimeoutMillis: 3000, ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}) },
  };
}

export function createDataSource(url: string, statementTimeoutMs = 0): DataSource {
  return new DataSource(dataSourceOptions(url, statementTimeoutMs));
}
