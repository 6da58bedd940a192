import { Args, Query, Resolver } from '@nestjs/graphql';
import { COST } from '../common/cost.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { ComparisonService } from './comparison.service.js';
import { ComparisonArgs } from './dto/comparison.args.js';
import { CandidateComparisonModel } from './models/comparison.model.js';

@Resolver(() => CandidateComparisonModel)
export class ComparisonResolver {
  constructor(private readonly service: ComparisonService) {}

  @Allow(Persona.HR, Persona.PANELIST)
  @Query(() => CandidateComparisonModel, {
    description: 'Side by side: requirements x chosen candidates, with evidence, engine score and rank, panel scores',
    complexity: COST.COMPARISON,
  })
  async candidateComparison(@CurrentPrincipal() viewer: Principal, @Args() args: ComparisonArgs): Promise<CandidateComparisonModel> {
    return this.service.compare(viewer, args.roleId, args.applicationIds);
  }

  @Allow(Persona.HR, Persona.PANELIST)
  @Query(() => String, {
    description: 'The same comparison as CSV text for the panel packet (one row per candidate and requirement)',
    complexity: COST.COMPARISON + COST.CSV_EXPORT,
  })
  async candidateComparisonCsv(@CurrentPrincipal() viewer: Principal, @Args() args: ComparisonArgs): Promise<string> {
    return this.service.csv(viewer, args.roleId, args.applicationIds);
  }
}
