import { registerEnumType } from '@nestjs/graphql';
import { ApplicationStatus } from '../domain/application-status.js';
import { InvitationStatus } from '../domain/invitation-status.js';
import { OfferStatus } from '../domain/offer-status.js';

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description:
    'Where an application is in hiring: SUBMITTED -> SCREENED -> SHORTLISTED -> INTERVIEW -> OFFERED -> ACCEPTED or DECLINED; REJECTED or WITHDRAWN from any open state',
  valuesMap: {
    SUBMITTED: { description: 'Received; HR has not screened it yet' },
    SCREENED: { description: 'HR checked it meets the basics' },
    SHORTLISTED: { description: 'Chosen for the panel to compare and score' },
    INTERVIEW: { description: 'Invited to interview' },
    OFFERED: { description: 'An offer is open' },
    ACCEPTED: { description: 'The candidate accepted the offer; a hybrid commitment is recorded' },
    DECLINED: { description: 'The candidate declined the offer' },
    REJECTED: { description: 'HR ended the application, with a reason the candidate reads' },
    WITHDRAWN: { description: 'The candidate withdrew' },
  },
});
registerEnumType(InvitationStatus, {
  name: 'InvitationStatus',
  description:
    'Where an invitation to apply stands: INVITED -> ACCEPTED (an application is created) or DECLINED by the educator, or WITHDRAWN by the district',
  valuesMap: {
    INVITED: { description: "Waiting for the educator's answer" },
    ACCEPTED: { description: 'The educator accepted; an application was created' },
    DECLINED: { description: 'The educator declined' },
    WITHDRAWN: {
      description:
        'Closed without an answer because the educator left the district (closedReason says so); not reopened if the leaving is undone, HR invites again',
    },
  },
});
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description:
    'Where an offer stands: PENDING -> ACCEPTED or DECLINED by the candidate; RESCINDED when HR rejects, WITHDRAWN when the candidate withdraws',
  valuesMap: {
    PENDING: { description: "Waiting for the candidate's answer" },
    ACCEPTED: { description: 'The candidate accepted: a hybrid commitment is recorded' },
    DECLINED: { description: 'The candidate declined' },
    RESCINDED: { description: 'HR rejected the application while the offer was open, or the offer closed (e.g. the role was filled)' },
    WITHDRAWN: { description: 'The candidate withdrew their application while the offer was open' },
  },
});

export { ApplicationStatus, InvitationStatus, OfferStatus };
