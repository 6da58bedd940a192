import { Lru } from '../common/lru.js';
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
export class StandingCache<S> extends Lru<CachedStanding<S>> {
  static keyOf(educatorId: string, asOf: string): string {
    return `${educatorId}|${asOf}`;
  }
}
