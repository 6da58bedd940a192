import type { EvidenceRules } from '../../matching/domain/evidence-rules.js';
import { isOverextended } from '../../matching/domain/ranking.js';
import { atOrAboveCounts, concentration, gapReason, isConcentrated, share, spreadOf, totalFte, type GapReason } from './capacity-math.js';
import { closingEvidence, pipelineCounts, type ClosingEvidence, type PipelineCounts } from './pipeline.js';
import { CONCENTRATION_TOP, REPORT_LEVEL_MAX } from './report-rules.js';

/**
 * Turns the rows the database returns into report figures. Plain data in, plain data out, so every
 * figure can be checked without a database.
 */

export interface BuildingRef {
  id: string;
  code: string;
  name: string;
}
export interface CompetencyRef {
  id: string;
  code: string;
  name: string;
  frameworkCode: string;
}
export interface StaffedBuilding extends BuildingRef {
  educators: number;
}
export interface LevelCount {
  buildingId: string;
  competencyId: string;
  level: number;
  educators: number;
}

const ref = (b: StaffedBuilding): BuildingRef => ({ id: b.id, code: b.code, name: b.name });
const sum = (ns: readonly number[]): number => ns.reduce((s, n) => s + n, 0);

// ---- coverage

export interface CoverageCount {
  educators: number;
  covered: number;
  share: number | null;
}

export function coverageFigures(rows: ReadonlyArray<StaffedBuilding & { covered: number }>) {
  const buildings = rows.map((r) => ({
    building: ref(r),
    educators: r.educators,
    covered: r.covered,
    share: share(r.covered, r.educators),
  }));
  const educators = sum(rows.map((r) => r.educators));
  const covered = sum(rows.map((r) => r.covered));
  return { total: { educators, covered, share: share(covered, educators) } as CoverageCount, buildings };
}

// ---- exact-level lookups

/** buildingId -> competencyId -> level -> educators. */
type Distribution = Map<string, Map<string, Map<number, number>>>;

function distribution(rows: readonly LevelCount[]): Distribution {
  const out: Distribution = new Map();
  for (const r of rows) {
    const byComp = out.get(r.buildingId) ?? new Map<string, Map<number, number>>();
    out.set(r.buildingId, byComp);
    const byLevel = byComp.get(r.competencyId) ?? new Map<number, number>();
    byComp.set(r.competencyId, byLevel);
    byLevel.set(r.level, (byLevel.get(r.level) ?? 0) + r.educators);
  }
  return out;
}

const exactLevels = (d: Distribution, buildingId: string, competencyId: string): Map<number, number> =>
  d.get(buildingId)?.get(competencyId) ?? new Map();

function mergeLevels(maps: ReadonlyArray<ReadonlyMap<number, number>>): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of maps) for (const [level, n] of m) out.set(level, (out.get(level) ?? 0) + n);
  return out;
}

// ---- heat map

function cellsFor(levels: (competencyId: string) => ReadonlyMap<number, number>, competencies: readonly CompetencyRef[]) {
  return competencies.map((c) => ({
    competencyId: c.id,
    competencyCode: c.code,
    atOrAbove: atOrAboveCounts(levels(c.id), REPORT_LEVEL_MAX).map((educators, i) => ({ level: i + 1, educators })),
  }));
}

export function heatMapFigures(buildings: readonly StaffedBuilding[], competencies: readonly CompetencyRef[], rows: readonly LevelCount[]) {
  const d = distribution(rows);
  return {
    rows: buildings.map((b) => ({
      building: ref(b),
      educators: b.educators,
      cells: cellsFor((c) => exactLevels(d, b.id, c), competencies),
    })),
    total: {
      educators: sum(buildings.map((b) => b.educators)),
      cells: cellsFor((c) => mergeLevels(buildings.map((b) => exactLevels(d, b.id, c))), competencies),
    },
  };
}

// ---- gaps and spread

export interface BuildingLevelShare {
  building: BuildingRef;
  educators: number;
  atLevel: number;
  share: number | null;
  gap: GapReason | null;
}

/** Gaps listed lowest share first, buildings with no educators last, then by code. */
function gapOrder(a: BuildingLevelShare, b: BuildingLevelShare): number {
  const sa = a.share ?? Number.POSITIVE_INFINITY;
  const sb = b.share ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa - sb;
  return a.building.code < b.building.code ? -1 : a.building.code > b.building.code ? 1 : 0;
}

