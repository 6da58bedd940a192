import { registerEnumType } from '@nestjs/graphql';
import { EVIDENCE_KINDS, EvidenceKind, kindSpec, PilotPart, VerificationStatus } from '../domain/evidence-kind.js';
import { VerificationRequestStatus } from '../domain/verification-request.js';

// Registered once here; GraphQL code imports the enums from this file so registration always happens first.
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  valuesMap: Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, { description: kindSpec(k).label }])),
});
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
registerEnumType(PilotPart, { name: 'PilotPart' });
registerEnumType(VerificationRequestStatus, {
  name: 'VerificationRequestStatus',
  description: 'PENDING until HR decides VERIFIED, ENDORSED or REJECTED, each with a reason the educator reads',
});

export { EvidenceKind, PilotPart, VerificationRequestStatus, VerificationStatus };
