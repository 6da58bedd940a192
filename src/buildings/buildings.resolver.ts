import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { PageArgs } from '../common/pagination.js';
import { toBuildingModel } from './building.mapper.js';
import { BuildingsService } from './buildings.service.js';
import { CreateBuildingInput } from './dto/building.input.js';
import { BuildingConnection, BuildingModel } from './models/building.model.js';

@Resolver(() => BuildingModel)
export class BuildingsResolver {
  constructor(private readonly service: BuildingsService) {}

  @SignedIn()
  @Query(() => BuildingConnection, { description: 'Buildings (schools), by code, paged' })
  async buildings(@Args() page: PageArgs): Promise<BuildingConnection> {
    const result = await this.service.list(page.first, page.after);
    return { ...result, nodes: result.nodes.map(toBuildingModel) };
  }

  @SignedIn()
  @Query(() => BuildingModel)
  async building(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<BuildingModel> {
    return toBuildingModel(await this.service.get(id));
  }

  @Allow(Persona.HR)
  @Mutation(() => BuildingModel, { description: 'HR: add a building; its code must be unique' })
  async createBuilding(@CurrentPrincipal() actor: Principal, @Args('input') input: CreateBuildingInput): Promise<BuildingModel> {
    return toBuildingModel(await this.service.create(actor, input));
  }
}
