import { Module } from '@nestjs/common';
import { CompetenciesResolver } from './competencies.resolver.js';
import { CompetenciesService } from './competencies.service.js';

@Module({
  providers: [CompetenciesService, CompetenciesResolver],
  exports: [CompetenciesService],
})
export class CompetenciesModule {}
