import { Inject, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AppError, ErrorCode } from '../app-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { CheapTraffic } from './cheap-traffic.js';

/**
 * Heavy work (computing a ranking, reports, exports, imports, CASE exports) runs through one bounded gate per
 * process: at most `heavyMaxConcurrent` at once, at most `heavyMaxQueued` more waiting, each waiting at most
 * `heavyQueueWaitMs`. Each running piece holds at most one or two database connections, so the pool keeps
 * `poolSize - heavyMaxConcurrent` connections (and the database most of its cores) for cheap requests, which
 * never queue behind heavy ones. Past the bound the request is refused at once with BUSY and a retry hint,
 * instead of waiting without limit.
 */
@Injectable()
export class HeavyWorkLimiter {
  private active = 0;
  private readonly waiting: Array<{ start: () => void; fail: (e: Error) => void; timer: NodeJS.Timeout }> = [];
  private cheap?: { traffic: CheapTraffic; maxWaitMs: number };

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'heavyMaxConcurrent' | 'heavyMaxQueued' | 'heavyQueueWaitMs'>) {}

  /**
   * From now on a freed slot passes to the next piece in line only once the cheap requests in flight at that
   * moment have ended (at most maxWaitMs later): each of them then waits behind at most the pieces already running,
   * not behind a new one at every turn of the event loop it needs.
   */
  yieldTo(traffic: CheapTraffic, maxWaitMs: number): this {
    this.cheap = { traffic, maxWaitMs };
    return this;
  }

  get activeCount(): number {
    return this.active;
  }

  get queuedCount(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Takes a slot, waiting in line for one when all are taken; refused with BUSY past the queue or wait bound. */
  acquire(): Promise<void> {
    if (this.active < this.config.heavyMaxConcurrent) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.config.heavyMaxQueued) return Promise.reject(busy(this.retryAfterSeconds()));
    return new Promise<void>((resolve, reject) => {
      const entry = {
        start: resolve,
        fail: reject,
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(busy(this.retryAfterSeconds()));
        }, this.config.heavyQueueWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  /**
   * Gives the slot back. A waiting piece takes it over (the slot stays counted, so nothing else slips in) but starts
   * only on the next turn of the event loop (setImmediate), and after the cheap requests in flight (yieldTo): the
   * cheap requests whose input arrived meanwhile are served between two heavy pieces instead of after a chain of
   * them run back to back.
   */
  release(): void {
    const next = this.waiting.shift();
    if (!next) {
      this.active--;
      return;
    }
    clearTimeout(next.timer);
    if (this.cheap) void this.cheap.traffic.drained(this.cheap.maxWaitMs).then(() => setImmediate(next.start));
    else setImmediate(next.start);
  }

  /** Seconds a refused client should wait: the queue's wait bound, rounded up, at least one. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.config.heavyQueueWaitMs / 1000));
  }
}

export function busy(retryAfterSeconds: number): AppError {
  return new AppError(
    ErrorCode.BUSY,
    `The service is busy with other heavy work (rankings, reports, exports, imports); retry in ${retryAfterSeconds} second(s). Nothing was changed.`,
    { retryAfterSeconds },
  );
}

const HEAVY = Symbol('heavyWork');

/** Marks a resolver or controller method as heavy work: it runs through the HeavyWorkLimiter. */
export const HeavyWork = (): MethodDecorator => SetMetadata(HEAVY, true);

/**
 * Runs GraphQL resolvers marked @HeavyWork() through the limiter. Interceptors run after guards, so the access guard
 * has already decided who is asking and whether they may: a refused caller gets UNAUTHENTICATED or FORBIDDEN, never
 * BUSY. Plain HTTP endpoints check their bearer token inside the handler, so they must not use the decorator: they
 * call HeavyWorkLimiter.run themselves once the caller is known.
 */
@Injectable()
export class HeavyWorkInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: HeavyWorkLimiter,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(HEAVY, context.getHandler())) return next.handle();
    return from(this.limiter.run(() => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
