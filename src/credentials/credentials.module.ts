import { Module } from '@nestjs/common';
import { GuardedHttpModule } from '../common/http/guarded-http.module.js';
import { EvidenceModule } from '../evidence/evidence.module.js';
import { ClrExportService } from './clr-export.service.js';
import { CredentialImportService } from './credential-import.service.js';
import { CredentialIssuingService } from './credential-issuing.service.js';
import { CredentialsRepository } from './credentials.repository.js';
import { CredentialsResolver, EvidenceCredentialResolver } from './credentials.resolver.js';
import { StatusRecheckService } from './status-recheck.service.js';
import { TrustedIssuerService } from './trusted-issuer.service.js';
import { VerifierFactory } from './verifier.factory.js';
import { WellKnownController } from './well-known.controller.js';

@Module({
  imports: [GuardedHttpModule, EvidenceModule],
  controllers: [WellKnownController],
  providers: [
    CredentialsRepository,
    VerifierFactory,
    ClrExportService,
    CredentialImportService,
    CredentialIssuingService,
    TrustedIssuerService,
    StatusRecheckService,
    CredentialsResolver,
    EvidenceCredentialResolver,
  ],
  exports: [StatusRecheckService, CredentialIssuingService],
})
export class CredentialsModule {}
