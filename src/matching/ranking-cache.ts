import type { FullRanking } from './sql/matching.repository.js';
import { Lru } from '../common/lru.js';
import type { RankedCandidateModel, RoleRankingModel } from './models/ranking.model.js';

/** What a cached ranking says besides its candidates (the same for every page). */
export type RankingHeader = Omit<RoleRankingModel, 'totalCount' | 'qualifiedCount' | 'nodes' | 'pageInfo'>;

/** Explained pages kept per ranking (the first pages are the ones read again and again). */
const PAGES_PER_RANKING = 16;

/** Positions [start, end) of a page; qualifiedOnly pages read the qualified prefix (qualified candidates sort first). */
export function pageBounds(
  ranking: Pick<FullRanking, 'total' | 'qualifiedCount'>,
  first: number,
  offset: number,
  qualifiedOnly: boolean,
): { start: number; end: number; total: number } {
  const total = qualifiedOnly ? ranking.qualifiedCount : ranking.total;
  const start = Math.min(offset, total);
  return { start, end: Math.min(total, start + first), total };
}

/** Whether every candidate of the page is among those the ranking holds. */
export const holdsPage = (ranking: FullRanking, first: number, offset: number, qualifiedOnly: boolean): boolean =>
  pageBounds(ranking, first, offset, qualifiedOnly).end <= ranking.ids.length;

/**
 * One computed ranking: its leading candidates in order (or every one), read in one snapshot, with the pages already
 * explained from that same snapshot. Valid while the change logs show nothing new since `snapshot`.
 */
export class CachedRanking<S = unknown> {
  private readonly pages = new Map<string, RankedCandidateModel[]>();

  constructor(
    readonly header: RankingHeader,
    readonly ranking: FullRanking,
    readonly snapshot: string,
    /** What explaining a page needs (the role, policy and day the ranking was computed for). */
    readonly scope: S,
  ) {}

  bounds(first: number, offset: number, qualifiedOnly: boolean): { start: number; end: number; total: number } {
    return pageBounds(this.ranking, first, offset, qualifiedOnly);
  }

  holds(first: number, offset: number, qualifiedOnly: boolean): boolean {
    return holdsPage(this.ranking, first, offset, qualifiedOnly);
  }

  page(start: number, end: number): RankedCandidateModel[] | undefined {
    return this.pages.get(`${start}:${end}`);
  }

  keepPage(start: number, end: number, nodes: RankedCandidateModel[]): void {
    if (this.pages.size >= PAGES_PER_RANKING) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(`${start}:${end}`, nodes);
  }
}

/**
 * Computed rankings in memory, least recently used first out, and the computations under way (so concurrent
 * first requests for the same ranking compute it once and share it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one cache holds rankings of every scope type; callers get their own type back from computeOnce()
export class RankingCache extends Lru<CachedRanking<any>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  private readonly computing = new Map<string, { entry: Promise<CachedRanking<any>>; depth: number }>();

  static keyOf(roleId: string, buildingId: string | null | undefined, asOf: string): string {
    return `${roleId}|${buildingId ?? ''}|${asOf}`;
  }

  /**
   * The ranking under `key`, at least `depth` candidates deep, computed by `compute` unless a computation at least as
   * deep is already under way (a deeper one replaces a shallower one under the key; the last to finish is kept).
   */
  computeOnce<S>(
    key: string,
    depth: number,
    compute: () => Promise<CachedRanking<S>>,
  ): { entry: Promise<CachedRanking<S>>; joined: boolean } {
    const running = this.computing.get(key);
    if (running && running.depth >= depth) return { entry: running.entry, joined: true };
    const mine = {
      depth,
      entry: compute()
        .then((e) => {
          this.set(key, e);
          return e;
        })
        .finally(() => {
          if (this.computing.get(key) === mine) this.computing.delete(key);
        }),
    };
    this.computing.set(key, mine);
    return { entry: mine.entry, joined: false };
  }
}
