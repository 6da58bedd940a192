import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { DecideVerificationInput, RequestVerificationInput, VerificationQueueArgs } from './dto/verification-request.input.js';
import { VerificationQueueModel, VerificationRequestModel } from './models/verification-request.model.js';
import { VerificationRequestsService } from './verification-requests.service.js';

@Resolver(() => VerificationRequestModel)
export class VerificationRequestsResolver {
  constructor(private readonly requests: VerificationRequestsService) {}

  @Allow(Persona.EDUCATOR)
  @Mutation(() => VerificationRequestModel, { description: 'Ask HR to verify one of your evidence items, with an optional note and links' })
  async requestVerification(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your evidence item, a note and links for HR' }) input: RequestVerificationInput,
  ): Promise<VerificationRequestModel> {
    return this.requests.request(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => VerificationRequestModel, {
    description: 'HR: decide a request VERIFIED, ENDORSED or REJECTED, with a reason the educator reads',
  })
  async decideVerification(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The request, the version you read, the decision and the reason' }) input: DecideVerificationInput,
  ): Promise<VerificationRequestModel> {
    return this.requests.decide(actor, input);
  }

  @Allow(Persona.HR)
  @Query(() => VerificationQueueModel, {
    description: 'HR: pending verification requests, oldest first, filtered by building, kind, competency and age, with counts',
  })
  async verificationQueue(@Args() args: VerificationQueueArgs): Promise<VerificationQueueModel> {
    return this.requests.queue(args);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => [VerificationRequestModel], { description: 'Your verification requests and their decisions, with the reasons given' })
  async myVerificationRequests(@CurrentPrincipal() actor: Principal): Promise<VerificationRequestModel[]> {
    return this.requests.mine(actor);
  }
}
