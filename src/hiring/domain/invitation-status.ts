import { badInput } from '../../common/app-error.js';
import { HiringReason } from './hiring-reason.js';

/** HR's invitation to a ranked candidate to apply; accepting it creates the application. */
export enum InvitationStatus {
  INVITED = 'INVITED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** Closed without an answer by the district (the educator left); `closedReason` says why. Final. */
  WITHDRAWN = 'WITHDRAWN',
}

/** Only an outstanding invitation can be answered, and only once. */
export function assertCanRespond(current: InvitationStatus, to: InvitationStatus): void {
  if (to === InvitationStatus.INVITED) throw badInput('An invitation can only be accepted or declined');
  if (current !== InvitationStatus.INVITED)
    throw badInput(
      `The invitation was already ${current.toLowerCase()}; it cannot be ${to.toLowerCase()} now`,
      undefined,
      HiringReason.ALREADY_ANSWERED,
    );
}
