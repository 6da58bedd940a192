import { ErrorCode } from '../app-error.js';
import { HeavyWorkLimiter } from './heavy-work.js';

const turn = () => new Promise<void>((r) => setImmediate(r));

describe('HeavyWorkLimiter', () => {
  it('runs at most the bound at once, queues up to its bound, and refuses the next with BUSY and a retry hint', async () => {
    const limiter = new HeavyWorkLimiter({ heavyMaxConcurrent: 2, heavyMaxQueued: 1, heavyQueueWaitMs: 2500 });
    await limiter.acquire();
    await limiter.acquire();
    expect(limiter.activeCount).toBe(2);
    const queued = limiter.acquire();
    expect(limiter.queuedCount).toBe(1);
    await expect(limiter.acquire()).rejects.toMatchObject({ code: ErrorCode.BUSY, details: { retryAfterSeconds: 3 } });
    limiter.release();
    await queued;
    expect(limiter.activeCount).toBe(2);
    limiter.release();
    limiter.release();
    expect(limiter.activeCount).toBe(0);
  });

  it('hands a released slot to the next in line only on the next turn of the event loop, and lets nothing slip in meanwhile', async () => {
    const limiter = new HeavyWorkLimiter({ heavyMaxConcurrent: 1, heavyMaxQueued: 4, heavyQueueWaitMs: 5000 });
    await limiter.acquire();
    let started = false;
    const next = limiter.acquire().then(() => (started = true));
    limiter.release();
    // Not after the promise jobs already queued: I/O that arrived meanwhile is polled first.
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toBe(false);
    // The slot stays taken for the one in line: a newcomer waits behind it instead of running beside it.
    let newcomer = false;
    const late = limiter.acquire().then(() => (newcomer = true));
    expect(limiter.activeCount).toBe(1);
    await turn();
    await next;
    expect(started).toBe(true);
    expect(newcomer).toBe(false);
    limiter.release();
    await late;
    expect(newcomer).toBe(true);
    limiter.release();
    expect(limiter.activeCount).toBe(0);
  });

  it('refuses a request that waited past the wait bound with BUSY, and serves the queue after it', async () => {
    const limiter = new HeavyWorkLimiter({ heavyMaxConcurrent: 1, heavyMaxQueued: 4, heavyQueueWaitMs: 20 });
    await limiter.acquire();
    await expect(limiter.acquire()).rejects.toMatchObject({ code: ErrorCode.BUSY });
    expect(limiter.queuedCount).toBe(0);
    limiter.release();
    expect(limiter.activeCount).toBe(0);
    await expect(limiter.run(async () => 'done')).resolves.toBe('done');
  });
});
