import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module.js';
import { RolesModule } from '../roles/roles.module.js';
import { ApplicationPipelineService } from './application-pipeline.service.js';
import { ApplicationsResolver } from './applications.resolver.js';
import { ApplicationsService } from './applications.service.js';
import { ComparisonResolver } from './comparison.resolver.js';
import { ComparisonService } from './comparison.service.js';
import { HiringAccessService } from './hiring-access.service.js';
import { HiringRepository } from './hiring.repository.js';
import { LeaverClosuresService } from './leaver-closures.service.js';
import { OffersResolver } from './offers.resolver.js';
import { OffersService } from './offers.service.js';
import { PanelsResolver } from './panels.resolver.js';
import { PanelsService } from './panels.service.js';

/** Hiring: applications, invitations, panels and scores, the side-by-side comparison, offers and decisions. */
@Module({
  imports: [RolesModule, MatchingModule],
  providers: [
    HiringRepository,
    HiringAccessService,
    ApplicationPipelineService,
    ApplicationsService,
    PanelsService,
    OffersService,
    ComparisonService,
    LeaverClosuresService,
    ApplicationsResolver,
    PanelsResolver,
    OffersResolver,
    ComparisonResolver,
  ],
  exports: [LeaverClosuresService],
})
export class HiringModule {}
