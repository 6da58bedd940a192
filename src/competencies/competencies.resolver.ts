import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { groupByKey, loaderFor } from '../common/loaders.js';
import type { RequestContext } from '../access/request-context.js';
import { CompetenciesService } from './competencies.service.js';
import { toCompetencyModel, toFrameworkModel } from './competency.mapper.js';
import { CreateCompetencyInput, RetireCompetencyInput, UpdateCompetencyInput } from './dto/competency.input.js';
import {
  CreateFrameworkInput,
  DeleteFrameworkInput,
  FrameworksArgs,
  RetireFrameworkInput,
  UpdateFrameworkInput,
} from './dto/framework.input.js';
import { FrameworksService } from './frameworks.service.js';
import { ProficiencyLevelModel } from './models/competency.model.js';
import { CompetencyFrameworkConnection, CompetencyFrameworkModel, CompetencyModel } from './models/competency.model.js';

@Resolver(() => CompetencyFrameworkModel)
export class CompetenciesResolver {
  constructor(
    private readonly service: CompetenciesService,
    private readonly frameworksService: FrameworksService,
  ) {}

  @SignedIn()
  @Query(() => CompetencyFrameworkConnection, { description: 'Competency frameworks, paged; retired ones only when asked for' })
  async frameworks(@Args() args: FrameworksArgs): Promise<CompetencyFrameworkConnection> {
    const result = await this.service.listFrameworks(args.first, args.after, args.includeRetired);
    return { ...result, nodes: result.nodes.map(toFrameworkModel) };
  }

  @SignedIn()
  @Query(() => CompetencyFrameworkModel, { description: 'One framework by id or by code' })
  async framework(
    @Args('id', { type: () => ID, nullable: true, description: "The framework's id (give this or code)" }, UuidPipe) id?: string,
    @Args('code', { type: () => String, nullable: true, description: "The framework's code, e.g. UNESCO-AI-CFT (give this or id)" })
    code?: string,
  ): Promise<CompetencyFrameworkModel> {
    return toFrameworkModel(await this.service.framework(id, code));
  }

  @SignedIn()
  @Query(() => CompetencyModel, { description: 'One competency by id, retired or not' })
  async competency(@Args('id', { type: () => ID, description: "The competency's id" }, UuidPipe) id: string): Promise<CompetencyModel> {
    return toCompetencyModel(await this.service.competency(id));
  }

  @ResolveField(() => [CompetencyModel], { description: 'In display order; retired ones only when asked for' })
  async competencies(
    @Parent() framework: CompetencyFrameworkModel,
    @Context() ctx: RequestContext,
    @Args('includeRetired', { defaultValue: false, description: 'Include retired competencies' }) includeRetired: boolean,
  ): Promise<CompetencyModel[]> {
    const loader = loaderFor<string, CompetencyModel[]>(ctx, `framework.competencies:${includeRetired}`, async (ids) => {
      const rows = await this.service.byFrameworkIds(ids, includeRetired);
      return groupByKey(ids, rows.map(toCompetencyModel), (c) => c.frameworkId);
    });
    return loader.load(framework.id);
  }

  @ResolveField(() => [ProficiencyLevelModel], {
    description: "The framework's own proficiency scale, lowest first; empty when each competency keeps its own levels",
  })
  async levels(@Parent() framework: CompetencyFrameworkModel, @Context() ctx: RequestContext): Promise<ProficiencyLevelModel[]> {
    const loader = loaderFor<string, ProficiencyLevelModel[]>(ctx, 'framework.levels', async (ids) => {
      const rows = await this.frameworksService.levelsOf(ids);
      return groupByKey(ids, rows, (l) => l.frameworkId).map((list) =>
        list.map((l) => ({ level: l.level, label: l.label, descriptor: l.descriptor })),
      );
    });
    return loader.load(framework.id);
  }

  @Allow(Persona.HR)
  @Mutation(() => CompetencyFrameworkModel, { description: 'HR: create a framework with its proficiency scale' })
  async createFramework(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The framework's code, title, publisher and proficiency scale" }) input: CreateFrameworkInput,
  ): Promise<CompetencyFrameworkModel> {
    return toFrameworkModel(await this.frameworksService.create(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => CompetencyFrameworkModel, {
    description: "HR: edit a framework's title, description, publisher or scale (its competencies that follow the scale change with it)",
  })
  async updateFramework(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The framework, the version you read, and what to change' }) input: UpdateFrameworkInput,
  ): Promise<CompetencyFrameworkModel> {
    return toFrameworkModel(await this.frameworksService.update(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => CompetencyFrameworkModel, {
    description: 'HR: retire a framework; it stays readable but takes no new requirements, claims or competencies',
  })
  async retireFramework(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The framework and the version you read' }) input: RetireFrameworkInput,
  ): Promise<CompetencyFrameworkModel> {
    return toFrameworkModel(await this.frameworksService.retire(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => Boolean, { description: 'HR: delete a framework nothing uses (one in use answers CONFLICT: retire it)' })
  async deleteFramework(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The framework and the version you read' }) input: DeleteFrameworkInput,
  ): Promise<boolean> {
    return this.frameworksService.delete(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => CompetencyModel, { description: 'HR: add a competency to a framework' })
  async createCompetency(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The framework and the new competency with its levels' }) input: CreateCompetencyInput,
  ): Promise<CompetencyModel> {
    return toCompetencyModel(await this.service.create(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => CompetencyModel, { description: 'HR: rename, re-describe or move a competency within its framework (position)' })
  async updateCompetency(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The competency, the version you read, and what to change' }) input: UpdateCompetencyInput,
  ): Promise<CompetencyModel> {
    return toCompetencyModel(await this.service.update(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => CompetencyModel, { description: 'HR: retire a competency; it stays readable' })
  async retireCompetency(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The competency and the version you read' }) input: RetireCompetencyInput,
  ): Promise<CompetencyModel> {
    return toCompetencyModel(await this.service.retire(actor, input));
  }
}
