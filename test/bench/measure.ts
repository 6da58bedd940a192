import { performance } from 'node:perf_hooks';

export interface Stats {
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function statsOf(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    runs: samples.length,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    minMs: round(sorted[0]),
    maxMs: round(sorted[sorted.length - 1]),
  };
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Samples the process's memory every 5 ms, but only inside `during()` windows: the service's peak, not the
 * floors' (whose large result sets live in the same process). Each window starts after a full GC.
 */
export class MemoryWatch {
  peakRssMb = 0;
  peakHeapMb = 0;
  /** Peak heap (MB) of each named window, to tell which path a peak came from. */
  readonly peakHeapMbByPath: Record<string, number> = {};
  private path = '';
  private active = false;
  private timer?: NodeJS.Timeout;

  start(): void {
    this.timer = setInterval(() => this.sample(), 5);
    this.timer.unref();
  }

  async during<T>(path: string, work: () => Promise<T>): Promise<T> {
    (globalThis as { gc?: () => void }).gc?.();
    this.path = path;
    this.active = true;
    this.sample();
    try {
      return await work();
    } finally {
      this.sample();
      this.active = false;
    }
  }

  /** Only inside windows: outside them the heap holds the floors' large results, which are not the service's. */
  sample(): void {
    if (!this.active) return;
    const m = process.memoryUsage();
    this.peakRssMb = Math.max(this.peakRssMb, m.rss / 1048576);
    this.peakHeapMb = Math.max(this.peakHeapMb, m.heapUsed / 1048576);
    this.peakHeapMbByPath[this.path] = Math.max(this.peakHeapMbByPath[this.path] ?? 0, Math.round(m.heapUsed / 1048576));
  }

  stop(): { peakRssMb: number; peakHeapMb: number; peakHeapMbByPath: Record<string, number> } {
    if (this.timer) clearInterval(this.timer);
    return { peakRssMb: Math.round(this.peakRssMb), peakHeapMb: Math.round(this.peakHeapMb), peakHeapMbByPath: this.peakHeapMbByPath };
  }
}
