import { AppError, ErrorCode } from '../../common/app-error.js';
import { RightsReason } from './rights-reason.js';

/** The first day a person who left may be erased: the leaving date plus the retention period. */
export function erasableFrom(leavingDate: string, retentionDays: number): string {
  const d = new Date(`${leavingDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + retentionDays);
  return d.toISOString().slice(0, 10);
}

/** Only a person who has left, once the retention period after leaving has ended. */
export function assertErasable(leavingDate: string | null, today: string, retentionDays: number): void {
  if (leavingDate === null || leavingDate > today) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      leavingDate === null
        ? 'Only a person who has left can be erased: record their leaving date first'
        : `This person leaves on ${leavingDate}; they can be erased only after they have left`,
      { leavingDate },
      RightsReason.NOT_LEFT,
    );
  }
  const from = erasableFrom(leavingDate, retentionDays);
  if (today < from) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `Records of people who left are kept ${retentionDays} days after leaving (ERASURE_RETENTION_DAYS); this person can be erased from ${from}`,
      { leavingDate, erasableFrom: from },
      RightsReason.RETENTION_PERIOD,
    );
  }
}

/**
 * What erasure does, table by table (the README repeats it). DELETED: the rows go. ANONYMISED: the rows stay for
 * the hiring history, the fairness audit and saved ranking runs, with their personal content removed.
 */
export const ERASURE_PLAN: ReadonlyArray<{ table: string; action: 'DELETED' | 'ANONYMISED' | 'PSEUDONYMISED'; what: string }> = [
  {
    table: 'evidence',
    action: 'DELETED',
    what: 'every evidence item, archived ones too, with claims, verification requests, imported credentials and any revisions',
  },
  { table: 'building_assignment', action: 'DELETED', what: 'building history' },
  {
    table: 'hybrid_commitment',
    action: 'DELETED',
    what: 'hybrid commitments (offers keep their terms; their link to the commitment is cleared)',
  },
  { table: 'dispute', action: 'DELETED', what: "the person's disputes and their outcomes" },
  { table: 'holder_did', action: 'DELETED', what: 'linked wallet identifier' },
  { table: 'fairness.self_identification', action: 'DELETED', what: 'voluntary self-identification' },
  { table: 'account_password_link', action: 'DELETED', what: 'set-password links' },
  {
    table: 'notification',
    action: 'DELETED',
    what: 'notifications to the person (by educator, account or email), sent or not; notification preferences; in messages to others (an answered offer, to HR) the name is replaced',
  },
  {
    table: 'educator',
    action: 'ANONYMISED',
    what: 'name, work email, employee id and assignment removed; hire date set to the leaving date; the row stays as "Erased person" so hiring history keeps its shape',
  },
  { table: 'account', action: 'ANONYMISED', what: 'email and name replaced, password and personas removed, disabled, every session ended' },
  { table: 'application', action: 'ANONYMISED', what: 'statement removed; role, status and dates kept (fairness audit)' },
  {
    table: 'application_transition',
    action: 'ANONYMISED',
    what: "reasons removed; steps and times kept; the person's own steps carry their pseudonym",
  },
  { table: 'invitation', action: 'ANONYMISED', what: 'message removed' },
  { table: 'offer', action: 'ANONYMISED', what: 'override reason removed; status, FTE and dates kept' },
  { table: 'panel_score', action: 'ANONYMISED', what: 'comments about the person removed; scores kept' },
  { table: 'conflict_of_interest', action: 'ANONYMISED', what: 'reasons removed' },
  {
    table: 'issued_credential',
    action: 'ANONYMISED',
    what: 'credential document removed; status-list index and revocation kept so verifiers still see a revocation',
  },
  {
    table: 'ranking_run_result',
    action: 'PSEUDONYMISED',
    what: 'name, evidence titles and summaries removed; ranks, scores and breakdowns kept',
  },
  { table: 'audit_entry', action: 'PSEUDONYMISED', what: "kept; the person's ids replaced by stable pseudonyms and personal text removed" },
];

/** Tables with an educator_id column whose rows of an erased person stay (anonymised above). Anything else is deleted. */
export const KEPT_EDUCATOR_TABLES: readonly string[] = [
  'educator',
  'application',
  'offer',
  'invitation',
  'issued_credential',
  'conflict_of_interest',
  'ranking_run_result',
];

/**
 * Where audit entries name a person or their records inside `changes` (besides the indexed actor and target columns):
 * the key paths, per kind of id. Erasure finds entries through these (one GIN index, containment), so an audit record
 * that names a person must put the id under one of them; the erasure scenario test checks nothing is left behind.
 */
export const AUDIT_REFERENCE_PATHS = {
  educator: ['educatorId', 'offeredEducatorId', 'expectedEducatorId', 'after.educatorId', 'before.educatorId'],
  account: ['accountId', 'after.accountId', 'before.accountId'],
  email: ['email', 'after.email', 'before.email'],
  record: ['evidenceId', 'subjectId', 'applicationId', 'offerId', 'verificationRequestId', 'commitmentId'],
} as const;

/** The containment documents (`changes @> doc`) that find entries naming any of these ids. */
export function auditReferenceDocs(ids: { educator: string[]; account: string[]; email: string[]; record: string[] }): string[] {
  const docs: string[] = [];
  for (const kind of Object.keys(AUDIT_REFERENCE_PATHS) as Array<keyof typeof AUDIT_REFERENCE_PATHS>) {
    for (const id of ids[kind]) {
      for (const path of AUDIT_REFERENCE_PATHS[kind]) {
        const doc = path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), id);
        docs.push(JSON.stringify(doc));
      }
    }
  }
  return docs;
}
