import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';

/** What one request may still spend: a wall-clock deadline and a share of database time. */
interface Budget {
  deadline: number;
  dbMsLeft: number;
}

const budgets = new AsyncLocalStorage<Budget>();

/** Opens a budget for each request; every statement the request runs is charged to it. */
export function requestBudget(wallMs: number, dbMs: number) {
  return (_req: Request, _res: Response, next: NextFunction): void => {
    if (wallMs <= 0) return next();
    budgets.run({ deadline: Date.now() + wallMs, dbMsLeft: dbMs > 0 ? dbMs : wallMs }, next);
  };
}

const isRollback = (text: unknown) => typeof text === 'string' && /^\s*ROLLBACK\b/i.test(text);

/** A driver-shaped error with SQLSTATE 57014, so it is answered like a cancelled statement (TIMEOUT). */
function spent(): Error {
  return Object.assign(new Error('canceling statement: the request used up its time budget'), { code: '57014' });
}

interface PgClientLike {
  processID?: number;
  query: (...args: unknown[]) => unknown;
  __budgeted?: boolean;
}

interface PgPoolLike {
  on(event: 'acquire', listener: (client: PgClientLike) => void): void;
  query(text: string, values: unknown[]): Promise<unknown>;
}

/**
 * Makes the data source's statements obey the budget of the request that runs them: a statement is refused
 * once the budget is spent, and one that runs past what is left is cancelled on the server
 * (pg_cancel_backend), so the connection and its locks are freed and the request answers TIMEOUT. `otherPools`
 * (the hot-read pool) are wrapped the same way. Work
 * outside a request (start-up, migrations, seeding) has no budget and is untouched.
 */
export function enforceRequestBudgets(dataSource: DataSource, ...otherPools: PgPoolLike[]): void {
  enforcePoolBudgets((dataSource.driver as unknown as { master: PgPoolLike }).master);
  for (const pool of otherPools) enforcePoolBudgets(pool);
}

function enforcePoolBudgets(pool: PgPoolLike): void {
  const cancel = (pid: number) => budgets.exit(() => pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined));
  pool.on('acquire', (client) => {
    if (client.__budgeted) return;
    client.__budgeted = true;
    // The driver's own method, looked up at each call (not captured once), so the instance stays a plain client.
    const query = (...args: unknown[]) => (Object.getPrototypeOf(client) as PgClientLike).query.apply(client, args);
    client.query = (...args: unknown[]) => {
      const budget = budgets.getStore();
      // Callback-style and streaming calls are the driver's own plumbing, not TypeORM's statements.
      // A rollback always runs: refusing it would hand the connection back to the pool mid-transaction.
      if (!budget || typeof args[args.length - 1] === 'function' || isRollback(args[0])) return query(...args);
      const left = Math.min(budget.deadline - Date.now(), budget.dbMsLeft);
      if (left <= 0) return Promise.reject(spent());
      const started = Date.now();
      const pid = client.processID;
      const timer = pid === undefined ? undefined : setTimeout(() => void cancel(pid), left);
      const result = query(...args) as Promise<unknown>;
      if (!result || typeof (result as Promise<unknown>).finally !== 'function') {
        if (timer) clearTimeout(timer);
        return result;
      }
      return result.finally(() => {
        if (timer) clearTimeout(timer);
        budget.dbMsLeft -= Date.now() - started;
      });
    };
  });
}
