import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { districtToday } from '../common/clock.js';
import { statusesAtLeast, type VerificationStatus } from '../matching/domain/evidence-rules.js';
import { effectiveOverextensionThreshold, evidenceRulesOf } from '../matching/domain/scoring-policy.js';
import type { ScoringPolicyEntity } from '../matching/scoring-policy.entity.js';
import { ScoringPolicyService } from '../matching/scoring-policy.service.js';
import { CapacityRepository, type CompetencyRow, type LevelScope } from './capacity.repository.js';
import { checkShareThreshold } from './domain/capacity-math.js';
import {
  concentrationFigures,
  coverageFigures,
  gapFigures,
  heatMapFigures,
  overextendedEducators,
  pipelineFigures,
} from './domain/report-builders.js';
import { checkLevel, competencySelection, distinct, EXPERT_LEVEL, missingIds, type SelectionInput } from './domain/report-rules.js';
import type { CoverageArgs, GapsArgs, HeatMapArgs, OverextensionArgs, PipelineArgs, ReportScopeArgs } from './dto/report.args.js';
import type { CoverageReportModel } from './models/coverage-report.model.js';
import type { GapsReportModel } from './models/gaps-report.model.js';
import type { HeatMapReportModel } from './models/heat-map-report.model.js';
import type { OverextensionReportModel } from './models/overextension-report.model.js';
import type { PipelineReportModel } from './models/pipeline-report.model.js';
import type { ReportBasisModel } from './models/report-common.model.js';

export interface Scope {
  basis: ReportBasisModel;
  levels: Omit<LevelScope, 'competencyIds'>;
  policy: ScoringPolicyEntity;
}

