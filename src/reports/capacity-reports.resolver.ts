import { Inject, Injectable } from '@nestjs/common';
import { HeavyWork } from '../common/heavy/heavy-work.js';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { Persona, type Principal } from '../access/persona.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { hideSmallCounts } from './domain/small-counts.js';
import { Allow } from '../access/policy.decorator.js';
import { COST } from '../common/cost.js';
import { CapacityReportsService } from './capacity-reports.service.js';
import { CoverageArgs, GapsArgs, HeatMapArgs, OverextensionArgs, PipelineArgs } from './dto/report.args.js';
import { CoverageReportModel } from './models/coverage-report.model.js';
import { GapsReportModel } from './models/gaps-report.model.js';
import { HeatMapReportModel } from './models/heat-map-report.model.js';
import { OverextensionReportModel } from './models/overextension-report.model.js';
import { PipelineReportModel } from './models/pipeline-report.model.js';
import { coverageCsv, gapsCsv, heatMapCsv, overextensionCsv, pipelineCsv } from './report-csv.js';

/** HR sees every figure; a district leader without HR sees small counts hidden (see hideSmallCounts). */
@Injectable()
export class LeaderView {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async apply<T extends { basis: { smallCountsHiddenBelow?: number | null } }>(principal: Principal, report: Promise<T>): Promise<T> {
    const full = await report;
    if (principal.personas.has(Persona.HR)) return full;
    const below = this.config.leaderMinCount;
    const hidden = hideSmallCounts(full, below);
    hidden.basis.smallCountsHiddenBelow = below;
    return hidden;
  }
}

/**
 * District capacity reports, for HR and district leaders. Each report type has a `csv` field rendering the same figures,
 * so an export never disagrees with what the screen showed.
 */
const CSV = { description: 'The same report as CSV text (header row first)', complexity: COST.CSV_EXPORT };

@Resolver(() => CoverageReportModel)
export class CoverageReportResolver {
  constructor(
    private readonly reports: CapacityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => CoverageReportModel, {
    description:
      'HR and leaders: how many educators demonstrate ALL of these competencies at or above a level, district-wide and per building',
    complexity: COST.REPORT,
  })
  capacityCoverage(@CurrentPrincipal() principal: Principal, @Args() args: CoverageArgs): Promise<CoverageReportModel> {
    return this.leader.apply(principal, this.reports.coverage(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: CoverageReportModel): string {
    return coverageCsv(report);
  }
}

@Resolver(() => HeatMapReportModel)
export class HeatMapReportResolver {
  constructor(
    private readonly reports: CapacityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => HeatMapReportModel, {
    description: 'HR and leaders: buildings x competencies, educators at or above each level',
    complexity: COST.REPORT,
  })
  capacityHeatMap(@CurrentPrincipal() principal: Principal, @Args() args: HeatMapArgs): Promise<HeatMapReportModel> {
    return this.leader.apply(principal, this.reports.heatMap(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: HeatMapReportModel): string {
    return heatMapCsv(report);
  }
}

@Resolver(() => GapsReportModel)
export class GapsReportResolver {
  constructor(
    private readonly reports: CapacityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => GapsReportModel, {
    description: 'HR and leaders: buildings with nobody or too few at a level, and the spread between buildings',
    complexity: COST.REPORT,
  })
  capacityGaps(@CurrentPrincipal() principal: Principal, @Args() args: GapsArgs): Promise<GapsReportModel> {
    return this.leader.apply(principal, this.reports.gaps(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: GapsReportModel): string {
    return gapsCsv(report);
  }
}

@Resolver(() => OverextensionReportModel)
export class OverextensionReportResolver {
  constructor(
    private readonly reports: CapacityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => OverextensionReportModel, {
    description: 'HR and leaders: educators over the hybrid-commitment threshold, and buildings leaning on a few experts',
    complexity: COST.REPORT,
  })
  capacityOverextension(@CurrentPrincipal() principal: Principal, @Args() args: OverextensionArgs): Promise<OverextensionReportModel> {
    return this.leader.apply(principal, this.reports.overextension(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: OverextensionReportModel): string {
    return overextensionCsv(report);
  }
}

@Resolver(() => PipelineReportModel)
export class PipelineReportResolver {
  constructor(
    private readonly reports: CapacityReportsService,
    private readonly leader: LeaderView,
  ) {}

  @Allow(Persona.HR, Persona.LEADER)
  @HeavyWork()
  @Query(() => PipelineReportModel, {
    description: 'HR and leaders: per competency, educators one level short of a target and the evidence that would close it',
    complexity: COST.REPORT,
  })
  capacityPipeline(@CurrentPrincipal() principal: Principal, @Args() args: PipelineArgs): Promise<PipelineReportModel> {
    return this.leader.apply(principal, this.reports.pipeline(args));
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: PipelineReportModel): string {
    return pipelineCsv(report);
  }
}
