import type { TopLevelSpec } from 'vega-lite';

/**
 * The impact ratios of a saved bias audit as a Vega-Lite chart: one panel per measure (columns) and grouping
 * (rows), a bar per category, the 0.8 line of the EEOC four-fifths rule, flagged categories in red. A category
 * without a ratio (nobody assessed, left out under 2%, or the highest rate was zero) gets a note, not a bar.
 * Built from the saved audit only, so the chart shows exactly what `fairnessAudit` answers.
 */

export interface ImpactRatioAuditLike {
  id: string;
  roleTitle: string | null;
  from: string;
  to: string;
  empty: boolean;
  emptyReason: string | null;
  measures: ReadonlyArray<{
    measure: string;
    assessed: number;
    dimensions: ReadonlyArray<{
      dimension: string;
      categories: ReadonlyArray<{
        category: string;
        label: string;
        assessed: number;
        impactRatio: number | null;
        flagged: boolean;
        excludedFromRatios: boolean;
        tooSmall: boolean;
      }>;
    }>;
  }>;
}

export const FOUR_FIFTHS = 0.8;

const MEASURE_TITLES: Record<string, string> = {
  APPLIED_TO_SHORTLISTED: 'Applied → shortlisted',
  SHORTLISTED_TO_OFFERED: 'Shortlisted → offered',
  OFFERED_TO_ACCEPTED: 'Offered → accepted',
  SCORING: 'Scoring rate (ranking)',
};

const DIMENSION_TITLES: Record<string, string> = { SEX: 'Sex', RACE_ETHNICITY: 'Race/ethnicity', INTERSECTION: 'Sex × race/ethnicity' };

function note(c: {
  impactRatio: number | null;
  flagged: boolean;
  excludedFromRatios: boolean;
  tooSmall: boolean;
  assessed: number;
}): string {
  if (c.impactRatio === null) return c.assessed === 0 ? 'nobody assessed' : c.excludedFromRatios ? 'left out (<2%)' : 'no ratio';
  return `${c.impactRatio.toFixed(2)}${c.flagged ? ' flagged' : ''}${c.tooSmall ? ' (too small)' : ''}`;
}

export function impactRatioChart(audit: ImpactRatioAuditLike): TopLevelSpec {
  const scope = `${audit.roleTitle ?? 'All roles'} · ${audit.from} to ${audit.to} · audit ${audit.id}`;
  const measures = audit.measures.map((m) => MEASURE_TITLES[m.measure] ?? m.measure);
  const dimensions = [...new Set(audit.measures.flatMap((m) => m.dimensions.map((d) => DIMENSION_TITLES[d.dimension] ?? d.dimension)))];
  const values = audit.measures.flatMap((m) =>
    m.dimensions.flatMap((d) =>
      d.categories.map((c) => ({
        measure: MEASURE_TITLES[m.measure] ?? m.measure,
        dimension: DIMENSION_TITLES[d.dimension] ?? d.dimension,
        category: c.label,
        ratio: c.impactRatio,
        at: c.impactRatio ?? 0,
        status: c.impactRatio === null ? 'no ratio' : c.flagged ? 'under 0.8 (flagged)' : '0.8 or more',
        note: note(c),
      })),
    ),
  );
  if (audit.empty || !values.length) {
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: 'Bias audit: impact ratios', subtitle: scope },
      data: { values: [{ text: audit.emptyReason ?? 'Nothing to audit in the period' }] },
      mark: { type: 'text', fontSize: 13, align: 'left' },
      encoding: { text: { field: 'text' } },
      width: 420,
      height: 40,
    } as TopLevelSpec;
  }
  const maxRatio = Math.max(1, ...values.map((v) => v.at));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Bias audit: impact ratios by category',
      subtitle: [scope, "Impact ratio = a category's rate / the highest category's rate; the line marks 0.8 (EEOC four-fifths rule)"],
    },
    data: { values },
    facet: {
      row: {
        field: 'dimension',
        type: 'nominal',
        sort: dimensions,
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelFontWeight: 'bold' },
      },
      column: { field: 'measure', type: 'nominal', sort: measures, title: null, header: { labelFontWeight: 'bold' } },
    },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 170,
      height: { step: 18 },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'category', type: 'nominal', title: null },
            x: { field: 'ratio', type: 'quantitative', title: 'impact ratio', scale: { domain: [0, Math.ceil(maxRatio * 10) / 10] } },
            color: {
              field: 'status',
              type: 'nominal',
              title: null,
              scale: { domain: ['0.8 or more', 'under 0.8 (flagged)', 'no ratio'], range: ['#3b75af', '#b42318', '#9e9e9e'] },
              legend: { orient: 'top' },
            },
            tooltip: [{ field: 'category' }, { field: 'note', title: 'impact ratio' }],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
          encoding: { y: { field: 'category', type: 'nominal' }, x: { field: 'at', type: 'quantitative' }, text: { field: 'note' } },
        },
        { mark: { type: 'rule', color: '#1f1f1f', strokeDash: [4, 3] }, encoding: { x: { datum: FOUR_FIFTHS } } },
      ],
    },
  } as TopLevelSpec;
}
