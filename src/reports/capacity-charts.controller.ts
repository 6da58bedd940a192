import { Controller, Get, Headers, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { badInput } from '../common/app-error.js';
import { ChartAccess, personasOf } from '../charts/chart-access.js';
import {
  boolParam,
  ChartErrorFilter,
  intParam,
  listParam,
  refuseUnknownParams,
  reportArgs,
  sendSvg,
  singleParam,
  type QueryValues,
} from '../charts/chart-http.js';
import { renderSvg } from '../charts/render-svg.js';
import { CoverageReportResolver, HeatMapReportResolver, LeaderView } from './capacity-reports.resolver.js';
import { CapacityReportsService } from './capacity-reports.service.js';
import { coverageChart, heatMapChart } from './domain/capacity-charts.js';
import { REPORT_LEVEL_MAX, REPORT_LEVEL_MIN } from './domain/report-rules.js';
import { CoverageArgs, HeatMapArgs } from './dto/report.args.js';

/** Each chart is its report's GraphQL field drawn as SVG: same personas, same arguments, same small-count hiding. */
export const CAPACITY_CHARTS = {
  heatMap: { path: 'charts/capacity-heat-map.svg', personas: personasOf(HeatMapReportResolver, 'capacityHeatMap') },
  coverage: { path: 'charts/capacity-coverage.svg', personas: personasOf(CoverageReportResolver, 'capacityCoverage') },
};

const SCOPE_PARAMS = ['asOf', 'statuses', 'buildingIds', 'includeArchived', 'competencyIds', 'frameworkCode', 'competencyCodes'];

function scopeArgs(query: QueryValues): Record<string, unknown> {
  return {
    asOf: singleParam(query, 'asOf'),
    statuses: listParam(query.statuses),
    buildingIds: listParam(query.buildingIds),
    includeArchived: boolParam(query, 'includeArchived'),
    competencyIds: listParam(query.competencyIds),
    frameworkCode: singleParam(query, 'frameworkCode'),
    competencyCodes: listParam(query.competencyCodes),
  };
}

@Controller()
@UseFilters(ChartErrorFilter)
export class CapacityChartsController {
  constructor(
    private readonly access: ChartAccess,
    private readonly reports: CapacityReportsService,
    private readonly leader: LeaderView,
  ) {}

  /** `level` (default 2) picks which "at or above" count the cells show; the rest are capacityHeatMap's arguments. */
  @Get(CAPACITY_CHARTS.heatMap.path)
  async heatMap(@Headers('authorization') auth: string | undefined, @Query() query: QueryValues, @Res() res: Response): Promise<void> {
    const principal = await this.access.authorize(auth, CAPACITY_CHARTS.heatMap.personas);
    refuseUnknownParams(query, [...SCOPE_PARAMS, 'level']);
    const level = intParam(query, 'level') ?? 2;
    if (level < REPORT_LEVEL_MIN || level > REPORT_LEVEL_MAX)
      throw badInput(`level must be a level from ${REPORT_LEVEL_MIN} to ${REPORT_LEVEL_MAX}`);
    const args = await reportArgs(HeatMapArgs, scopeArgs(query));
    const report = await this.leader.apply(principal, this.reports.heatMap(args));
    sendSvg(res, await renderSvg(heatMapChart(report, level)), 'capacity-heat-map.svg');
  }

  /** capacityCoverage's arguments: a competency selection and `minLevel`. */
  @Get(CAPACITY_CHARTS.coverage.path)
  async coverage(@Headers('authorization') auth: string | undefined, @Query() query: QueryValues, @Res() res: Response): Promise<void> {
    const principal = await this.access.authorize(auth, CAPACITY_CHARTS.coverage.personas);
    refuseUnknownParams(query, [...SCOPE_PARAMS, 'minLevel']);
    const minLevel = intParam(query, 'minLevel');
    if (minLevel === undefined)
      throw badInput(`minLevel is required: the level (${REPORT_LEVEL_MIN}-${REPORT_LEVEL_MAX}) educators must be at or above`);
    const args = await reportArgs(CoverageArgs, { ...scopeArgs(query), minLevel });
    const report = await this.leader.apply(principal, this.reports.coverage(args));
    sendSvg(res, await renderSvg(coverageChart(report)), 'capacity-coverage.svg');
  }
}
