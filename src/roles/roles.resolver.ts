import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { buildingLoader } from '../buildings/building.loader.js';
import { BuildingsService } from '../buildings/buildings.service.js';
import { BuildingModel } from '../buildings/models/building.model.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { groupByKey, loaderFor } from '../common/loaders.js';
import type { RequestContext } from '../access/request-context.js';
import { ChangeRoleStatusInput, CreateRoleInput, RoleListArgs, UpdateRoleInput } from './dto/role.input.js';
import { RoleConnection, RoleModel, RoleRequirementModel } from './models/role.model.js';
import { toRequirementModel, toRoleModel } from './role.mapper.js';
import { RolesService } from './roles.service.js';

@Resolver(() => RoleModel)
export class RolesResolver {
  constructor(
    private readonly service: RolesService,
    private readonly buildings: BuildingsService,
  ) {}

  @SignedIn()
  @Query(() => RoleConnection, { description: 'Hybrid roles, newest first. HR sees all; everyone else only OPEN roles.' })
  async roles(@CurrentPrincipal() viewer: Principal, @Args() args: RoleListArgs): Promise<RoleConnection> {
    const result = await this.service.list(viewer, args);
    return { ...result, nodes: result.nodes.map(toRoleModel) };
  }

  @SignedIn()
  @Query(() => RoleModel, { description: 'One role. A role you may not see (not OPEN, unless you are HR) is NOT_FOUND.' })
  async role(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: "The role's id" }, UuidPipe) id: string,
  ): Promise<RoleModel> {
    return toRoleModel(await this.service.getVisible(viewer, id));
  }

  @Allow(Persona.HR)
  @Mutation(() => RoleModel, { description: 'HR: post a role as a DRAFT with its requirements' })
  async createRole(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The new role's terms and requirements" }) input: CreateRoleInput,
  ): Promise<RoleModel> {
    return toRoleModel(await this.service.create(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => RoleModel, { description: 'HR: change a DRAFT, OPEN or CLOSED role; requirements, when given, replace the list' })
  async updateRole(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The role, the version you read, and what to change' }) input: UpdateRoleInput,
  ): Promise<RoleModel> {
    return toRoleModel(await this.service.update(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => RoleModel, { description: 'HR: open, close, reopen or fill a role' })
  async changeRoleStatus(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The role, the version you read, and the status to move to' }) input: ChangeRoleStatusInput,
  ): Promise<RoleModel> {
    return toRoleModel(await this.service.changeStatus(actor, input));
  }

  @ResolveField(() => BuildingModel, { nullable: true, description: 'Null for a district-wide role' })
  async building(@Parent() role: RoleModel, @Context() ctx: RequestContext): Promise<BuildingModel | null> {
    return role.buildingId ? buildingLoader(ctx, this.buildings).load(role.buildingId) : null;
  }

  @ResolveField(() => [RoleRequirementModel], {
    description: 'The competencies the role asks for, each at a minimum level, in display order',
  })
  async requirements(@Parent() role: RoleModel, @Context() ctx: RequestContext): Promise<RoleRequirementModel[]> {
    const loader = loaderFor<string, RoleRequirementModel[]>(ctx, 'role.requirements', async (ids) => {
      const rows = await this.service.requirementsFor(ids);
      return groupByKey(ids, rows.map(toRequirementModel), (q) => q.roleId);
    });
    return loader.load(role.id);
  }
}
