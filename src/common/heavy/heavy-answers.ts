import type { NextFunction, Request, Response } from 'express';
import type { AppError } from '../app-error.js';
import type { CheapTraffic } from './cheap-traffic.js';
import { HeavyWorkLimiter } from './heavy-work.js';

/**
 * Root fields whose answers are large (a page of 50 explained candidates, a standing over every open role): even
 * served from the ranking cache, building and serialising one holds the event loop for milliseconds at a time.
 */
export const HEAVY_ANSWER_FIELDS: ReadonlySet<string> = new Set(['roleRanking', 'educatorStanding', 'myRoleStanding']);

/**
 * The per-instance bound on large answers in flight (HEAVY_ANSWERS_MAX_CONCURRENT, queue HEAVY_ANSWERS_MAX_QUEUED,
 * wait HEAVY_QUEUE_WAIT_MS), held from before the operation runs until its response has been written, so their
 * serialisation is bounded too, not just the resolver. Beside the heavy-work gate (computing a ranking takes a slot
 * of both): without it, a crowd of clients re-reading cached rankings keeps the event loop busy with their answers
 * back to back and cheap requests wait behind all of them; with it, at most this many are being built at once and the
 * loop serves cheap requests between two of them. Only operations naming such a root field with credentials are held
 * (the operation guard has parsed the document); past the bound the request answers BUSY (HTTP 503, Retry-After).
 * Every other request is counted in `traffic` while in flight (see HeavyWorkLimiter.yieldTo).
 */
export function heavyAnswersGate(limiter: HeavyWorkLimiter, traffic?: CheapTraffic, fields: ReadonlySet<string> = HEAVY_ANSWER_FIELDS) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const roots = res.locals.rootFields as Set<string> | undefined;
    if (!roots || !req.headers.authorization || ![...roots].some((f) => fields.has(f))) {
      // Everything else is cheap traffic, which heavy work lets finish before it takes the loop again.
      if (traffic) {
        const end = traffic.begin();
        res.once('finish', end);
        res.once('close', end);
      }
      return next();
    }
    // A client that goes away while waiting in line must not take the slot: its 'close' has already fired by then.
    let gone = false;
    const markGone = () => (gone = true);
    res.once('close', markGone);
    limiter.acquire().then(
      () => {
        res.off('close', markGone);
        if (gone) return limiter.release();
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          limiter.release();
        };
        res.once('finish', release);
        res.once('close', release);
        next();
      },
      (err: AppError) => {
        res.off('close', markGone);
        if (gone) return;
        const retryAfterSeconds = Number(err.details?.retryAfterSeconds ?? 1);
        res
          .status(503)
          .set('retry-after', String(retryAfterSeconds))
          .json({ errors: [{ message: err.message, extensions: { code: err.code ?? 'BUSY', retryAfterSeconds } }] });
      },
    );
  };
}
