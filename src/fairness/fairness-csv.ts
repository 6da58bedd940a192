import { stringify } from 'csv-stringify/sync';
import { safeText } from '../reports/report-csv.js';
import type { FairnessAuditModel } from './models/fairness-audit.model.js';

/**
 * A saved audit as CSV: one row per measure x dimension x category, then the unknowns of each (category
 * UNKNOWN, no ratio). Rates, shares and ratios to 4 decimals; an empty cell means "no figure".
 */
const COLUMNS = [
  'audit_id',
  'as_of',
  'period_from',
  'period_to',
  'role',
  'measure',
  'dimension',
  'category',
  'label',
  'assessed',
  'selected',
  'rate',
  'share_of_data',
  'impact_ratio',
  'flagged_under_0_8',
  'excluded_from_ratios',
  'too_small',
  'highest_category',
];

const n4 = (v: number | null) => (v === null ? '' : v.toFixed(4));
const yes = (b: boolean) => (b ? 'true' : 'false');

export function fairnessAuditCsv(a: FairnessAuditModel): string {
  const head = [a.id, a.asOf, a.from, a.to, a.roleTitle ?? 'ALL ROLES'];
  const rows: Array<Array<string | number>> = [];
  for (const m of a.measures) {
    for (const d of m.dimensions) {
      for (const c of d.categories) {
        rows.push([
          ...head,
          m.measure,
          d.dimension,
          c.category,
          c.label,
          c.assessed,
          c.selected,
          n4(c.rate),
          n4(c.shareOfData),
          n4(c.impactRatio),
          yes(c.flagged),
          yes(c.excludedFromRatios),
          yes(c.tooSmall),
          d.highestCategory ?? '',
        ]);
      }
      rows.push([
        ...head,
        m.measure,
        d.dimension,
        'UNKNOWN',
        'Unknown (declined or not answered)',
        d.unknown.assessed,
        d.unknown.selected,
        n4(d.unknown.rate),
        '',
        '',
        'false',
        'true',
        '',
        d.highestCategory ?? '',
      ]);
    }
  }
  return stringify(
    rows.map((r) => r.map((c) => (typeof c === 'string' ? safeText(c) : c))),
    { header: true, columns: COLUMNS },
  );
}
