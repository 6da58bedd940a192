import { registerEnumType } from '@nestjs/graphql';
import { DisputeKind, DisputeStatus } from '../domain/dispute.js';

registerEnumType(DisputeKind, {
  name: 'DisputeKind',
  description: "What sort of decision an educator disputes, which says what the dispute's subjectId names",
  valuesMap: {
    VERIFICATION_DECISION: {
      description: "HR's decision on a verification request (VERIFIED, ENDORSED or REJECTED); subject: the request",
    },
    EVIDENCE_STATUS: {
      description: 'The verification status an evidence item holds (e.g. set or removed by HR directly); subject: the item',
    },
    EXPLANATION: {
      description: 'The explanation of where the educator stands for a role (score, met and unmet requirements); subject: the role',
    },
    APPLICATION_DECISION: { description: 'A decision on an application (rejection, a declined or closed offer); subject: the application' },
  },
});
registerEnumType(DisputeStatus, {
  name: 'DisputeStatus',
  description: 'Where a dispute stands: OPEN until HR resolves it UPHELD or DISMISSED with a written outcome',
  valuesMap: {
    OPEN: { description: 'Waiting for HR' },
    UPHELD: { description: 'HR agrees: the outcome says what changes (HR then makes the change through the ordinary operations)' },
    DISMISSED: { description: 'HR keeps the decision: the outcome says why' },
  },
});

export { DisputeKind, DisputeStatus };
