/** The calendar day (UTC) of an instant, as the evidence table stores dates. */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** The day before `today`, but never before `floor` (an expiry may not precede the issue date). */
export function lastCountingDay(today: Date, floor: string | null): string {
  const yesterday = dayOf(new Date(today.getTime() - 86_400_000));
  return floor && floor > yesterday ? floor : yesterday;
}
