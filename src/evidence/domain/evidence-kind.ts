/** The kinds of evidence an educator can hold; stored as text, mirrored by a check constraint. */
export enum EvidenceKind {
  CERTIFICATION = 'CERTIFICATION',
  PILOT = 'PILOT',
  /** Professional learning the educator designed and/or delivered for colleagues. */
  PROFESSIONAL_LEARNING = 'PROFESSIONAL_LEARNING',
  /** A conference presentation. */
  PRESENTATION = 'PRESENTATION',
  /** A portfolio artifact (redesigned assessment, unit, tool evaluation ...). */
  ARTIFACT = 'ARTIFACT',
  /** A course or workshop attended, with hours. */
  COURSE = 'COURSE',
}

export enum VerificationStatus {
  SELF_REPORTED = 'SELF_REPORTED',
  ENDORSED = 'ENDORSED',
  VERIFIED = 'VERIFIED',
}

/** The educator's part in a pilot. */
export enum PilotPart {
  LEAD = 'LEAD',
  CO_LEAD = 'CO_LEAD',
  MEMBER = 'MEMBER',
}
