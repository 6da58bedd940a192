import type { TopLevelSpec } from 'vega-lite';

/**
 * Vega-Lite specifications of the capacity charts, built from the very report objects the GraphQL fields return
 * (after a district leader's small counts are hidden), so a chart can show nothing the report would not.
 * A hidden count is drawn as a grey cell or an empty bar labelled "fewer than N", never as a number.
 */

interface Basis {
  asOf: string;
  statuses: readonly string[];
  policyVersion: number;
  smallCountsHiddenBelow?: number | null;
}

interface Named {
  code: string;
  name: string;
}

export interface HeatMapLike {
  basis: Basis;
  competencies: readonly Named[];
  rows: ReadonlyArray<{
    building: Named;
    educators: number | null;
    cells: ReadonlyArray<{ competencyCode: string; atOrAbove: ReadonlyArray<{ level: number; educators: number | null }> }>;
  }>;
}

export interface CoverageLike {
  basis: Basis;
  minLevel: number;
  competencies: readonly Named[];
  total: { educators: number | null; covered: number | null; share: number | null };
  buildings: ReadonlyArray<{ building: Named; educators: number | null; covered: number | null; share: number | null }>;
}

const HIDDEN_FILL = '#d9d9d9';

export function basisLine(basis: Basis): string {
  const statuses = basis.statuses.map((s) => s.toLowerCase()).join(', ');
  const hidden = basis.smallCountsHiddenBelow ? ` · counts under ${basis.smallCountsHiddenBelow} hidden` : '';
  return `As of ${basis.asOf} · ${statuses} evidence · scoring policy v${basis.policyVersion}${hidden}`;
}

const fewer = (basis: Basis) => `fewer than ${basis.smallCountsHiddenBelow ?? '?'}`;

/** Buildings (rows) x competencies (columns): educators at or above `level`, coloured by their share of the building's staff. */
export function heatMapChart(report: HeatMapLike, level: number): TopLevelSpec {
  const codes = report.competencies.map((c) => c.code);
  const names = new Map(report.competencies.map((c) => [c.code, c.name]));
  const buildings = report.rows.map((r) => r.building.name);
  const values = report.rows.flatMap((row) =>
    row.cells.map((cell) => {
      const count = cell.atOrAbove.find((l) => l.level === level)?.educators ?? null;
      const share = count !== null && row.educators ? count / row.educators : null;
      return {
        building: row.building.name,
        competency: cell.competencyCode,
        competencyName: names.get(cell.competencyCode) ?? cell.competencyCode,
        count,
        staff: row.educators,
        share,
        label: count === null ? `<${report.basis.smallCountsHiddenBelow ?? '?'}` : String(count),
      };
    }),
  );
  const x = { field: 'competency', type: 'nominal', sort: codes, title: 'Competency', axis: { orient: 'top', labelAngle: -40 } } as const;
  const y = { field: 'building', type: 'nominal', sort: buildings, title: null } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Educators at level ${level} or above, by building and competency`,
      subtitle: [basisLine(report.basis), "Colour: share of the building's educators; number: how many"],
    },
    data: { values },
    width: { step: 44 },
    height: { step: 26 },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', fill: HIDDEN_FILL, stroke: 'white' },
        encoding: {
          tooltip: [{ field: 'building' }, { field: 'competencyName', title: 'competency' }, { field: 'label', title: 'educators' }],
        },
      },
      {
        mark: { type: 'rect', stroke: 'white' },
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            title: 'share of staff',
            scale: { scheme: 'blues', domainMin: 0 },
            legend: { format: '.0%' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'label' },
          color: { condition: { test: 'datum.share !== null && datum.share > 0.45', value: 'white' }, value: '#1f1f1f' },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Per building: the share of educators demonstrating every selected competency at or above the level; the district share as a rule. */
export function coverageChart(report: CoverageLike): TopLevelSpec {
  const buildings = report.buildings.map((b) => b.building.name);
  const values = report.buildings.map((b) => ({
    building: b.building.name,
    share: b.share,
    at: b.share ?? 0,
    label: b.covered === null || b.educators === null ? fewer(report.basis) : `${b.covered} of ${b.educators}`,
  }));
  const competencies = report.competencies.map((c) => c.code).join(', ');
  const total = report.total;
  const totalLine =
    total.share === null
      ? `District: ${total.covered === null ? fewer(report.basis) : `${total.covered} of ${total.educators}`}`
      : `District: ${total.covered} of ${total.educators} (${(total.share * 100).toFixed(1)}%)`;
  const y = { field: 'building', type: 'nominal', sort: buildings, title: null } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Educators demonstrating all of ${competencies} at level ${report.minLevel} or above`,
      subtitle: [basisLine(report.basis), totalLine],
    },
    width: 420,
    height: { step: 24 },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: '#3b75af' },
        encoding: {
          y,
          x: {
            field: 'share',
            type: 'quantitative',
            title: "share of the building's educators",
            scale: { domainMin: 0, nice: true },
            axis: { format: '.0%' },
          },
          tooltip: [{ field: 'building' }, { field: 'label', title: 'educators' }],
        },
      },
      {
        data: { values },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 },
        encoding: { y, x: { field: 'at', type: 'quantitative' }, text: { field: 'label' } },
      },
      ...(total.share === null
        ? []
        : [
            {
              data: { values: [{ share: total.share }] },
              mark: { type: 'rule', color: '#b42318', strokeDash: [4, 3] },
              encoding: { x: { field: 'share', type: 'quantitative' } },
            },
          ]),
    ],
  } as TopLevelSpec;
}
