import type { DataSource } from 'typeorm';

export type ReadTarget = 'replica' | 'primary';

/**
 * Where a heavy read (rankings, standings, capacity reports) runs now: a caught-up replica or the primary.
 * database's ReadRouter provides it, so the modules that read declare what they need here and never import database.
 */
export abstract class ReadSource {
  abstract source(): Promise<{ source: DataSource; target: ReadTarget }>;
}

/** Where read routing is counted; operations' ServiceMetrics provides it. */
export abstract class ReadRoutingMetrics {
  abstract readRouted(target: ReadTarget, reason: string): void;
}
