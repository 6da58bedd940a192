import { Module } from '@nestjs/common';
import { MatchingModule } from '../matching/matching.module.js';
import { DisputesRepository } from './disputes.repository.js';
import { DisputesService } from './disputes.service.js';
import { ErasureRepository } from './erasure.repository.js';
import { ErasureService } from './erasure.service.js';
import { PersonalDataExportService } from './personal-data-export.service.js';
import { RightsController } from './rights.controller.js';
import { RightsResolver } from './rights.resolver.js';

/** The educator's rights: disputes, the personal-data export and erasure. */
@Module({
  imports: [MatchingModule],
  controllers: [RightsController],
  providers: [DisputesRepository, DisputesService, PersonalDataExportService, ErasureRepository, ErasureService, RightsResolver],
})
export class RightsModule {}
