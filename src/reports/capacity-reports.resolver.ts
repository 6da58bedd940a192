import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Persona } from '../access/persona.js';
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

/**
 * District capacity reports, HR only. Each report type has a `csv` field rendering the same figures,
 * so an export never disagrees with what the screen showed.
 */
const CSV = { description: 'The same report as CSV text (header row first)', complexity: COST.CSV_EXPORT };

@Resolver(() => CoverageReportModel)
export class CoverageReportResolver {
  constructor(private readonly reports: CapacityReportsService) {}

  @Allow(Persona.HR)
  @Query(() => CoverageReportModel, { description: 'HR: how many educators demonstrate ALL of these competencies at or above a level, district-wide and per building', complexity: COST.REPORT })
  capacityCoverage(@Args() args: CoverageArgs): Promise<CoverageReportModel> {
    return this.reports.coverage(args);
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: CoverageReportModel): string {
    return coverageCsv(report);
  }
}

@Resolver(() => HeatMapReportModel)
export class HeatMapReportResolver {
  constructor(private readonly reports: CapacityReportsService) {}

  @Allow(Persona.HR)
  @Query(() => HeatMapReportModel, { description: 'HR: buildings x competencies, educators at or above each level', complexity: COST.REPORT })
  capacityHeatMap(@Args() args: HeatMapArgs): Promise<HeatMapReportModel> {
    return this.reports.heatMap(args);
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: HeatMapReportModel): string {
    return heatMapCsv(report);
  }
}

@Resolver(() => GapsReportModel)
export class GapsReportResolver {
  constructor(private readonly reports: CapacityReportsService) {}

  @Allow(Persona.HR)
  @Query(() => GapsReportModel, { description: 'HR: buildings with nobody or too few at a level, and the spread between buildings', complexity: COST.REPORT })
  capacityGaps(@Args() args: GapsArgs): Promise<GapsReportModel> {
    return this.reports.gaps(args);
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: GapsReportModel): string {
    return gapsCsv(report);
  }
}

@Resolver(() => OverextensionReportModel)
export class OverextensionReportResolver {
  constructor(private readonly reports: CapacityReportsService) {}

  @Allow(Persona.HR)
  @Query(() => OverextensionReportModel, { description: 'HR: educators over the hybrid-commitment threshold, and buildings leaning on a few experts', complexity: COST.REPORT })
  capacityOverextension(@Args() args: OverextensionArgs): Promise<OverextensionReportModel> {
    return this.reports.overextension(args);
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: OverextensionReportModel): string {
    return overextensionCsv(report);
  }
}

@Resolver(() => PipelineReportModel)
export class PipelineReportResolver {
  constructor(private readonly reports: CapacityReportsService) {}

  @Allow(Persona.HR)
  @Query(() => PipelineReportModel, { description: 'HR: per competency, educators one level short of a target and the evidence that would close it', complexity: COST.REPORT })
  capacityPipeline(@Args() args: PipelineArgs): Promise<PipelineReportModel> {
    return this.reports.pipeline(args);
  }

  @ResolveField(() => String, CSV)
  csv(@Parent() report: PipelineReportModel): string {
    return pipelineCsv(report);
  }
}
