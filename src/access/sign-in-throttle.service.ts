import { Inject, Injectable } from '@nestjs/common';
import { createRequire } from 'node:module';
import type { RateLimiterPostgres as RateLimiterPostgresType, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const { RateLimiterPostgres } = createRequire(import.meta.url)('rate-limiter-flexible') as {
  RateLimiterPostgres: typeof RateLimiterPostgresType;
};

/** Per-address budgets are wider than per-account ones: a school's staff often share one public address. */
const ADDRESS_FACTOR = 4;

/**
 * Locks out sign-in after repeated failures, per account and per client address. Counters live in
 * PostgreSQL (table sign_in_limit) so every instance of the service shares them.
 */
@Injectable()
export class SignInThrottle {
  private readonly perAccount: RateLimiterPostgresType;
  private readonly perAddress: RateLimiterPostgresType;
  private readonly lockoutSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig, db: DataSource) {
    const pool = (db.driver as unknown as { master: unknown }).master;
    const base = { storeClient: pool, storeType: 'pool', tableName: 'sign_in_limit', tableCreated: true, duration: config.lockoutSeconds };
    this.lockoutSeconds = config.lockoutSeconds;
    this.perAccount = new RateLimiterPostgres({ ...base, keyPrefix: 'account', points: config.maxSignInFailures });
    this.perAddress = new RateLimiterPostgres({ ...base, keyPrefix: 'address', points: config.maxSignInFailures * ADDRESS_FACTOR });
  }

  /**
   * Charges one attempt to the account and to the address before the password is checked, in one atomic
   * upsert each, so a parallel burst cannot run more checks than the budget: the attempt that finds the
   * budget spent is refused with TOO_MANY_REQUESTS and never reaches the hash. Refused attempts still count
   * (the counter is the number of attempts), so hammering a locked account also spends the address's budget.
   */
  async charge(email: string, address: string): Promise<void> {
    const account = email.toLowerCase();
    const results = await Promise.allSettled([this.perAccount.consume(account, 1), this.perAddress.consume(address, 1)]);
    const refused: RateLimiterRes[] = [];
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      if (r.reason instanceof Error) throw r.reason;
      refused.push(r.reason as RateLimiterRes);
    }
    if (refused.length) {
      const seconds = Math.max(1, Math.ceil(Math.max(...refused.map((r) => r.msBeforeNext)) / 1000));
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  /** The attempt failed: the failure that used up a budget starts a full lockout period. */
  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.lockIfSpent(this.perAccount, email.toLowerCase()), this.lockIfSpent(this.perAddress, address)]);
  }

  private async lockIfSpent(limiter: RateLimiterPostgresType, key: string): Promise<void> {
    const res = await limiter.get(key);
    if (res && res.remainingPoints <= 0) await limiter.block(key, this.lockoutSeconds);
  }

  /** The attempt was turned away before any password check (the hashing was busy): give its points back. */
  async refund(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.reward(email.toLowerCase(), 1), this.perAddress.reward(address, 1)]);
  }

  /** A successful sign-in clears that account's failures and gives the address its point back. */
  async recordSuccess(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.delete(email.toLowerCase()), this.perAddress.reward(address, 1)]);
  }
}
