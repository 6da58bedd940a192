import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isHr, Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { buildingLoader } from '../buildings/building.loader.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { BuildingModel } from '../buildings/models/building.model.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import type { RequestContext } from '../access/request-context.js';
import { CreateEducatorInput, EducatorListArgs, UpdateEducatorInput } from './dto/educator.input.js';
import { toEducatorModel } from './educator.mapper.js';
import { EducatorsService } from './educators.service.js';
import { BuildingAssignmentsService } from './building-assignments.service.js';
import { MoveEducatorInput } from './dto/move.input.js';
import { BuildingAssignmentModel } from './models/building-assignment.model.js';
import { defineLoader, groupByKey } from '../common/loaders.js';

const assignmentsByEducator = defineLoader<string, BuildingAssignmentModel[], BuildingAssignmentsService>(
  'educator.buildingAssignments',
  async (service, ids) =>
    groupByKey(ids, await service.history(ids), (a) => a.educatorId).map((list) =>
      list.map((a) => ({ buildingId: a.buildingId, startsOn: a.startsOn, endsOn: a.endsOn })),
    ),
);
import { EducatorConnection, EducatorModel } from './models/educator.model.js';

@Resolver(() => EducatorModel)
export class EducatorsResolver {
  constructor(
    private readonly service: EducatorsService,
    private readonly buildings: BuildingsService,
    private readonly assignments: BuildingAssignmentsService,
  ) {}

  @Allow(Persona.HR)
  @Query(() => EducatorConnection, { description: 'HR: the educator directory, by name, paged' })
  async educators(@CurrentPrincipal() viewer: Principal, @Args() args: EducatorListArgs): Promise<EducatorConnection> {
    const result = await this.service.list(args);
    return { ...result, nodes: result.nodes.map((e) => toEducatorModel(e, viewer)) };
  }

  @SignedIn()
  @Query(() => EducatorModel, { description: 'HR: any educator. Educators: only themselves (others are NOT_FOUND).' })
  async educator(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: "The educator's id" }, UuidPipe) id: string,
  ): Promise<EducatorModel> {
    return toEducatorModel(await this.service.getVisible(viewer, id), viewer);
  }

  @Allow(Persona.HR)
  @Mutation(() => EducatorModel, { description: 'HR: add an educator profile' })
  async createEducator(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The new educator's name, email, building, assignment and hire date" }) input: CreateEducatorInput,
  ): Promise<EducatorModel> {
    return toEducatorModel(await this.service.create(actor, input), actor);
  }

  @Allow(Persona.HR)
  @Mutation(() => EducatorModel, { description: 'HR: change an educator profile' })
  async updateEducator(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The educator, the version you read, and what to correct' }) input: UpdateEducatorInput,
  ): Promise<EducatorModel> {
    return toEducatorModel(await this.service.update(actor, input), actor);
  }

  @Allow(Persona.HR)
  @Mutation(() => EducatorModel, {
    description: 'HR: record that an educator moves to another building from a date; reports for earlier days keep the old building',
  })
  async moveEducator(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The educator, the version you read, the new building and the first day there' })
    input: MoveEducatorInput,
  ): Promise<EducatorModel> {
    return toEducatorModel(await this.assignments.move(actor, input), actor);
  }

  @ResolveField(() => [BuildingAssignmentModel], {
    nullable: true,
    description: 'Building history, oldest first; null unless you are HR or this educator',
  })
  async buildingAssignments(
    @Parent() educator: EducatorModel,
    @CurrentPrincipal() viewer: Principal,
    @Context() ctx: RequestContext,
  ): Promise<BuildingAssignmentModel[] | null> {
    if (!isHr(viewer) && viewer?.educatorId !== educator.id) return null;
    return assignmentsByEducator.of(ctx, this.assignments).load(educator.id);
  }

  @ResolveField(() => BuildingModel, { description: 'The building the educator works in now' })
  async building(@Parent() educator: EducatorModel, @Context() ctx: RequestContext): Promise<BuildingModel> {
    const found = await buildingLoader(ctx, this.buildings).load(educator.buildingId);
    // The foreign key makes a missing building impossible short of a concurrent delete, which nothing offers.
    if (!found) throw new Error(`Building ${educator.buildingId} of educator ${educator.id} is missing`);
    return found;
  }
}
