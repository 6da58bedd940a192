/**
 * Where a cache reports its hits and misses. Operations' ServiceMetrics provides it (as `CacheMetrics`), so a
 * domain module counts its cache lookups without importing operations; with no metrics wired, nothing is counted.
 */
export abstract class CacheMetrics {
  abstract cacheLookup(cache: string, hit: boolean): void;
}
