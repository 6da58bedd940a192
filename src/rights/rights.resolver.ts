import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { DisputeQueueArgs, FileDisputeInput, ResolveDisputeInput } from './dto/dispute.input.js';
import { EraseEducatorInput } from './dto/erasure.input.js';
import { DisputeModel, DisputeQueueModel } from './models/dispute.model.js';
import { ErasureResultModel } from './models/erasure.model.js';
import { DisputesService } from './disputes.service.js';
import { ErasureService } from './erasure.service.js';
import { PersonalDataExportService } from './personal-data-export.service.js';

/** The educator's rights: disputes, the personal-data export and erasure. */
@Resolver()
export class RightsResolver {
  constructor(
    private readonly disputeService: DisputesService,
    private readonly exports: PersonalDataExportService,
    private readonly erasure: ErasureService,
  ) {}

  @Allow(Persona.EDUCATOR)
  @Mutation(() => DisputeModel, {
    description: 'Dispute a decision about you: a verification decision or status, an explanation for a role, or an application decision',
  })
  fileDispute(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'What you dispute, which decision, and why' }) input: FileDisputeInput,
  ): Promise<DisputeModel> {
    return this.disputeService.file(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => [DisputeModel], { description: 'Your disputes, oldest first, with the outcomes HR wrote' })
  myDisputes(@CurrentPrincipal() actor: Principal): Promise<DisputeModel[]> {
    return this.disputeService.mine(actor);
  }

  @Allow(Persona.HR, Persona.EDUCATOR)
  @Query(() => DisputeModel, { description: "One dispute: HR any, an educator their own (anyone else's is NOT_FOUND)" })
  dispute(
    @CurrentPrincipal() actor: Principal,
    @Args('id', { type: () => ID, description: "The dispute's id" }, UuidPipe) id: string,
  ): Promise<DisputeModel> {
    return this.disputeService.one(actor, id, actor.personas.has(Persona.HR));
  }

  @Allow(Persona.HR)
  @Query(() => DisputeQueueModel, { description: 'HR: disputes, oldest first, filtered by status and kind, with counts' })
  disputes(@Args() args: DisputeQueueArgs): Promise<DisputeQueueModel> {
    return this.disputeService.queue(args);
  }

  @Allow(Persona.HR)
  @Mutation(() => DisputeModel, {
    description: 'HR: resolve an open dispute UPHELD or DISMISSED, with a written outcome the educator reads',
  })
  resolveDispute(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The dispute, the version you read, the outcome and the written response' }) input: ResolveDisputeInput,
  ): Promise<DisputeModel> {
    return this.disputeService.resolve(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => String, { description: 'Everything Pathways holds about you, as one JSON document (also GET /me/export.json)' })
  async myDataExport(@CurrentPrincipal() actor: Principal): Promise<string> {
    return JSON.stringify(await this.exports.mine(actor));
  }

  @Allow(Persona.HR)
  @Query(() => String, {
    description: 'HR: the same export for one person, as one JSON document (audited; also GET /educators/{id}/export.json)',
  })
  async personalDataExport(
    @CurrentPrincipal() actor: Principal,
    @Args('educatorId', { type: () => ID, description: 'The educator whose data to export' }, UuidPipe) educatorId: string,
  ): Promise<string> {
    return JSON.stringify(await this.exports.forPerson(actor, educatorId));
  }

  @Allow(Persona.HR)
  @Mutation(() => ErasureResultModel, {
    description:
      'HR: erase a person who has left, after the retention period (ERASURE_RETENTION_DAYS); erasing again answers the first erasure',
  })
  eraseEducator(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The educator and the version you read' }) input: EraseEducatorInput,
  ): Promise<ErasureResultModel> {
    return this.erasure.erase(actor, input);
  }
}
