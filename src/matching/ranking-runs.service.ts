import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { assertMayView, Subject } from '../access/visibility.js';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import type { SaveRankingRunInput } from './dto/ranking.input.js';
import { MatchingRepository } from './sql/matching.repository.js';
import type { RankingRunModel, RankingRunRequirementModel } from './models/ranking-run.model.js';
import type { RankedCandidateModel } from './models/ranking.model.js';
import { RankingRunEntity, RankingRunResultEntity } from './ranking-run.entity.js';
import { RankingService } from './ranking.service.js';

/**
 * Saved ranking runs: what a panel was shown, kept as it was. Rows are written once and never updated;
 * reading one back returns the stored candidates, not a recomputation.
 */
@Injectable()
export class RankingRunsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: MatchingRepository,
    private readonly ranking: RankingService,
    private readonly audit: AuditService,
  ) {}

  async save(actor: Principal, input: SaveRankingRunInput): Promise<RankingRunEntity> {
    assertMayView(actor, Subject.ROLE_RANKING, {}, 'Role', input.roleId);
    // REPEATABLE READ: the ranking and what is stored come from one snapshot.
    return this.db.transaction('REPEATABLE READ', (m) => this.saveIn(m, actor, input));
  }

  /** Saves a run inside the caller's transaction (making an offer with no saved run saves one first). */
  async saveIn(m: EntityManager, actor: Principal, input: SaveRankingRunInput): Promise<RankingRunEntity> {
    assertMayView(actor, Subject.ROLE_RANKING, {}, 'Role', input.roleId);
    const role = await this.repo.role(m, input.roleId);
    if (!role) throw notFound('Role', input.roleId);
    const ranking = await this.ranking.rankIn(m, input.roleId, {
      first: input.limit,
      offset: 0,
      qualifiedOnly: input.qualifiedOnly,
      buildingId: input.buildingId ?? null,
    });
    const requirements: RankingRunRequirementModel[] = role.requirements.map((r) => ({
      requirementId: r.requirementId,
      competencyId: r.competencyId,
      competencyCode: r.competencyCode,
      competencyName: r.competencyName,
      kind: r.kind,
      minLevel: r.minLevel,
      weight: r.weight,
    }));
    const run = await m.getRepository(RankingRunEntity).save(
      m.getRepository(RankingRunEntity).create({
        roleId: role.id,
        policyId: ranking.policyId,
        policyVersion: ranking.policyVersion,
        asOf: ranking.asOf,
        roleSnapshot: { title: role.title, status: role.status, minYearsOfService: role.minYearsOfService, requirements },
        filters: { qualifiedOnly: input.qualifiedOnly, buildingId: input.buildingId ?? null },
        overextensionFteThreshold: ranking.overextensionFteThreshold,
        candidateCount: ranking.totalCount,
        qualifiedCount: ranking.qualifiedCount,
        resultCount: ranking.nodes.length,
        createdByAccountId: actor.accountId,
        createdByEmail: actor.email,
      }),
    );
    await this.repo.insertRunResults(m, run.id, ranking.nodes);
    await this.audit.record(
      actor,
      {
        action: 'RANKING_RUN_SAVED',
        targetType: 'RankingRun',
        targetId: run.id,
        changes: {
          roleId: role.id,
          policyVersion: ranking.policyVersion,
          asOf: ranking.asOf,
          resultCount: ranking.nodes.length,
          filters: run.filters,
        },
      },
      m,
    );
    return m.getRepository(RankingRunEntity).findOneByOrFail({ id: run.id });
  }

  async run(viewer: Principal, id: string): Promise<RankingRunEntity> {
    const run = await this.db.getRepository(RankingRunEntity).findOneBy({ id });
    if (!run) throw notFound('Ranking run', id);
    assertMayView(viewer, Subject.ROLE_RANKING, {}, 'Role', run.roleId);
    return run;
  }

  /** Newest first. */
  async runs(viewer: Principal, roleId: string, first: number, after?: string): Promise<Page<RankingRunEntity>> {
    assertMayView(viewer, Subject.ROLE_RANKING, {}, 'Role', roleId);
    const offset = decodeCursor(after);
    const [rows, total] = await this.db.getRepository(RankingRunEntity).findAndCount({
      where: { roleId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: first,
    });
    return toPage(rows, total, offset);
  }

  /** Stored candidates of many runs at once (ranks offset+1 .. offset+first), for a DataLoader. */
  async results(runIds: readonly string[], first: number, offset: number): Promise<RankingRunResultEntity[]> {
    return this.db
      .getRepository(RankingRunResultEntity)
      .createQueryBuilder('r')
      .where({ runId: In([...runIds]) })
      .andWhere('r.rank > :from AND r.rank <= :to', { from: offset, to: offset + first })
      .orderBy('r.run_id')
      .addOrderBy('r.rank')
      .getMany();
  }
}

export function toRankingRunModel(run: RankingRunEntity): RankingRunModel {
  const snap = run.roleSnapshot as { title: string; minYearsOfService: number | null; requirements: RankingRunRequirementModel[] };
  const filters = run.filters as { qualifiedOnly?: boolean; buildingId?: string | null };
  return {
    id: run.id,
    roleId: run.roleId,
    roleTitle: snap.title,
    minYearsOfService: snap.minYearsOfService,
    requirements: snap.requirements,
    policyId: run.policyId,
    policyVersion: run.policyVersion,
    asOf: run.asOf,
    overextensionFteThreshold: run.overextensionFteThreshold,
    qualifiedOnly: filters.qualifiedOnly ?? false,
    buildingId: filters.buildingId ?? null,
    candidateCount: run.candidateCount,
    qualifiedCount: run.qualifiedCount,
    resultCount: run.resultCount,
    createdAt: run.createdAt,
    createdBy: run.createdByEmail,
  };
}

/** The stored candidate; runs saved before shared ranks hold no tie or position, so those read as untied at their place. */
export function storedCandidate(row: RankingRunResultEntity): RankedCandidateModel {
  const stored = row.candidate as unknown as Partial<RankedCandidateModel> & Omit<RankedCandidateModel, 'tied' | 'position'>;
  return { ...stored, tied: stored.tied ?? false, position: stored.position ?? row.rank };
}
