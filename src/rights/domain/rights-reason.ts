/** `extensions.reason` values of the educator's-rights module (disputes, export, erasure). */
export enum RightsReason {
  /** The educator already has an OPEN dispute about this subject. */
  DUPLICATE_DISPUTE = 'DUPLICATE_DISPUTE',
  /** There is no decision to dispute yet (a pending request, an application still in progress). */
  NOTHING_TO_DISPUTE = 'NOTHING_TO_DISPUTE',
  /** The dispute was already resolved; its outcome stands. */
  ALREADY_RESOLVED = 'ALREADY_RESOLVED',
  /** Erasure: the person has no leaving date, or it is still ahead. */
  NOT_LEFT = 'NOT_LEFT',
  /** Erasure: the retention period after leaving (ERASURE_RETENTION_DAYS) has not ended. */
  RETENTION_PERIOD = 'RETENTION_PERIOD',
}
