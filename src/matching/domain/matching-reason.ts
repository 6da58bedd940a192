/** `extensions.reason` values of the matching module's errors (see the README's error table). */
export enum MatchingReason {
  /** The educator's leaving date has come: from that day they are not ranked, stood or explained. */
  EDUCATOR_LEFT = 'EDUCATOR_LEFT',
}
