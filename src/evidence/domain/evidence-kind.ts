/**
 * THE vocabulary of evidence: its kinds, verification statuses and pilot parts, defined once here. Everything
 * else derives from these objects: the GraphQL enums (models/evidence-enums.ts), the matching rules
 * (matching/domain/evidence-rules.ts) and the check constraints (evidence.entity.ts). Plain objects rather
 * than TypeScript enums so the string values ('COURSE') stay assignable where rows and SQL hand them over.
 */
export const EvidenceKind = {
  CERTIFICATION: 'CERTIFICATION',
  PILOT: 'PILOT',
  /** Professional learning the educator designed and/or delivered for colleagues. */
  PROFESSIONAL_LEARNING: 'PROFESSIONAL_LEARNING',
  /** A conference presentation. */
  PRESENTATION: 'PRESENTATION',
  /** A portfolio artifact (redesigned assessment, unit, tool evaluation ...). */
  ARTIFACT: 'ARTIFACT',
  /** A course or workshop attended, with hours. */
  COURSE: 'COURSE',
} as const;
export type EvidenceKind = (typeof EvidenceKind)[keyof typeof EvidenceKind];

/** Strongest first: the matching module's weight slots follow this order. */
export const VerificationStatus = {
  VERIFIED: 'VERIFIED',
  ENDORSED: 'ENDORSED',
  SELF_REPORTED: 'SELF_REPORTED',
} as const;
export type VerificationStatus = (typeof VerificationStatus)[keyof typeof VerificationStatus];

/** The educator's part in a pilot. */
export const PilotPart = {
  LEAD: 'LEAD',
  CO_LEAD: 'CO_LEAD',
  MEMBER: 'MEMBER',
} as const;
export type PilotPart = (typeof PilotPart)[keyof typeof PilotPart];

export const EVIDENCE_KINDS = Object.values(EvidenceKind);
export const VERIFICATION_STATUSES = Object.values(VerificationStatus);
export const PILOT_PARTS = Object.values(PilotPart);

/** `'A','B'` for a check constraint over one of these vocabularies. */
export const sqlValues = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(',');
