import { CheapTraffic } from './cheap-traffic.js';
import { HeavyWorkLimiter } from './heavy-work.js';

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
  return done;
};

describe('CheapTraffic', () => {
  it('is drained at once when nothing is in flight', async () => {
    expect(await settled(new CheapTraffic().drained(10_000))).toBe(true);
  });

  it('waits for the requests in flight when asked, not for those started after', async () => {
    const traffic = new CheapTraffic();
    const endA = traffic.begin();
    const endB = traffic.begin();
    const drained = traffic.drained(10_000);
    const endLate = traffic.begin();
    endB();
    expect(await settled(drained)).toBe(false);
    endA();
    endA(); // a second end changes nothing
    expect(await settled(drained)).toBe(true);
    expect(traffic.inFlightCount).toBe(1);
    endLate();
    expect(traffic.inFlightCount).toBe(0);
  });

  it('gives up waiting after the bound, so a stuck cheap request cannot hold heavy work back', async () => {
    const traffic = new CheapTraffic();
    traffic.begin();
    const started = Date.now();
    await traffic.drained(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(traffic.inFlightCount).toBe(1);
  });
});

describe('HeavyWorkLimiter.yieldTo', () => {
  it('hands a freed slot to the next heavy piece only once the cheap requests in flight have ended', async () => {
    const traffic = new CheapTraffic();
    const limiter = new HeavyWorkLimiter({ heavyMaxConcurrent: 1, heavyMaxQueued: 4, heavyQueueWaitMs: 5000 }).yieldTo(traffic, 10_000);
    await limiter.acquire();
    const next = limiter.acquire();
    const cheap = traffic.begin();
    limiter.release();
    expect(await settled(next)).toBe(false);
    expect(limiter.activeCount).toBe(1);
    cheap();
    expect(await settled(next)).toBe(true);
    limiter.release();
    expect(limiter.activeCount).toBe(0);
  });
});
