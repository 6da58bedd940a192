/**
 * What an operation's fields cost in the query cost limit (GRAPHQL_MAX_COST, default 5000). An ordinary field
 * costs 1 and a paged list its page size times what each item selects; fields doing district-wide work carry
 * that work as a fixed price, so repeating one under aliases adds up and the default limit admits about one
 * such piece of work per request. Prices follow the bench: a ranking reads every educator's claims for every
 * requirement; a report aggregates every educator and building; a CSV rendering walks the whole report again.
 */
export const COST = {
  /** roleRanking, candidate standings across the district. */
  RANKING: 2500,
  /** One educator's standing for every open role, or one explanation: ranks them against the district. */
  STANDING: 500,
  /** A capacity report (coverage, heat map, gaps, overextension, pipeline). */
  REPORT: 1500,
  /** A CSV rendering of a report or comparison, on top of the report itself. */
  CSV_EXPORT: 500,
  /** A side-by-side comparison of chosen candidates. */
  COMPARISON: 500,
} as const;
