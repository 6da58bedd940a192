import { afterFailure, MAX_BACKOFF_MS, nextAttemptDelayMs, safeError } from './delivery.js';

describe('outbox retry rules', () => {
  it('backs off exponentially from the base delay and caps the wait', () => {
    expect([1, 2, 3, 4].map((a) => nextAttemptDelayMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(nextAttemptDelayMs(40)).toBe(MAX_BACKOFF_MS);
  });

  it('gives up after the last attempt and keeps the row as FAILED', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    expect(afterFailure(2, 3, now, 1000)).toEqual({ status: 'PENDING', nextAttemptAt: new Date('2026-11-30T10:00:02Z') });
    expect(afterFailure(3, 3, now, 1000)).toEqual({ status: 'FAILED', nextAttemptAt: now });
  });

  it('never keeps credentials from a connection string in a stored error', () => {
    const stored = safeError('connect ECONNREFUSED smtp://mailer:hunter2@mail.example:587\n retry');
    expect(stored).not.toContain('hunter2');
    expect(stored).toBe('connect ECONNREFUSED smtp://***@mail.example:587 retry');
  });
});
