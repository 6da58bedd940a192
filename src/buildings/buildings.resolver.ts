import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { toBuildingModel } from './building.mapper.js';
import { BuildingsService } from './buildings.service.js';
import {
  BuildingListArgs,
  CreateBuildingInput,
  DeleteBuildingInput,
  SetBuildingArchivedInput,
  UpdateBuildingInput,
} from './dto/building.input.js';
import { BuildingConnection, BuildingModel } from './models/building.model.js';

@Resolver(() => BuildingModel)
export class BuildingsResolver {
  constructor(private readonly service: BuildingsService) {}

  @SignedIn()
  @Query(() => BuildingConnection, { description: 'Buildings (schools), by code, paged; archived ones only when asked for' })
  async buildings(@Args() page: BuildingListArgs): Promise<BuildingConnection> {
    const result = await this.service.list(page.first, page.after, page.includeArchived);
    return { ...result, nodes: result.nodes.map(toBuildingModel) };
  }

  @SignedIn()
  @Query(() => BuildingModel, { description: 'One building (school) by id, archived or not' })
  async building(@Args('id', { type: () => ID, description: "The building's id" }, UuidPipe) id: string): Promise<BuildingModel> {
    return toBuildingModel(await this.service.get(id));
  }

  @Allow(Persona.HR)
  @Mutation(() => BuildingModel, { description: 'HR: add a building; its code must be unique' })
  async createBuilding(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The new building's code, name and level" }) input: CreateBuildingInput,
  ): Promise<BuildingModel> {
    return toBuildingModel(await this.service.create(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => BuildingModel, { description: 'HR: rename a building or change its level' })
  async updateBuilding(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The building, the version you read, and what to change' }) input: UpdateBuildingInput,
  ): Promise<BuildingModel> {
    return toBuildingModel(await this.service.update(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => BuildingModel, { description: 'HR: archive a building (no new educators or roles there; history kept) or restore it' })
  async setBuildingArchived(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The building, the version you read, and whether to archive or restore it' })
    input: SetBuildingArchivedInput,
  ): Promise<BuildingModel> {
    return toBuildingModel(await this.service.setArchived(actor, input.id, input.version, input.archived));
  }

  @Allow(Persona.HR)
  @Mutation(() => Boolean, {
    description: 'HR: delete a building nothing refers to (entered by mistake); otherwise CONFLICT: archive it instead',
  })
  async deleteBuilding(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The building and the version you read' }) input: DeleteBuildingInput,
  ): Promise<boolean> {
    await this.service.delete(actor, input.id, input.version);
    return true;
  }
}
