import { Module } from '@nestjs/common';
import { GuardedHttpModule } from '../common/http/guarded-http.module.js';
import { CaseImportService } from './case-import.service.js';
import { CaseRepository } from './case.repository.js';
import { CaseResolver } from './case.resolver.js';
import { CaseService } from './case.service.js';
import { CaseProviderController } from './provider/case-provider.controller.js';
import { CaseProviderService } from './provider/case-provider.service.js';

/** CASE 1.1: export, the read-only provider at /ims/case/v1p1, import and crosswalks. */
@Module({
  imports: [GuardedHttpModule],
  controllers: [CaseProviderController],
  providers: [CaseRepository, CaseService, CaseImportService, CaseProviderService, CaseResolver],
  exports: [CaseService, CaseImportService],
})
export class CaseModule {}
