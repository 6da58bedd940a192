import { registerEnumType } from '@nestjs/graphql';
import { EVIDENCE_KINDS, EvidenceKind, kindSpec, PilotPart, VerificationStatus } from '../domain/evidence-kind.js';
import { VerificationRequestStatus } from '../domain/verification-request.js';

// Registered once here; GraphQL code imports the enums from this file so registration always happens first.
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description:
    'What sort of evidence an item is: it decides the details an item carries and its weight in matching (demonstrated work such as a led pilot counts more than attendance)',
  valuesMap: Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, { description: kindSpec(k).label }])),
});
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'How far the district vouches for an evidence item; strongest first',
  valuesMap: {
    VERIFIED: { description: 'HR checked the evidence itself (or it came as a credential from a trusted issuer)' },
    ENDORSED: { description: 'HR vouches for it without having checked the work in full' },
    SELF_REPORTED: { description: "The educator's own account, not yet checked by HR; counts for less in matching" },
  },
});
registerEnumType(PilotPart, {
  name: 'PilotPart',
  description: "The educator's part in a pilot",
  valuesMap: {
    LEAD: { description: 'Led the pilot' },
    CO_LEAD: { description: 'Led it together with others' },
    MEMBER: { description: 'Took part without leading' },
  },
});
registerEnumType(VerificationRequestStatus, {
  name: 'VerificationRequestStatus',
  description: 'PENDING until HR decides VERIFIED, ENDORSED or REJECTED, each with a reason the educator reads',
  valuesMap: {
    PENDING: { description: 'Waiting for HR' },
    VERIFIED: { description: 'HR checked the work: the evidence is now VERIFIED' },
    ENDORSED: { description: 'HR vouches for it without a full check: the evidence is now ENDORSED' },
    REJECTED: { description: 'HR could not verify it: the evidence keeps the status it had; the reason says why' },
  },
});

export { EvidenceKind, PilotPart, VerificationRequestStatus, VerificationStatus };