export function gapFigures(
  buildings: readonly StaffedBuilding[],
  competencies: readonly CompetencyRef[],
  rows: readonly LevelCount[],
  level: number,
  threshold: number,
) {
  const d = distribution(rows);
  return competencies.map((competency) => {
    const shares: BuildingLevelShare[] = buildings.map((b) => {
      const atLevel = atOrAboveCounts(exactLevels(d, b.id, competency.id), REPORT_LEVEL_MAX)[level - 1];
      return {
        building: ref(b),
        educators: b.educators,
        atLevel,
        share: share(atLevel, b.educators),
        gap: gapReason(atLevel, b.educators, threshold),
      };
    });
    const spread = spreadOf(shares.map((s) => ({ ...s, code: s.building.code })));
    return {
      competency,
      buildings: shares,
      gaps: shares.filter((s) => s.gap !== null).sort(gapOrder),
      spread: spread && { best: stripCode(spread.best), worst: stripCode(spread.worst), spread: spread.spread },
    };
  });
}

function stripCode<T extends { code: string }>(row: T): Omit<T, 'code'> {
  const { code: _code, ...rest } = row;
  return rest;
}

// ---- pipeline

export function pipelineFigures(
  buildings: readonly StaffedBuilding[],
  competencies: readonly CompetencyRef[],
  rows: readonly LevelCount[],
  targetLevel: number,
  rules: EvidenceRules,
) {
  const d = distribution(rows);
  const advice: ClosingEvidence[] = closingEvidence(targetLevel, rules);
  return competencies.map((competency) => {
    const perBuilding = buildings.map((b) => ({
      building: ref(b),
      educators: b.educators,
      ...pipelineCounts(exactLevels(d, b.id, competency.id), b.educators, targetLevel),
    }));
    const total: PipelineCounts & { educators: number } = {
      educators: sum(perBuilding.map((p) => p.educators)),
      atOrAboveTarget: sum(perBuilding.map((p) => p.atOrAboveTarget)),
      oneLevelShort: sum(perBuilding.map((p) => p.oneLevelShort)),
      furtherShort: sum(perBuilding.map((p) => p.furtherShort)),
    };
    return {
      competency,
      ...total,
      closingEvidence: advice.map(({ kind, pilotPart, level }) => ({ kind, pilotPart, level })),
      buildings: perBuilding,
    };
  });
}

// ---- overextension

export interface Commitment {
  educatorId: string;
  fullName: string;
  buildingId: string;
  roleId: string | null;
  roleTitle: string;
  roleFte: number;
  startsOn: string;
  endsOn: string | null;
}

/**
 * Educators whose active commitments add up to `fteThreshold` or more: the ranking's own "at or above"
 * rule (`isOverextended`), so a person flagged in a ranking is flagged here too. Most FTE first, then name, then id.
 */
export function overextendedEducators(
  commitments: readonly Commitment[],
  buildings: ReadonlyMap<string, BuildingRef>,
  fteThreshold: number,
) {
  const byEducator = new Map<string, Commitment[]>();
  for (const c of commitments) byEducator.set(c.educatorId, [...(byEducator.get(c.educatorId) ?? []), c]);
  return [...byEducator.values()]
    .map((list) => ({
      educatorId: list[0].educatorId,
      fullName: list[0].fullName,
      building: buildings.get(list[0].buildingId) ?? { id: list[0].buildingId, code: '', name: '' },
      totalRoleFte: totalFte(list.map((c) => c.roleFte)),
      commitments: list.map(({ roleId, roleTitle, roleFte, startsOn, endsOn }) => ({ roleId, roleTitle, roleFte, startsOn, endsOn })),
    }))
    .filter((e) => isOverextended(e.totalRoleFte, fteThreshold))
    .sort((a, b) => b.totalRoleFte - a.totalRoleFte || a.fullName.localeCompare(b.fullName) || (a.educatorId < b.educatorId ? -1 : 1));
}

export interface Holding {
  buildingId: string;
  educatorId: string;
  fullName: string;
  evidence: number;
}

export function concentrationFigures(buildings: readonly StaffedBuilding[], holdings: readonly Holding[], threshold: number) {
  return buildings.map((b) => {
    const mine = holdings
      .filter((h) => h.buildingId === b.id && h.evidence > 0)
      .sort((x, y) => y.evidence - x.evidence || x.fullName.localeCompare(y.fullName) || (x.educatorId < y.educatorId ? -1 : 1));
    const c = concentration(
      mine.map((h) => h.evidence),
      CONCENTRATION_TOP,
    );
    return {
      building: ref(b),
      educators: b.educators,
      expertEvidence: c.total,
      holders: mine.length,
      topThreeEvidence: c.topCount,
      topThreeShare: c.topShare,
      concentrated: isConcentrated(c, b.educators, threshold, CONCENTRATION_TOP),
      topHolders: mine.slice(0, CONCENTRATION_TOP).map(({ educatorId, fullName, evidence }) => ({ educatorId, fullName, evidence })),
    };
  });
}
