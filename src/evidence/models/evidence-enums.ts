import { registerEnumType } from '@nestjs/graphql';
import { EvidenceKind, PilotPart, VerificationStatus } from '../domain/evidence-kind.js';

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

export { EvidenceKind, PilotPart, VerificationStatus };
