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

  /** Throws TOO_MANY_REQUESTS while either the account or the address is locked out. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, addr] = await Promise.all([this.perAccount.get(email.toLowerCase()), this.perAddress.get(address)]);
    const locked = [account, addr].filter((r): r is RateLimiterRes => !!r && r.remainingPoints <= 0);
    if (locked.length) {
      const seconds = Math.ceil(Math.max(...locked.map((r) => r.msBeforeNext)) / 1000);
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minute(s).`, { retryAfterSeconds: seconds });
    }
  }

  /** Counts a failure; the failure that uses up the budget starts a full lockout period. */
  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.fail(this.perAccount, email.toLowerCase()), this.fail(this.perAddress, address)]);
  }

  private async fail(limiter: RateLimiterPostgresType, key: string): Promise<void> {
    const res = await limiter.consume(key, 1).catch((rejected: RateLimiterRes | Error) => {
      if (rejected instanceof Error) throw rejected;
      return rejected;
    });
    if (res.remainingPoints <= 0) await limiter.block(key, this.lockoutSeconds);
  }

  /** A successful sign-in clears that account's failures (not the address's). */
  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email.toLowerCase());
  }
}
