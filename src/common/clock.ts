/**
 * The district's day: THE definition of "today" for every rule that compares dates (expiry, closing dates,
 * the as-of day of rankings and reports). It is the UTC calendar day, whatever time zone the process runs in,
 * so an item's expiry shown to an educator and the day matching counts it on can never disagree.
 */
export function districtToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
