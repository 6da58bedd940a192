import { registerEnumType } from '@nestjs/graphql';
import { ApplicationStatus } from '../domain/application-status.js';
import { InvitationStatus } from '../domain/invitation-status.js';
import { OfferStatus } from '../domain/offer-status.js';

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'SUBMITTED -> SCREENED -> SHORTLISTED -> INTERVIEW -> OFFERED -> ACCEPTED or DECLINED; REJECTED or WITHDRAWN from any open state',
});
registerEnumType(InvitationStatus, { name: 'InvitationStatus', description: 'INVITED -> ACCEPTED (an application is created) or DECLINED' });
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'PENDING -> ACCEPTED or DECLINED by the candidate; RESCINDED when HR rejects, WITHDRAWN when the candidate withdraws',
});

export { ApplicationStatus, InvitationStatus, OfferStatus };
