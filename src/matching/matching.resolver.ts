import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { fieldsSelectedUnder } from '../common/selection.js';
import { HeavyWork } from '../common/heavy/heavy-work.js';
import { COST } from '../common/cost.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { notFound } from '../common/app-error.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { groupByKey, loaderFor } from '../common/loaders.js';
import { decodeCursor, PageArgs, toPage } from '../common/pagination.js';
import type { RequestContext } from '../access/request-context.js';
import { EducatorStandingArgs, RankingRunsArgs, RoleRankingArgs, SaveRankingRunInput, StandingArgs } from './dto/ranking.input.js';
import { RankedCandidateConnection, RankingRunConnection, RankingRunModel } from './models/ranking-run.model.js';
import { CandidateExplanationModel, EducatorStandingModel, RoleRankingModel } from './models/ranking.model.js';
import { RankingRunsService, storedCandidate, toRankingRunModel } from './ranking-runs.service.js';
import { RANKING_KEY_FIELDS, RankingService } from './ranking.service.js';
import { StandingService } from './standing.service.js';
import type { RankingRunResultEntity } from './ranking-run.entity.js';

@Resolver(() => RankingRunModel)
export class MatchingResolver {
  constructor(
    private readonly ranking: RankingService,
    private readonly runs: RankingRunsService,
    private readonly standings: StandingService,
  ) {}

  @Allow(Persona.HR)
  @Query(() => RoleRankingModel, {
    description: "HR: a role's candidates ranked on demonstrated evidence, each explained",
    complexity: COST.RANKING,
  })
  async roleRanking(
    @CurrentPrincipal() viewer: Principal,
    @Args() args: RoleRankingArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RoleRankingModel> {
    return this.ranking.roleRanking(viewer, args.roleId, {
      first: args.first,
      offset: decodeCursor(args.after),
      qualifiedOnly: args.qualifiedOnly,
      buildingId: args.buildingId ?? null,
      // Candidates are explained only when the query asks for more of them than the ranking itself holds.
      explain: [...fieldsSelectedUnder(info, 'nodes')].some((f) => !RANKING_KEY_FIELDS.has(f)),
    });
  }

  @Allow(Persona.HR, Persona.EDUCATOR)
  @Query(() => CandidateExplanationModel, {
    description: "One educator's standing for one role, explained. Educators: themselves only",
    complexity: COST.STANDING,
  })
  async explainCandidate(
    @CurrentPrincipal() viewer: Principal,
    @Args('roleId', { type: () => ID, description: 'The role' }, UuidPipe) roleId: string,
    @Args('educatorId', { type: () => ID, description: 'The candidate' }, UuidPipe) educatorId: string,
  ): Promise<CandidateExplanationModel> {
    return this.ranking.explainCandidate(viewer, roleId, educatorId);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => CandidateExplanationModel, {
    description: 'Your own full explanation for one open role, addressed to you, with the verification status of every item used',
    complexity: COST.STANDING,
  })
  async myExplanation(
    @CurrentPrincipal() viewer: Principal,
    @Args('roleId', { type: () => ID, description: 'The open role to explain your standing for' }, UuidPipe) roleId: string,
  ): Promise<CandidateExplanationModel> {
    return this.ranking.myExplanation(viewer, roleId);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => EducatorStandingModel, {
    description: 'Your standing for the open roles, a page at a time: qualified or not, score, and what would close each gap',
    complexity: COST.STANDING,
  })
  async myRoleStanding(@CurrentPrincipal() viewer: Principal, @Args() args: StandingArgs): Promise<EducatorStandingModel> {
    if (!viewer.educatorId) throw notFound('Educator profile for this account');
    return this.standings.standing(viewer, viewer.educatorId, {
      first: args.first,
      offset: decodeCursor(args.after),
      qualifiedOnly: args.qualifiedOnly,
    });
  }

  @Allow(Persona.HR, Persona.EDUCATOR)
  @Query(() => EducatorStandingModel, {
    description: "An educator's standing for every open role. Educators: themselves only",
    complexity: COST.STANDING,
  })
  async educatorStanding(@CurrentPrincipal() viewer: Principal, @Args() args: EducatorStandingArgs): Promise<EducatorStandingModel> {
    return this.standings.standing(viewer, args.educatorId, {
      first: args.first,
      offset: decodeCursor(args.after),
      qualifiedOnly: args.qualifiedOnly,
    });
  }

  @Allow(Persona.HR)
  @HeavyWork()
  @Mutation(() => RankingRunModel, {
    description: 'HR: save the current ranking of a role (top candidates with breakdowns) exactly as shown',
  })
  async saveRankingRun(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The role, how many to keep, and the filters' }) input: SaveRankingRunInput,
  ): Promise<RankingRunModel> {
    return toRankingRunModel(await this.runs.save(actor, input));
  }

  @Allow(Persona.HR)
  @Query(() => RankingRunModel, { description: 'HR: a saved ranking run, as it was saved' })
  async rankingRun(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: "The saved run's id" }, UuidPipe) id: string,
  ): Promise<RankingRunModel> {
    return toRankingRunModel(await this.runs.run(viewer, id));
  }

  @Allow(Persona.HR)
  @Query(() => RankingRunConnection, { description: "HR: a role's saved ranking runs, newest first" })
  async rankingRuns(@CurrentPrincipal() viewer: Principal, @Args() args: RankingRunsArgs): Promise<RankingRunConnection> {
    const page = await this.runs.runs(viewer, args.roleId, args.first, args.after);
    return { ...page, nodes: page.nodes.map(toRankingRunModel) };
  }

  @ResolveField(() => RankedCandidateConnection, { description: 'The stored candidates in rank order' })
  async results(
    @Parent() run: RankingRunModel,
    @Args() page: PageArgs,
    @Context() ctx: RequestContext,
  ): Promise<RankedCandidateConnection> {
    const offset = decodeCursor(page.after);
    const loader = loaderFor<string, RankingRunResultEntity[]>(ctx, `rankingRun.results:${page.first}:${offset}`, async (ids) =>
      groupByKey(ids, await this.runs.results(ids, page.first, offset), (r) => r.runId),
    );
    const rows = await loader.load(run.id);
    return toPage(rows.map(storedCandidate), run.resultCount, offset);
  }
}
