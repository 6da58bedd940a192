import { Module } from '@nestjs/common';
import { CompetenciesResolver } from './competencies.resolver.js';
import { CompetenciesService } from './competencies.service.js';
import { FrameworksService } from './frameworks.service.js';

@Module({
  providers: [CompetenciesService, FrameworksService, CompetenciesResolver],
  exports: [CompetenciesService],
})
export class CompetenciesModule {}
