import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import pLimit, { type LimitFunction } from 'p-limit';
import { AppError, ErrorCode } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * Password checks cost ~250 ms of a core and 64 MB each: a few run at once, a few more wait, and the rest
 * are told to come back, so a burst of sign-ins cannot take the service's CPU and memory.
 */
@Injectable()
export class PasswordHashing {
  private readonly limit: LimitFunction;
  private readonly maxQueued: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = pLimit(config.maxConcurrentHashes);
    this.maxQueued = config.maxQueuedHashes;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    if (this.limit.activeCount >= this.limit.concurrency && this.limit.pendingCount >= this.maxQueued) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Sign-in is busy; try again in a few seconds.', { retryAfterSeconds: 2 });
    }
    return this.limit(async () => {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    });
  }
}
