import { Module } from '@nestjs/common';
import { ChangeLogPruner } from './change-log-pruner.service.js';
import { DemonstratedLevelsRepository } from './sql/demonstrated-levels.repository.js';
import { MatchingRepository } from './sql/matching.repository.js';
import { MatchingResolver } from './matching.resolver.js';
import { NewRoleAlertsService } from './new-role-alerts.service.js';
import { RankingRunsService } from './ranking-runs.service.js';
import { RankingService } from './ranking.service.js';
import { ScoringPolicyResolver } from './scoring-policy.resolver.js';
import { ScoringPolicyRepository } from './scoring-policy.repository.js';
import { ScoringPolicyService } from './scoring-policy.service.js';
import { StandingService } from './standing.service.js';

/**
 * Matching: scoring policy, ranking, explanations, standing and saved runs. Exports the one
 * demonstrated-level computation (reports), the policy (hiring, reports) and ranking/runs (hiring).
 */
@Module({
  providers: [
    DemonstratedLevelsRepository,
    MatchingRepository,
    ScoringPolicyRepository,
    ScoringPolicyService,
    RankingService,
    RankingRunsService,
    StandingService,
    ScoringPolicyResolver,
    MatchingResolver,
    NewRoleAlertsService,
    ChangeLogPruner,
  ],
  exports: [ChangeLogPruner, DemonstratedLevelsRepository, MatchingRepository, ScoringPolicyService, RankingService, RankingRunsService],
})
export class MatchingModule {}
