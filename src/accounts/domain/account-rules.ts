/** Rules about accounts that need no database: which personas exist, and whether a change keeps HR reachable. */

export interface AccountState {
  personas: readonly string[];
  disabled: boolean;
}

export const holdsEnabledHr = (a: AccountState): boolean => !a.disabled && a.personas.includes('HR');

/**
 * The district must never lock itself out: a change that takes the last enabled HR account away from HR
 * (by disabling it or removing the persona) is refused. `enabledHrCount` is counted under a lock by the caller.
 */
export function removesLastHr(before: AccountState, after: AccountState, enabledHrCount: number): boolean {
  return holdsEnabledHr(before) && !holdsEnabledHr(after) && enabledHrCount <= 1;
}

/** Personas as a set in a stable order, so audit entries and comparisons do not depend on input order. */
export function normalisePersonas(personas: readonly string[], order: readonly string[]): string[] {
  const wanted = new Set(personas);
  return order.filter((p) => wanted.has(p));
}
