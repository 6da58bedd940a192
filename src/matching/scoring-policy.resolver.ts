import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { PageArgs } from '../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { PublishScoringPolicyInput } from './dto/scoring-policy.input.js';
import { ScoringPolicyConnection, ScoringPolicyModel } from './models/scoring-policy.model.js';
import { toScoringPolicyModel } from './scoring-policy.mapper.js';
import { ScoringPolicyService } from './scoring-policy.service.js';

/**
 * Reading the policy is open to every signed-in person on purpose: educators are entitled to know how
 * they are scored. Publishing is for HR.
 */
@Resolver(() => ScoringPolicyModel)
export class ScoringPolicyResolver {
  constructor(
    private readonly policies: ScoringPolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @SignedIn()
  @Query(() => ScoringPolicyModel, { description: 'One scoring policy version; the current one when no version is given' })
  async scoringPolicy(
    @Args('version', { type: () => Int, nullable: true, description: 'A version number; omit for the current version' }) version?: number,
  ): Promise<ScoringPolicyModel> {
    return toScoringPolicyModel(await this.policies.byVersion(version), this.config.overextensionFteThreshold);
  }

  @SignedIn()
  @Query(() => ScoringPolicyConnection, { description: 'Every published scoring policy version, newest first' })
  async scoringPolicies(@Args() page: PageArgs): Promise<ScoringPolicyConnection> {
    const result = await this.policies.list(page.first, page.after);
    return { ...result, nodes: result.nodes.map((p) => toScoringPolicyModel(p, this.config.overextensionFteThreshold)) };
  }

  @Allow(Persona.HR)
  @Mutation(() => ScoringPolicyModel, { description: 'HR: publish a new policy version; older versions stay readable' })
  async publishScoringPolicy(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The version you read and what to change' }) input: PublishScoringPolicyInput,
  ): Promise<ScoringPolicyModel> {
    return toScoringPolicyModel(await this.policies.publish(actor, input), this.config.overextensionFteThreshold);
  }
}
