import { stringify } from 'csv-stringify/sync';
import type { CoverageReportModel } from './models/coverage-report.model.js';
import type { GapsReportModel } from './models/gaps-report.model.js';
import type { HeatMapReportModel, HeatMapTotalModel } from './models/heat-map-report.model.js';
import type { OverextensionReportModel } from './models/overextension-report.model.js';
import type { PipelineReportModel } from './models/pipeline-report.model.js';
import type { ReportBasisModel } from './models/report-common.model.js';

/**
 * CSV renderings of the reports: one header row, one row per figure, the as-of day and statuses on every
 * row so exports for several dates can be stacked into one sheet. Shares have 4 decimals, FTE 2;
 * an empty cell means "no figure" (a building with no educators has no share).
 */

type Cell = string | number | boolean | null;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is quoted with a leading apostrophe. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const ratio = (v: number | null): string => (v === null ? '' : v.toFixed(4));
const fte = (v: number): string => v.toFixed(2);

const COUNT_COLUMNS = new Set([
  'educators',
  'covered',
  'at_level',
  'at_or_above_1',
  'at_or_above_2',
  'at_or_above_3',
  'at_or_above_4',
  'at_or_above_target',
  'one_level_short',
  'further_short',
  'expert_evidence',
  'holders',
  'top_three_evidence',
]);

/** A count hidden from a district leader (null) reads "fewer than N", as the issue of small buildings asks. */
function render(columns: readonly string[], rows: readonly Cell[][], basis?: ReportBasisModel): string {
  const below = basis?.smallCountsHiddenBelow;
  const cell = (c: Cell, i: number): Cell => {
    if (c === null && below && COUNT_COLUMNS.has(columns[i])) return `fewer than ${below}`;
    return typeof c === 'string' ? safeText(c) : c;
  };
  return stringify(
    rows.map((r) => r.map(cell)),
    { header: true, columns: [...columns], cast: { boolean: (b) => (b ? 'true' : 'false') } },
  );
}

const basisCells = (b: ReportBasisModel): Cell[] => [b.asOf, b.statuses.join('|')];
const BASIS = ['as_of', 'statuses'];

export function coverageCsv(r: CoverageReportModel): string {
  const competencies = r.competencies.map((c) => c.code).join('+');
  const head = [...basisCells(r.basis), competencies, r.minLevel];
  return render(
    [...BASIS, 'competencies', 'min_level', 'scope', 'building_code', 'building_name', 'educators', 'covered', 'share'],
    [
      [...head, 'TOTAL', '', '', r.total.educators, r.total.covered, ratio(r.total.share)],
      ...r.buildings.map((b) => [...head, 'BUILDING', b.building.code, b.building.name, b.educators, b.covered, ratio(b.share)]),
    ],
    r.basis,
  );
}

export function heatMapCsv(r: HeatMapReportModel): string {
  const rowsOf = (scope: string, code: string, name: string, row: HeatMapTotalModel): Cell[][] =>
    row.cells.map((cell) => [
      ...basisCells(r.basis),
      scope,
      code,
      name,
      row.educators,
      cell.competencyCode,
      ...cell.atOrAbove.map((l) => l.educators),
    ]);
  return render(
    [
      ...BASIS,
      'scope',
      'building_code',
      'building_name',
      'educators',
      'competency_code',
      'at_or_above_1',
      'at_or_above_2',
      'at_or_above_3',
      'at_or_above_4',
    ],
    [...rowsOf('TOTAL', '', '', r.total), ...r.rows.flatMap((row) => rowsOf('BUILDING', row.building.code, row.building.name, row))],
    r.basis,
  );
}

export function gapsCsv(r: GapsReportModel): string {
  return render(
    [
      ...BASIS,
      'level',
      'threshold',
      'competency_code',
      'building_code',
      'building_name',
      'educators',
      'at_level',
      'share',
      'gap',
      'competency_spread',
      'best_building',
      'worst_building',
    ],
    r.competencies.flatMap((c) =>
      c.buildings.map((b) => [
        ...basisCells(r.basis),
        r.level,
        r.threshold,
        c.competency.code,
        b.building.code,
        b.building.name,
        b.educators,
        b.atLevel,
        ratio(b.share),
        b.gap ?? '',
        ratio(c.spread?.spread ?? null),
        c.spread?.best.building.code ?? '',
        c.spread?.worst.building.code ?? '',
      ]),
    ),
    r.basis,
  );
}

export function overextensionCsv(r: OverextensionReportModel): string {
  const blank = (n: number): Cell[] => new Array<Cell>(n).fill('');
  return render(
    [
      ...BASIS,
      'row_type',
      'building_code',
      'building_name',
      'educator_name',
      'total_role_fte',
      'roles',
      'educators',
      'expert_evidence',
      'holders',
      'top_three_evidence',
      'top_three_share',
      'concentrated',
    ],
    [
      ...r.educators.map((e) => [
        ...basisCells(r.basis),
        'EDUCATOR',
        e.building.code,
        e.building.name,
        e.fullName,
        fte(e.totalRoleFte),
        e.commitments.map((c) => `${c.roleTitle} (${fte(c.roleFte)})`).join('; '),
        ...blank(6),
      ]),
      ...r.buildings.map((b) => [
        ...basisCells(r.basis),
        'BUILDING',
        b.building.code,
        b.building.name,
        ...blank(3),
        b.educators,
        b.expertEvidence,
        b.holders,
        b.topThreeEvidence,
        ratio(b.topThreeShare),
        b.concentrated,
      ]),
    ],
    r.basis,
  );
}

export function pipelineCsv(r: PipelineReportModel): string {
  return render(
    [
      ...BASIS,
      'target_level',
      'competency_code',
      'scope',
      'building_code',
      'building_name',
      'educators',
      'at_or_above_target',
      'one_level_short',
      'further_short',
      'closing_evidence',
    ],
    r.competencies.flatMap((c) => {
      const advice = c.closingEvidence.map((a) => `${a.kind}${a.pilotPart ? `(${a.pilotPart})` : ''}@${a.level}`).join('; ');
      const head = [...basisCells(r.basis), r.targetLevel, c.competency.code];
      return [
        [...head, 'TOTAL', '', '', c.educators, c.atOrAboveTarget, c.oneLevelShort, c.furtherShort, advice],
        ...c.buildings.map((b) => [
          ...head,
          'BUILDING',
          b.building.code,
          b.building.name,
          b.educators,
          b.atOrAboveTarget,
          b.oneLevelShort,
          b.furtherShort,
          advice,
        ]),
      ];
    }),
    r.basis,
  );
}
