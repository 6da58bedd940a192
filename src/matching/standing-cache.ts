import type { EducatorStandingModel } from './models/ranking.model.js';

/** Pages kept per cached standing (the first page is the one asked for again and again). */
const PAGES_PER_STANDING = 4;

/**
 * One educator's standing for every open role, scored and ordered, read from two snapshots: the educator's claims,
 * crosswalks and leaving date in one statement (`dataSnapshot`), and the open roles and policy as the open-roles cache
 * held them (`rolesSnapshot`). Valid while the data log shows no change since the first and the role log none since the
 * second; the pages already built are kept with it.
 */
export class CachedStanding<S> {
  private readonly pages = new Map<string, EducatorStandingModel>();

  constructor(
    readonly dataSnapshot: string,
    readonly rolesSnapshot: string,
    /** What building any page needs. */
    readonly scored: S,
  ) {}

  page(key: string): EducatorStandingModel | undefined {
    return this.pages.get(key);
  }

  keepPage(key: string, answer: EducatorStandingModel): EducatorStandingModel {
    if (this.pages.size >= PAGES_PER_STANDING) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, answer);
    return answer;
  }
}

/** Cached standings per (educator, district day), least recently used first out. */
export class StandingCache<S> {
  private readonly entries = new Map<string, CachedStanding<S>>();

  constructor(private readonly capacity: number) {}

  get enabled(): boolean {
    return this.capacity > 0;
  }

  static keyOf(educatorId: string, asOf: string): string {
    return `${educatorId}|${asOf}`;
  }

  get(key: string): CachedStanding<S> | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: CachedStanding<S>): void {
    if (!this.enabled) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops `entry` if it is still the one cached under `key` (a newer one is left alone). */
  drop(key: string, entry: CachedStanding<S>): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
