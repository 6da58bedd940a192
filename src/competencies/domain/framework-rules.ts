import { badInput } from '../../common/app-error.js';
import { checkLevelsContiguous } from './levels.js';

/** `extensions.reason` values of the competencies module's errors (see the README's error table). */
export enum CompetencyReason {
  /** Fewer levels would remove a level that claims, requirements, panel scores or capabilities stand on. */
  LEVEL_IN_USE = 'LEVEL_IN_USE',
  /** The framework's competencies are used, so it can only be retired. */
  FRAMEWORK_IN_USE = 'FRAMEWORK_IN_USE',
  /** The framework is retired: it takes no new competencies and no edits but restoring. */
  FRAMEWORK_RETIRED = 'FRAMEWORK_RETIRED',
}

export interface ScaleLevel {
  level: number;
  label: string;
  descriptor: string;
}

/** The highest level something stands on, per competency (only competencies that use any level above 1 matter). */
export interface LevelUse {
  competencyCode: string;
  level: number;
  claims: number;
  requirements: number;
  /** Saved capability components and trusted-issuer mappings standing on the level. */
  other?: number;
}

/**
 * A new scale for a framework's competencies: numbered 1..n without gaps, and not shorter than the highest level any
 * claim or requirement of a competency that follows the scale stands on (the database would refuse the delete; the
 * message says what to keep instead).
 */
export function checkScaleChange(next: readonly ScaleLevel[], uses: readonly LevelUse[]): void {
  checkLevelsContiguous(next.map((l) => l.level));
  const top = next.length;
  const above = uses.filter((u) => u.level > top).sort((a, b) => b.level - a.level || a.competencyCode.localeCompare(b.competencyCode));
  if (!above.length) return;
  const highest = above[0].level;
  const named = above
    .slice(0, 5)
    .map((u) => `${u.competencyCode} level ${u.level} (${describeUse(u)})`)
    .join(', ');
  throw badInput(
    `Level ${highest} is still used, so this framework needs at least ${highest} levels: ${named}${above.length > 5 ? ` and ${above.length - 5} more` : ''}. Keep ${highest} or more levels, or change what uses the higher levels first`,
    { minimumLevels: highest },
    CompetencyReason.LEVEL_IN_USE,
  );
}

function describeUse(u: LevelUse): string {
  const parts: string[] = [];
  if (u.claims) parts.push(`${u.claims} evidence claim${u.claims === 1 ? '' : 's'}`);
  if (u.requirements) parts.push(`${u.requirements} role requirement${u.requirements === 1 ? '' : 's'}`);
  if (u.other) parts.push(`${u.other} capability or trusted-issuer mapping${u.other === 1 ? '' : 's'}`);
  return parts.join(' and ') || 'in use';
}

/** Field-by-field before/after of the fields that changed (for the audit log). */
export function diff<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    const to = after[key];
    if (to === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(to)) out[key as string] = { from: before[key], to };
  }
  return out;
}
