import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { notFound } from '../common/app-error.js';
import { MatchingRepository, type RoleRow } from '../matching/sql/matching.repository.js';
import type { CandidateExplanationModel, RankedCandidateModel } from '../matching/models/ranking.model.js';
import { RankingRunResultEntity } from '../matching/ranking-run.entity.js';
import { storedCandidate } from '../matching/ranking-runs.service.js';
import { RankingService } from '../matching/ranking.service.js';
import { comparisonCsv, type Comparison } from './domain/comparison.js';
import { ApplicationEntity } from './entities/application.entity.js';
import { HiringAccessService } from './hiring-access.service.js';
import { HiringRepository } from './hiring.repository.js';
import type { CandidateComparisonModel, ComparedCandidateModel, ComparedEvidenceModel } from './models/comparison.model.js';
import { aggregateOf, toAggregateModel } from './panels.service.js';

type Explained = CandidateExplanationModel & { rank?: number };

/**
 * The side-by-side comparison. Engine columns are what the matching module saved in the role's latest
 * ranking run (what the panel was shown, and what the override rule checks against); a candidate missing from
 * that run is explained live by the same module, without a rank. Nothing is re-scored here.
 */
@Injectable()
export class ComparisonService {
  constructor(
    private readonly repo: HiringRepository,
    private readonly access: HiringAccessService,
    private readonly matching: MatchingRepository,
    private readonly ranking: RankingService,
  ) {}

  /**
   * Every read in one snapshot (so saved and live columns see the same data), and one batched explanation for
   * all candidates missing from the saved run: the number of statements does not grow with the candidates.
   */
  async compare(viewer: Principal, roleId: string, applicationIds: readonly string[]): Promise<CandidateComparisonModel> {
    return this.matching.snapshot((m) => this.compareIn(m, viewer, roleId, applicationIds));
  }

  private async compareIn(
    m: EntityManager,
    viewer: Principal,
    roleId: string,
    applicationIds: readonly string[],
  ): Promise<CandidateComparisonModel> {
    const view = await this.access.roleView(m, viewer, roleId);
    const ids = [...new Set(applicationIds)];
    const found = await m.getRepository(ApplicationEntity).find({ where: { id: In(ids), roleId } });
    const byId = new Map(found.map((a) => [a.id, a]));
    for (const id of ids) {
      const app = byId.get(id);
      if (!app || view.conflicted.has(app.educatorId)) throw notFound('Application', id);
    }
    const apps = ids.map((id) => byId.get(id)!);

    const role = await this.matching.role(m, roleId);
    if (!role) throw notFound('Role', roleId);
    const requirements = role.requirements.map((r) => ({
      requirementId: r.requirementId,
      competencyId: r.competencyId,
      competencyCode: r.competencyCode,
      competencyName: r.competencyName,
      kind: r.kind,
      minLevel: r.minLevel,
    }));
    const refs = requirements.map((r) => ({ requirementId: r.requirementId, competencyId: r.competencyId }));

    const run = await this.repo.latestRun(m, roleId);
    const engine = await this.engineView(
      m,
      role,
      run?.id ?? null,
      apps.map((a) => a.educatorId),
    );
    const who = view.identitiesVisible
      ? await this.repo.candidates(
          m,
          apps.map((a) => a.educatorId),
        )
      : new Map();
    const scores = await this.repo.countingScores(
      m,
      apps.map((a) => a.id),
    );
    const submitted = view.panelistId
      ? await this.repo.submittedBy(
          m,
          apps.map((a) => a.id),
          view.panelistId,
        )
      : new Set<string>();

    const candidates = apps.map((app): ComparedCandidateModel => {
      const e = engine.get(app.educatorId)!;
      const mayReadPanel = view.isHr || submitted.has(app.id);
      const panel = mayReadPanel
        ? toAggregateModel(
            aggregateOf(
              scores.filter((s) => s.applicationId === app.id),
              refs,
            ),
            refs,
          )
        : null;
      const byCompetency = new Map(e.explained.requirements.map((r) => [r.competencyId, r]));
      return {
        applicationId: app.id,
        candidate: this.access.identity(view, app.educatorId, who.get(app.educatorId)),
        status: app.status,
        engineSource: e.source,
        engineRank: e.explained.rank ?? null,
        engineScore: e.explained.score,
        engineMaxScore: e.explained.maxScore,
        qualified: e.explained.qualified,
        overextended: e.explained.overextended,
        cells: requirements.map((req, i) => {
          const x = byCompetency.get(req.competencyId);
          return {
            requirementId: req.requirementId,
            demonstratedLevel: x?.demonstratedLevel ?? 0,
            met: x?.met ?? false,
            evidence: (x?.evidence ?? []).map((ev): ComparedEvidenceModel => ({
              kind: ev.kind,
              title: ev.title,
              verificationStatus: ev.status,
              startedOn: ev.startedOn,
              endedOn: ev.endedOn,
              issuedOn: ev.issuedOn,
              expiresOn: ev.expiresOn,
              expired: ev.expired,
              level: ev.claimedLevel,
            })),
            panel: panel ? panel.perRequirement[i] : null,
          };
        }),
        panel,
      };
    });
    return {
      roleId,
      roleTitle: role.title,
      blindReview: view.blindReview,
      identitiesVisible: view.identitiesVisible,
      rankingRunId: run?.id ?? null,
      rankingRunAsOf: run?.asOf ?? null,
      requirements,
      candidates,
    };
  }

  async csv(viewer: Principal, roleId: string, applicationIds: readonly string[]): Promise<string> {
    return comparisonCsv(toCsvComparison(await this.compare(viewer, roleId, applicationIds)));
  }

  /** Each educator's engine view: the stored candidate from the saved run, or a live explanation (one batch for all missing). */
  private async engineView(
    m: EntityManager,
    role: RoleRow,
    runId: string | null,
    educatorIds: string[],
  ): Promise<Map<string, { source: string; explained: Explained }>> {
    const out = new Map<string, { source: string; explained: Explained }>();
    if (runId) {
      const rows = await m.getRepository(RankingRunResultEntity).find({ where: { runId, educatorId: In(educatorIds) } });
      for (const row of rows) out.set(row.educatorId, { source: 'SAVED_RUN', explained: storedCandidate(row) as RankedCandidateModel });
    }
    const missing = educatorIds.filter((id) => !out.has(id));
    const live = await this.ranking.explainIn(m, role, missing);
    missing.forEach((id, i) => out.set(id, { source: 'LIVE', explained: live[i] }));
    return out;
  }
}

export function toCsvComparison(c: CandidateComparisonModel): Comparison {
  return {
    roleId: c.roleId,
    roleTitle: c.roleTitle,
    requirements: c.requirements,
    candidates: c.candidates.map((x) => ({
      applicationId: x.applicationId,
      displayName: x.candidate.displayName,
      pseudonym: x.candidate.pseudonym,
      identityHidden: x.candidate.identityHidden,
      email: x.candidate.email,
      buildingName: x.candidate.buildingName,
      status: x.status,
      engineRank: x.engineRank,
      engineScore: x.engineScore,
      qualified: x.qualified,
      overextended: x.overextended,
      cells: x.cells,
      panel: x.panel,
    })),
  };
}
