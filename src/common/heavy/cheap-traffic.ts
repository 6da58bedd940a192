/**
 * The cheap requests in flight on this instance (every request that is not a large answer), so heavy work can let
 * them finish before it takes the event loop again. A request that is served in several turns of the loop (its
 * body, the token check, a statement or two, its answer) otherwise waits behind a piece of heavy work at each turn.
 */
export class CheapTraffic {
  private lastId = 0;
  /** Ids in flight; a Set iterates in insertion order, so its first element is the oldest request in flight. */
  private readonly inFlight = new Set<number>();
  private waiters: Array<{ upTo: number; resolve: () => void; timer: NodeJS.Timeout }> = [];

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Counts a cheap request as started; call the function returned when it has ended (more calls do nothing). */
  begin(): () => void {
    const id = ++this.lastId;
    this.inFlight.add(id);
    return () => {
      if (this.inFlight.delete(id)) this.wake();
    };
  }

  /**
   * Resolves once every cheap request in flight now has ended, or after maxWaitMs, whichever comes first. Requests
   * that start meanwhile are not waited for, so a steady stream of cheap requests delays heavy work by at most one
   * round of them, never indefinitely.
   */
  drained(maxWaitMs: number): Promise<void> {
    if (this.inFlight.size === 0 || maxWaitMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const waiter = { upTo: this.lastId, resolve, timer: setTimeout(() => this.settle(waiter), maxWaitMs) };
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    const oldest = this.inFlight.values().next().value ?? Infinity;
    for (const w of this.waiters.filter((w) => w.upTo < oldest)) this.settle(w);
  }

  private settle(waiter: { resolve: () => void; timer: NodeJS.Timeout }): void {
    clearTimeout(waiter.timer);
    this.waiters = this.waiters.filter((w) => w !== waiter);
    waiter.resolve();
  }
}
