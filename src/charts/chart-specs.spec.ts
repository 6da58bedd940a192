import { writeFileSync } from 'node:fs';
import { impactRatioChart, type ImpactRatioAuditLike } from '../fairness/domain/impact-ratio-chart.js';
import { coverageChart, heatMapChart } from '../reports/domain/capacity-charts.js';
import { renderSvg } from './render-svg.js';

const basis = { asOf: '2026-01-15', statuses: ['VERIFIED', 'ENDORSED'], policyVersion: 3 };
const category = (label: string, impactRatio: number | null, flagged = false, assessed = 10) => ({
  category: label.toUpperCase(),
  label,
  assessed,
  impactRatio,
  flagged,
  excludedFromRatios: false,
  tooSmall: false,
});
const audit: ImpactRatioAuditLike = {
  id: 'a1',
  roleTitle: 'Coach <script>alert(1)</script> & co',
  from: '2026-01-01',
  to: '2026-01-31',
  empty: false,
  emptyReason: null,
  measures: [
    {
      measure: 'APPLIED_TO_SHORTLISTED',
      assessed: 20,
      dimensions: [
        { dimension: 'SEX', categories: [category('Female', 1), category('Male', 0.5, true), category('Unstated', null, false, 0)] },
      ],
    },
  ],
};

/** Pure specifications rendered offline: what the figures become, and that text from the data is escaped. */
describe('chart specifications', () => {
  it('draws impact ratios with the four-fifths line, flags and notes, escaping text from the data', async () => {
    const svg = await renderSvg(impactRatioChart(audit));
    if (process.env.CHART_PREVIEW_DIR) writeFileSync(`${process.env.CHART_PREVIEW_DIR}/impact.svg`, svg);
    expect(svg).toContain('>0.50 flagged</text>');
    expect(svg).toContain('>nobody assessed</text>');
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(2);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Coach &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('says why an empty audit has no chart', async () => {
    const svg = await renderSvg(impactRatioChart({ ...audit, empty: true, emptyReason: 'No applications in the period', measures: [] }));
    expect(svg).toContain('>No applications in the period</text>');
  });

  it('heat map and coverage: hidden counts become "<N" and "fewer than N"', async () => {
    const hidden = { ...basis, smallCountsHiddenBelow: 5 };
    const row = (name: string, educators: number | null, n: number | null) => ({
      building: { code: name, name },
      educators,
      cells: [{ competencyCode: 'AI-BIAS', atOrAbove: [1, 2, 3, 4].map((level) => ({ level, educators: n })) }],
    });
    const heat = await renderSvg(
      heatMapChart(
        {
          basis: hidden,
          competencies: [{ code: 'AI-BIAS', name: 'AI bias evaluation' }],
          rows: [row('North', 12, 7), row('South', null, null)],
        },
        2,
      ),
    );
    expect(heat).toContain('building: North; label: 7"');
    expect(heat).toContain('building: South; label: &lt;5"');
    const coverage = await renderSvg(
      coverageChart({
        basis: hidden,
        minLevel: 2,
        competencies: [{ code: 'AI-BIAS', name: 'AI bias evaluation' }],
        total: { educators: 20, covered: 9, share: 0.45 },
        buildings: [
          { building: { code: 'N', name: 'North' }, educators: 12, covered: 7, share: 7 / 12 },
          { building: { code: 'S', name: 'South' }, educators: null, covered: null, share: null },
        ],
      }),
    );
    expect(coverage).toContain('>7 of 12</text>');
    expect(coverage).toContain('>fewer than 5</text>');
    expect(coverage).toContain('District: 9 of 20 (45.0%)');
    expect(coverage.match(/aria-roledescription="bar"/g)).toHaveLength(1);
  });
});
