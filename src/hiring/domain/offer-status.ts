import { badInput } from '../../common/app-error.js';
import { HiringReason } from './hiring-reason.js';

/** An offer's life: made by HR, answered by the candidate, or rescinded when the application closes otherwise. */
export enum OfferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  RESCINDED = 'RESCINDED',
  WITHDRAWN = 'WITHDRAWN',
}

export function assertCanAnswer(status: OfferStatus): void {
  if (status !== OfferStatus.PENDING)
    throw badInput(`This offer is ${status}; it can no longer be answered`, undefined, HiringReason.ALREADY_ANSWERED);
}
