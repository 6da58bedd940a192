import { registerEnumType } from '@nestjs/graphql';
import { DisputeKind, DisputeStatus } from '../domain/dispute.js';

registerEnumType(DisputeKind, {
  name: 'DisputeKind',
  description: 'VERIFICATION_DECISION (subject: a verification request), EVIDENCE_STATUS (an evidence item), EXPLANATION (a role), APPLICATION_DECISION (an application)',
});
registerEnumType(DisputeStatus, { name: 'DisputeStatus', description: 'OPEN until HR resolves it UPHELD or DISMISSED with a written outcome' });

export { DisputeKind, DisputeStatus };
