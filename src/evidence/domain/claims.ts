import { badInput, notFound } from '../../common/app-error.js';

export const MIN_CLAIMS = 1;
export const MAX_CLAIMS = 20;

export interface ClaimInput {
  competencyId: string;
  level: number;
}

/** What the claim rules need to know about a competency. */
export interface CompetencyFacts {
  id: string;
  code: string;
  name: string;
  retired: boolean;
  levels: number[];
}

/**
 * An item claims 1..20 distinct competencies, each at one of that competency's own levels. A retired
 * competency takes no new claims, but a claim the item already holds at the same level may be kept, so an
 * old item stays editable after its framework moves on.
 */
export function checkClaims(
  claims: readonly ClaimInput[],
  competencies: ReadonlyMap<string, CompetencyFacts>,
  existing: ReadonlyMap<string, number> = new Map(),
): ClaimInput[] {
  if (claims.length < MIN_CLAIMS || claims.length > MAX_CLAIMS) {
    throw badInput(`Evidence must claim between ${MIN_CLAIMS} and ${MAX_CLAIMS} competencies (got ${claims.length})`);
  }
  const seen = new Set<string>();
  for (const claim of claims) {
    const c = competencies.get(claim.competencyId);
    if (!c) throw notFound('Competency', claim.competencyId);
    if (seen.has(c.id))
      throw badInput(`Competency ${c.code} (${c.name}) is claimed more than once; claim each competency once, at one level`);
    seen.add(c.id);
    if (!c.levels.includes(claim.level)) {
      const allowed = [...c.levels].sort((a, b) => a - b).join(', ');
      throw badInput(`Level ${claim.level} is not a level of competency ${c.code} (${c.name}); its levels are ${allowed}`, {
        allowedLevels: c.levels,
      });
    }
    if (c.retired && existing.get(c.id) !== claim.level) {
      throw badInput(`Competency ${c.code} (${c.name}) is retired and takes no new claims`);
    }
  }
  return claims.map((c) => ({ competencyId: c.competencyId, level: c.level }));
}
