import { stringify } from 'csv-stringify/sync';
import type { PanelAggregate, RequirementAggregate } from './panel-scores.js';

/** Plain shapes of the side-by-side comparison, shared by the GraphQL mapper and the CSV export. */
export interface ComparedRequirement {
  requirementId: string;
  competencyId: string;
  competencyCode: string;
  competencyName: string;
  kind: string;
  minLevel: number;
}

export interface ComparedEvidence {
  kind: string;
  title: string;
  verificationStatus: string;
  startedOn: string | null;
  endedOn: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  expired: boolean;
  /** The level this item claims for the requirement's competency. */
  level: number | null;
}

export interface ComparedCell {
  requirementId: string;
  demonstratedLevel: number;
  met: boolean;
  evidence: ComparedEvidence[];
  /** Null when the viewer may not see the panel's scores yet. */
  panel: RequirementAggregate | null;
}

export interface ComparedCandidate {
  applicationId: string;
  /** Real name, or the pseudonym while the viewer is behind the blind. */
  displayName: string;
  pseudonym: string;
  identityHidden: boolean;
  email: string | null;
  buildingName: string | null;
  status: string;
  /** Rank in the latest saved ranking run; null when the candidate is not in it. */
  engineRank: number | null;
  engineScore: number | null;
  qualified: boolean | null;
  overextended: boolean | null;
  cells: ComparedCell[];
  panel: PanelAggregate | null;
}

export interface Comparison {
  roleId: string;
  roleTitle: string;
  requirements: ComparedRequirement[];
  candidates: ComparedCandidate[];
}

export const CSV_COLUMNS = [
  'candidate',
  'building',
  'email',
  'application_status',
  'engine_rank',
  'engine_score',
  'qualified',
  'overextended',
  'requirement_code',
  'requirement',
  'requirement_kind',
  'required_level',
  'demonstrated_level',
  'met',
  'panel_mean',
  'panel_spread',
  'panelists_scored',
  'panel_overall_mean',
  'panel_overall_spread',
  'evidence',
] as const;

const blank = (v: unknown) => (v === null || v === undefined ? '' : v);

function describeEvidence(e: ComparedEvidence): string {
  const dates = [e.startedOn || e.issuedOn, e.endedOn].filter(Boolean).join('..');
  const expiry = e.expiresOn ? `${e.expired ? 'expired' : 'expires'} ${e.expiresOn}` : '';
  const facts = [e.verificationStatus, e.level !== null ? `level ${e.level}` : '', dates, expiry].filter(Boolean).join(', ');
  return `${e.kind}: ${e.title} (${facts})`;
}

/**
 * The panel packet: one row per candidate and requirement, candidates in the order given. Formula-like
 * cells (=, +, -, @) are escaped so a spreadsheet never executes text a candidate typed.
 */
export function comparisonCsv(c: Comparison): string {
  const rows: unknown[][] = [];
  for (const cand of c.candidates) {
    for (const req of c.requirements) {
      const cell = cand.cells.find((x) => x.requirementId === req.requirementId);
      rows.push([
        cand.displayName,
        blank(cand.buildingName),
        blank(cand.email),
        cand.status,
        blank(cand.engineRank),
        blank(cand.engineScore),
        blank(cand.qualified),
        blank(cand.overextended),
        req.competencyCode,
        req.competencyName,
        req.kind,
        req.minLevel,
        blank(cell?.demonstratedLevel),
        blank(cell?.met),
        blank(cell?.panel?.mean),
        blank(cell?.panel?.spread),
        blank(cell?.panel?.count),
        blank(cand.panel?.overallMean),
        blank(cand.panel?.spread),
        (cell?.evidence ?? []).map(describeEvidence).join('; '),
      ]);
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], escape_formulas: true, cast: { boolean: (b) => (b ? 'yes' : 'no') } });
}
