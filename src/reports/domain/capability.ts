import { badInput } from '../../common/app-error.js';
import { concentration, share, totalFte } from './capacity-math.js';
import { CONCENTRATION_TOP, REPORT_LEVEL_MAX, REPORT_LEVEL_MIN } from './report-rules.js';

/**
 * Named capabilities and the equity figures built on them. A person holds a capability when they
 * demonstrate every component competency at or above its level (the matching engine's demonstrated
 * level). A building where every part is held by someone, but nobody holds the whole, is split: the
 * capability exists there only as a team, and leaves with any one of them.
 */
export const MAX_CAPABILITY_COMPONENTS = 20;

export interface CapabilityComponent {
  competencyId: string;
  minLevel: number;
}

export function checkComponents(components: readonly CapabilityComponent[]): void {
  if (!components.length) throw badInput('A capability needs at least one competency at a level');
  if (components.length > MAX_CAPABILITY_COMPONENTS) throw badInput(`A capability has at most ${MAX_CAPABILITY_COMPONENTS} competencies`);
  const seen = new Set<string>();
  for (const c of components) {
    if (seen.has(c.competencyId)) throw badInput(`Competency ${c.competencyId} is named twice; give each competency once, at one level`);
    seen.add(c.competencyId);
    if (!Number.isInteger(c.minLevel) || c.minLevel < REPORT_LEVEL_MIN || c.minLevel > REPORT_LEVEL_MAX) {
      throw badInput(`minLevel must be a level from ${REPORT_LEVEL_MIN} to ${REPORT_LEVEL_MAX}, got ${c.minLevel}`);
    }
  }
}

export type CapabilityGap = 'NOBODY' | 'SPLIT' | 'BELOW_THRESHOLD';

export interface BuildingRef {
  id: string;
  code: string;
  name: string;
}
export interface StaffedBuilding extends BuildingRef {
  educators: number;
}
/** Staff of a building who hold one component (its level or above). */
export interface ComponentHolders {
  buildingId: string;
  competencyId: string;
  holders: number;
}
/** Staff of a building who hold every component. */
export interface WholeHolders {
  buildingId: string;
  covered: number;
}

export interface BuildingCapabilityFigures {
  building: BuildingRef;
  educators: number;
  covered: number;
  share: number | null;
  components: Array<{ competencyId: string; minLevel: number; holders: number }>;
  /** Every part is held by someone on staff, and nobody holds the whole. */
  split: boolean;
  gap: CapabilityGap | null;
}

/**
 * Per building: who holds the whole capability, who holds each part, and why it is a gap: NOBODY holds any
 * whole or all parts, the parts are SPLIT across people, or the share is BELOW_THRESHOLD (when one is given).
 */
export function capabilityFigures(
  buildings: readonly StaffedBuilding[],
  components: readonly CapabilityComponent[],
  holders: readonly ComponentHolders[],
  whole: readonly WholeHolders[],
  threshold = 0,
) {
  const held = new Map(holders.map((h) => [`${h.buildingId}|${h.competencyId}`, h.holders]));
  const covered = new Map(whole.map((w) => [w.buildingId, w.covered]));
  const rows: BuildingCapabilityFigures[] = buildings.map((b) => {
    const parts = components.map((c) => ({
      competencyId: c.competencyId,
      minLevel: c.minLevel,
      holders: held.get(`${b.id}|${c.competencyId}`) ?? 0,
    }));
    const n = covered.get(b.id) ?? 0;
    const split = n === 0 && parts.every((p) => p.holders > 0);
    const s = share(n, b.educators);
    let gap: CapabilityGap | null = null;
    if (n === 0) gap = split ? 'SPLIT' : 'NOBODY';
    else if (s !== null && s < threshold) gap = 'BELOW_THRESHOLD';
    return {
      building: { id: b.id, code: b.code, name: b.name },
      educators: b.educators,
      covered: n,
      share: s,
      components: parts,
      split,
      gap,
    };
  });
  const educators = rows.reduce((t, r) => t + r.educators, 0);
  const total = rows.reduce((t, r) => t + r.covered, 0);
  return { total: { educators, covered: total, share: share(total, educators) }, buildings: rows };
}

/** 12 monthly as-of days ending at `asOf`: the last day of each of the 11 months before it, then `asOf` itself. */
export function monthlySeries(asOf: string, months = 12): string[] {
  const [y, m] = asOf.split('-').map(Number);
  const out: string[] = [];
  for (let back = months - 1; back >= 1; back--) {
    // Day 0 of the following month is the last day of this one.
    const last = new Date(Date.UTC(y, m - 1 - back + 1, 0));
    out.push(last.toISOString().slice(0, 10));
  }
  out.push(asOf);
  return out;
}

export interface CommitmentRef {
  educatorId: string;
  fullName: string;
  buildingId: string;
  roleFte: number;
}

/** Per building, the share of active hybrid commitments carried by the top 3 educators (by commitments, then FTE, then name). */
export function commitmentConcentration(buildings: readonly StaffedBuilding[], commitments: readonly CommitmentRef[]) {
  return buildings.map((b) => {
    const people = new Map<string, { educatorId: string; fullName: string; commitments: number; roleFte: number }>();
    for (const c of commitments) {
      if (c.buildingId !== b.id) continue;
      const p = people.get(c.educatorId) ?? { educatorId: c.educatorId, fullName: c.fullName, commitments: 0, roleFte: 0 };
      p.commitments += 1;
      p.roleFte = totalFte([p.roleFte, c.roleFte]);
      people.set(c.educatorId, p);
    }
    const ranked = [...people.values()].sort(
      (a, z) =>
        z.commitments - a.commitments ||
        z.roleFte - a.roleFte ||
        a.fullName.localeCompare(z.fullName) ||
        a.educatorId.localeCompare(z.educatorId),
    );
    const top = ranked.slice(0, CONCENTRATION_TOP);
    const c = concentration(
      ranked.map((p) => p.commitments),
      CONCENTRATION_TOP,
    );
    const fte = totalFte(ranked.map((p) => p.roleFte));
    const topFte = totalFte(top.map((p) => p.roleFte));
    return {
      building: { id: b.id, code: b.code, name: b.name },
      educators: b.educators,
      commitments: c.total,
      educatorsCommitted: ranked.length,
      topThree: top,
      topThreeCommitments: c.topCount,
      topThreeShare: c.topShare,
      totalRoleFte: fte,
      topThreeRoleFte: topFte,
      topThreeFteShare: fte === 0 ? null : topFte / fte,
    };
  });
}
