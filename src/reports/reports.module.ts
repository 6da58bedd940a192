import { Module } from '@nestjs/common';
import { ChartAccess } from '../charts/chart-access.js';
import { MatchingModule } from '../matching/matching.module.js';
import {
  CoverageReportResolver,
  GapsReportResolver,
  HeatMapReportResolver,
  LeaderView,
  OverextensionReportResolver,
  PipelineReportResolver,
} from './capacity-reports.resolver.js';
import { CapacityChartsController } from './capacity-charts.controller.js';
import { CapacityReportsService } from './capacity-reports.service.js';
import { CapacityRepository } from './capacity.repository.js';
import { CapabilitiesService } from './capabilities.service.js';
import { EquityReportsService } from './equity-reports.service.js';
import {
  CapabilitiesResolver,
  CapabilityCoverageResolver,
  CapabilityTrendResolver,
  CommitmentConcentrationResolver,
} from './equity.resolver.js';

@Module({
  imports: [MatchingModule],
  controllers: [CapacityChartsController],
  providers: [
    CapacityRepository,
    CapacityReportsService,
    LeaderView,
    ChartAccess,
    CoverageReportResolver,
    HeatMapReportResolver,
    GapsReportResolver,
    OverextensionReportResolver,
    PipelineReportResolver,
    CapabilitiesService,
    EquityReportsService,
    CapabilitiesResolver,
    CapabilityCoverageResolver,
    CapabilityTrendResolver,
    CommitmentConcentrationResolver,
  ],
  exports: [CapacityReportsService, CapacityRepository],
})
export class ReportsModule {}
