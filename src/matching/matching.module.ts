import { Module } from '@nestjs/common';
import { DemonstratedLevelsRepository } from './demonstrated-levels.repository.js';
import { ScoringPolicyResolver } from './scoring-policy.resolver.js';
import { ScoringPolicyService } from './scoring-policy.service.js';

@Module({
  providers: [DemonstratedLevelsRepository, ScoringPolicyService, ScoringPolicyResolver],
  exports: [DemonstratedLevelsRepository, ScoringPolicyService],
})
export class MatchingModule {}
