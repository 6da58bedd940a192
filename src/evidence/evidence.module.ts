import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module.js';
import { EducatorEvidenceResolver, EvidenceClaimResolver } from './evidence-fields.resolver.js';
import { EvidenceTrustResolver } from './evidence-trust.resolver.js';
import { EvidenceTrustService } from './evidence-trust.service.js';
import { EvidenceWriteService } from './evidence-write.service.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceResolver } from './evidence.resolver.js';
import { EvidenceService } from './evidence.service.js';
import { VerificationRequestsResolver } from './verification-requests.resolver.js';
import { VerificationRequestsService } from './verification-requests.service.js';

@Module({
  imports: [CompetenciesModule],
  providers: [
    EvidenceRepository,
    EvidenceService,
    EvidenceWriteService,
    EvidenceResolver,
    EducatorEvidenceResolver,
    EvidenceClaimResolver,
    VerificationRequestsService,
    VerificationRequestsResolver,
    EvidenceTrustService,
    EvidenceTrustResolver,
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
