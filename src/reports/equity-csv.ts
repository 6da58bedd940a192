import { stringify } from 'csv-stringify/sync';
import { safeText } from './report-csv.js';
import type {
  BuildingCapabilityModel,
  CapabilityCoverageReportModel,
  CapabilityTrendReportModel,
  CommitmentConcentrationReportModel,
} from './models/capability.model.js';

/** CSV renderings of the equity reports, in the capacity reports' conventions (shares to 4 decimals, empty = no figure). */
const ratio = (v: number | null): string => (v === null ? '' : v.toFixed(4));
const fte = (v: number | null): string => (v === null ? '' : v.toFixed(2));
/** A count hidden from a district leader (null) reads "fewer than N", like the capacity reports' CSV. */
const count = (v: number | null, below: number | null | undefined): string | number =>
  v === null ? (below ? `fewer than ${below}` : '') : v;
const render = (columns: string[], rows: Array<Array<string | number | boolean>>) =>
  stringify(
    rows.map((r) => r.map((c) => (typeof c === 'string' ? safeText(c) : typeof c === 'boolean' ? String(c) : c))),
    { header: true, columns },
  );

const CAPABILITY_COLUMNS = [
  'as_of',
  'statuses',
  'capability_code',
  'building_code',
  'building_name',
  'educators',
  'covered',
  'share',
  'split',
  'gap',
  'part_holders',
];
const capabilityRow = (asOf: string, statuses: string, code: string, b: BuildingCapabilityModel, below?: number | null) => [
  asOf,
  statuses,
  code,
  b.building.code,
  b.building.name,
  count(b.educators, below),
  count(b.covered, below),
  ratio(b.share),
  b.split,
  b.gap ?? '',
  b.components.map((c) => count(c.holders, below)).join('|'),
];

export function capabilityCoverageCsv(r: CapabilityCoverageReportModel): string {
  return render(
    CAPABILITY_COLUMNS,
    r.buildings.map((b) => capabilityRow(r.basis.asOf, r.basis.statuses.join('|'), r.capability.code, b, r.basis.smallCountsHiddenBelow)),
  );
}

export function capabilityTrendCsv(r: CapabilityTrendReportModel): string {
  return render(
    CAPABILITY_COLUMNS,
    r.points.flatMap((p) =>
      p.buildings.map((b) => capabilityRow(p.asOf, r.basis.statuses.join('|'), r.capability.code, b, r.basis.smallCountsHiddenBelow)),
    ),
  );
}

export function concentrationCsv(r: CommitmentConcentrationReportModel): string {
  return render(
    [
      'as_of',
      'building_code',
      'building_name',
      'educators',
      'commitments',
      'educators_committed',
      'top_three',
      'top_three_commitments',
      'top_three_share',
      'total_role_fte',
      'top_three_role_fte',
      'top_three_fte_share',
    ],
    r.buildings.map((b) => {
      const below = r.basis.smallCountsHiddenBelow;
      return [
        r.basis.asOf,
        b.building.code,
        b.building.name,
        count(b.educators, below),
        count(b.commitments, below),
        count(b.educatorsCommitted, below),
        b.topThree.map((p) => p.fullName).join('; '),
        count(b.topThreeCommitments, below),
        ratio(b.topThreeShare),
        fte(b.totalRoleFte),
        fte(b.topThreeRoleFte),
        ratio(b.topThreeFteShare),
      ];
    }),
  );
}
