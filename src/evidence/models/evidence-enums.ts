import { registerEnumType } from '@nestjs/graphql';
import { EvidenceKind, PilotPart, VerificationStatus } from '../domain/evidence-kind.js';
import { VerificationRequestStatus } from '../domain/verification-request.js';

// Registered once here; GraphQL code imports the enums from this file so registration always happens first.
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  valuesMap: {
    CERTIFICATION: { description: 'A recognised certification' },
    PILOT: { description: 'A pilot the educator led, co-led or took part in' },
    PROFESSIONAL_LEARNING: { description: 'Professional learning designed and/or delivered for colleagues' },
    PRESENTATION: { description: 'A conference presentation' },
    ARTIFACT: { description: 'A portfolio artifact' },
    COURSE: { description: 'A course or workshop attended, with hours' },
  },
});
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
registerEnumType(PilotPart, { name: 'PilotPart' });
registerEnumType(VerificationRequestStatus, {
  name: 'VerificationRequestStatus',
  description: 'PENDING until HR decides VERIFIED, ENDORSED or REJECTED, each with a reason the educator reads',
});

export { EvidenceKind, PilotPart, VerificationRequestStatus, VerificationStatus };
