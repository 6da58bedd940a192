import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceLifecycle } from './service-lifecycle.js';

export interface Readiness {
  ready: boolean;
  checks: { database: 'up' | 'down'; migrations: 'applied' | 'pending' | 'unknown'; draining: boolean };
  reason?: string;
}

const CHECK_TIMEOUT_MS = 2000;

/** Ready means: not draining, the database answers, and every migration this build knows is applied. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: ServiceLifecycle,
  ) {}

  async check(): Promise<Readiness> {
    const draining = this.lifecycle.draining;
    let database: Readiness['checks']['database'] = 'down';
    let migrations: Readiness['checks']['migrations'] = 'unknown';
    let reason: string | undefined;
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS);
      database = 'up';
      migrations = (await withTimeout(this.dataSource.showMigrations(), CHECK_TIMEOUT_MS)) ? 'pending' : 'applied';
    } catch (err) {
      reason = database === 'up' ? 'The migrations table could not be read' : 'The database does not answer';
      void err;
    }
    if (!reason && migrations === 'pending') reason = 'Migrations are pending: restart the service to apply them';
    if (draining) reason = 'The service is shutting down';
    return { ready: !reason, checks: { database, migrations, draining }, ...(reason ? { reason } : {}) };
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
