import { Injectable } from '@nestjs/common';
import { notFound } from '../common/app-error.js';
import { CapacityRepository } from './capacity.repository.js';
import { CapacityReportsService, type Scope } from './capacity-reports.service.js';
import { CapabilitiesService } from './capabilities.service.js';
import { checkShareThreshold } from './domain/capacity-math.js';
import { capabilityFigures, commitmentConcentration, monthlySeries } from './domain/capability.js';
import { distinct, missingIds } from './domain/report-rules.js';
import type { CapabilityCoverageArgs, CapabilityTrendArgs, ConcentrationArgs } from './dto/capability.input.js';
import type {
  CapabilityCoverageReportModel,
  CapabilityModel,
  CapabilityTrendReportModel,
  CommitmentConcentrationReportModel,
} from './models/capability.model.js';

/**
 * Equity across buildings: named capabilities by building (with parts held apart flagged), their monthly
 * trend, and how concentrated hybrid work is. Levels come from the matching engine's one computation,
 * through the capacity repository, with the same scope rules as every capacity report.
 */
@Injectable()
export class EquityReportsService {
  constructor(
    private readonly repo: CapacityRepository,
    private readonly reports: CapacityReportsService,
    private readonly capabilities: CapabilitiesService,
  ) {}

  async coverage(args: CapabilityCoverageArgs): Promise<CapabilityCoverageReportModel> {
    checkShareThreshold(args.threshold);
    const [scope, capability] = await Promise.all([this.reports.scope(args), this.capabilities.find(args)]);
    const figures = await this.figuresOn(scope, capability, args.buildingIds, scope.levels.asOf, args.threshold);
    return { basis: scope.basis, capability, threshold: args.threshold, ...figures } as CapabilityCoverageReportModel;
  }

  async trend(args: CapabilityTrendArgs): Promise<CapabilityTrendReportModel> {
    const [scope, capability] = await Promise.all([this.reports.scope(args), this.capabilities.find(args)]);
    const points = [];
    // One as-of day at a time: each is the same statement the coverage report runs, so a point always equals that report.
    for (const asOf of monthlySeries(scope.levels.asOf))
      points.push({ asOf, ...(await this.figuresOn(scope, capability, args.buildingIds, asOf, 0)) });
    return { basis: scope.basis, capability, points } as CapabilityTrendReportModel;
  }

  async concentration(args: ConcentrationArgs): Promise<CommitmentConcentrationReportModel> {
    const scope = await this.reports.scope(args);
    const { asOf, buildingIds, includeArchived } = scope.levels;
    const [buildings, commitments] = await Promise.all([
      this.repo.buildings(asOf, buildingIds, includeArchived),
      this.repo.activeCommitments(asOf, buildingIds),
    ]);
    this.checkBuildings(args.buildingIds, buildings);
    return { basis: scope.basis, buildings: commitmentConcentration(buildings, commitments) };
  }

  private async figuresOn(
    scope: Scope,
    capability: CapabilityModel,
    askedBuildings: readonly string[] | undefined,
    asOf: string,
    threshold: number,
  ) {
    const components = capability.components.map((c) => ({ competencyId: c.competency.id, minLevel: c.minLevel }));
    const levels = { ...scope.levels, asOf };
    const [buildings, held] = await Promise.all([
      this.repo.buildings(asOf, levels.buildingIds, levels.includeArchived),
      this.repo.capabilityHolders(levels, components),
    ]);
    this.checkBuildings(askedBuildings, buildings);
    return capabilityFigures(buildings, components, held.holders, held.whole, threshold);
  }

  private checkBuildings(asked: readonly string[] | undefined, found: ReadonlyArray<{ id: string }>): void {
    if (!asked) return;
    const missing = missingIds(
      distinct(asked),
      found.map((b) => b.id),
    );
    if (missing.length) throw notFound('Building', missing.join(', '));
  }
}