/** The district capacity reports (HR only; the resolvers enforce that). */
@Injectable()
export class CapacityReportsService {
  constructor(
    private readonly repo: CapacityRepository,
    private readonly policies: ScoringPolicyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async coverage(args: CoverageArgs): Promise<CoverageReportModel> {
    checkLevel(args.minLevel, 'minLevel');
    const [scope, competencies] = await Promise.all([this.scope(args), this.competencies(args, true)]);
    const rows = await this.repo.coverage({ ...scope.levels, competencyIds: competencies.map((c) => c.id) }, args.minLevel);
    this.checkBuildings(args.buildingIds, rows);
    return { basis: scope.basis, minLevel: args.minLevel, competencies, ...coverageFigures(rows) };
  }

  async heatMap(args: HeatMapArgs): Promise<HeatMapReportModel> {
    const [scope, competencies] = await Promise.all([this.scope(args), this.competencies(args, false)]);
    const { buildings, rows } = await this.distribution(scope, competencies, args.buildingIds);
    return { basis: scope.basis, competencies, ...heatMapFigures(buildings, competencies, rows) };
  }

  async gaps(args: GapsArgs): Promise<GapsReportModel> {
    checkLevel(args.level, 'level');
    checkShareThreshold(args.threshold);
    const [scope, competencies] = await Promise.all([this.scope(args), this.competencies(args, true)]);
    const { buildings, rows } = await this.distribution(scope, competencies, args.buildingIds);
    const figures = gapFigures(buildings, competencies, rows, args.level, args.threshold);
    return { basis: scope.basis, level: args.level, threshold: args.threshold, competencies: figures as GapsReportModel['competencies'] };
  }

  async pipeline(args: PipelineArgs): Promise<PipelineReportModel> {
    checkLevel(args.targetLevel, 'targetLevel');
    const [scope, competencies] = await Promise.all([this.scope(args), this.competencies(args, true)]);
    const { buildings, rows } = await this.distribution(scope, competencies, args.buildingIds);
    const figures = pipelineFigures(buildings, competencies, rows, args.targetLevel, scope.levels.policy);
    return { basis: scope.basis, targetLevel: args.targetLevel, competencies: figures as PipelineReportModel['competencies'] };
  }

  async overextension(args: OverextensionArgs): Promise<OverextensionReportModel> {
    checkShareThreshold(args.concentrationThreshold, 'concentrationThreshold');
    const [scope, competencies] = await Promise.all([this.scope(args), this.competencies(args, false)]);
    const levels = scope.levels;
    const [buildings, commitments, holdings] = await Promise.all([
      this.repo.buildings(levels.asOf, levels.buildingIds, levels.includeArchived),
      this.repo.activeCommitments(levels.asOf, levels.buildingIds),
      competencies.length ? this.repo.expertHoldings({ ...levels, competencyIds: competencies.map((c) => c.id) }, EXPERT_LEVEL) : [],
    ]);
    this.checkBuildings(args.buildingIds, buildings);
    const fteThreshold = effectiveOverextensionThreshold(scope.policy, this.config.overextensionFteThreshold);
    const overextended = overextendedEducators(commitments, new Map(buildings.map((b) => [b.id, b])), fteThreshold);
    return {
      basis: scope.basis,
      fteThreshold,
      concentrationThreshold: args.concentrationThreshold,
      overextendedCount: overextended.length,
      educators: overextended,
      buildings: concentrationFigures(buildings, holdings, args.concentrationThreshold),
    };
  }

  /** asOf (the district's day by default), statuses (the policy's trusted ones by default) and buildings, and the counting rules of the policy in force. */
  async scope(args: ReportScopeArgs): Promise<Scope> {
    const policy = await this.policies.current();
    const asOf = args.asOf ?? districtToday();
    // Unless HR asks otherwise, the evidence that can meet a requirement counts: reports and rankings agree.
    const statuses = (args.statuses ? distinct(args.statuses) : statusesAtLeast(policy.qualifyingStatus)) as VerificationStatus[];
    const buildingIds = args.buildingIds ? distinct(args.buildingIds) : undefined;
    return {
      basis: {
        asOf,
        statuses: statuses as ReportBasisModel['statuses'],
        policyVersion: policy.version,
        attendanceCapLevel: policy.attendanceCapLevel,
        buildingIds: buildingIds ?? null,
        includeArchived: args.includeArchived ?? false,
      },
      levels: { asOf, statuses, buildingIds, includeArchived: args.includeArchived ?? false, policy: evidenceRulesOf(policy) },
      policy,
    };
  }

  /**
   * The competencies a report is about, in the order asked (framework display order when a whole
   * framework or everything is selected). Anything named that does not exist is NOT_FOUND.
   */
  private async competencies(args: SelectionInput, required: boolean): Promise<CompetencyRow[]> {
    const selection = competencySelection(args, required);
    const rows = await this.repo.competencies(selection);
    if (selection.by === 'ids' || selection.by === 'codes') {
      const key = (c: CompetencyRow) => (selection.by === 'ids' ? c.id : c.code);
      const asked = selection.by === 'ids' ? selection.ids : selection.codes;
      const found = new Map(rows.map((c) => [key(c), c]));
      const missing = missingIds(asked, found.keys());
      if (selection.by === 'codes' && missing.length === asked.length && !(await this.repo.frameworkExists(selection.frameworkCode))) {
        throw notFound('Framework', selection.frameworkCode);
      }
      if (missing.length)
        throw notFound('Competency', missing.map((m) => (selection.by === 'codes' ? `${selection.frameworkCode}/${m}` : m)).join(', '));
      return asked.map((k) => found.get(k) as CompetencyRow);
    }
    if (selection.by === 'framework' && !rows.length && !(await this.repo.frameworkExists(selection.frameworkCode))) {
      throw notFound('Framework', selection.frameworkCode);
    }
    return rows;
  }

  private async distribution(scope: Scope, competencies: readonly CompetencyRow[], askedBuildings?: readonly string[]) {
    const [buildings, rows] = await Promise.all([
      this.repo.buildings(scope.levels.asOf, scope.levels.buildingIds, scope.levels.includeArchived),
      competencies.length ? this.repo.levelDistribution({ ...scope.levels, competencyIds: competencies.map((c) => c.id) }) : [],
    ]);
    this.checkBuildings(askedBuildings, buildings);
    return { buildings, rows };
  }

  /** Unknown building ids in a filter are NOT_FOUND, like any unknown id. */
  private checkBuildings(asked: readonly string[] | undefined, found: ReadonlyArray<{ id: string }>): void {
    if (!asked) return;
    const missing = missingIds(
      distinct(asked),
      found.map((b) => b.id),
    );
    if (missing.length) throw notFound('Building', missing.join(', '));
  }
}
