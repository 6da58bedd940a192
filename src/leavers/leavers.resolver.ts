import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { RecordLeavingInput, ReinstateEducatorInput } from '../educators/dto/leaving.input.js';
import { toEducatorModel } from '../educators/educator.mapper.js';
import { EducatorModel } from '../educators/models/educator.model.js';
import { LeaversService } from './leavers.service.js';

@Resolver()
export class LeaversResolver {
  constructor(private readonly leavers: LeaversService) {}

  @Allow(Persona.HR)
  @Mutation(() => EducatorModel, {
    description: 'HR: record that an educator leaves; from that day they drop out of rankings and capacity, and their account is disabled',
  })
  async recordLeaving(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The educator, the version you read, and their leaving date' }) input: RecordLeavingInput,
  ): Promise<EducatorModel> {
    return toEducatorModel(await this.leavers.recordLeaving(actor, input), actor);
  }

  @Allow(Persona.HR)
  @Mutation(() => EducatorModel, {
    description:
      'HR: undo a leaving recorded by mistake: the leaving date is cleared and the account the leaving disabled works again; applications, offers and invitations it closed are NOT reopened',
  })
  async reinstateEducator(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The educator, the version you read, and why the leaving is undone' }) input: ReinstateEducatorInput,
  ): Promise<EducatorModel> {
    return toEducatorModel(await this.leavers.reinstate(actor, input), actor);
  }
}
