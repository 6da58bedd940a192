import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { CommitmentsService } from './commitments.service.js';
import { EndCommitmentInput, RecordCommitmentInput, UpdateCommitmentInput } from './dto/commitment.input.js';
import { CommitmentModel } from './models/commitment.model.js';

@Resolver(() => CommitmentModel)
export class CommitmentsResolver {
  constructor(private readonly service: CommitmentsService) {}

  @Allow(Persona.HR)
  @Query(() => [CommitmentModel], { description: "HR: an educator's hybrid commitments, past, current and future, by start date" })
  educatorCommitments(
    @Args('educatorId', { type: () => ID, description: 'The educator whose commitments to list' }, UuidPipe) educatorId: string,
  ): Promise<CommitmentModel[]> {
    return this.service.ofEducator(educatorId);
  }

  @Allow(Persona.HR)
  @Mutation(() => CommitmentModel, {
    description: 'HR: record a hybrid commitment agreed outside Pathways; a past start needs backdated: true',
  })
  recordCommitment(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The educator, the role title, its FTE and its dates' }) input: RecordCommitmentInput,
  ): Promise<CommitmentModel> {
    return this.service.record(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => CommitmentModel, { description: 'HR: correct the title, FTE or start of a commitment made outside Pathways' })
  updateCommitment(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The commitment, the version you read, and what to correct' }) input: UpdateCommitmentInput,
  ): Promise<CommitmentModel> {
    return this.service.update(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => CommitmentModel, { description: 'HR: end a commitment early (any source): its last day moves earlier' })
  endCommitment(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The commitment, the version you read, and its new last day' }) input: EndCommitmentInput,
  ): Promise<CommitmentModel> {
    return this.service.endEarly(actor, input);
  }
}
