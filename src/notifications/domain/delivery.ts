/** Retry rules for the outbox worker: exponential back-off from one minute, capped, then give up and keep the row. */
export const MAX_BACKOFF_MS = 6 * 3_600_000;

export function nextAttemptDelayMs(attempts: number, baseMs = 60_000): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** After `attempts` failed tries: try again later, or stop (FAILED, kept for HR to read). */
export function afterFailure(
  attempts: number,
  maxAttempts: number,
  now: Date,
  baseMs?: number,
): { status: 'PENDING' | 'FAILED'; nextAttemptAt: Date } {
  if (attempts >= maxAttempts) return { status: 'FAILED', nextAttemptAt: now };
  return { status: 'PENDING', nextAttemptAt: new Date(now.getTime() + nextAttemptDelayMs(attempts, baseMs)) };
}

/** An SMTP error as it may be stored and shown: one line, no credentials from a connection string, bounded. */
export function safeError(message: string): string {
  return message
    .replace(/[a-z][a-z0-9+.-]*:\/\/[^\s@/]*@/gi, (m) => m.replace(/\/\/[^@]*@/, '//***@'))
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}
