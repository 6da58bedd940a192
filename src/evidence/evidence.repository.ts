import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { ClaimInput, CompetencyFacts } from './domain/claims.js';
import type { EvidenceKind, VerificationStatus } from './domain/evidence-kind.js';
import { EvidenceClaimEntity } from './evidence-claim.entity.js';
import { EvidenceEntity } from './evidence.entity.js';

export interface EvidenceFilter {
  educatorId?: string;
  kind?: EvidenceKind;
  status?: VerificationStatus;
}

/** Newest first, with the id as tie-breaker so offset pages never repeat or skip a row. */
const NEWEST_FIRST = { createdAt: 'DESC', id: 'DESC' } as const;

/** Every query the evidence module runs; the service holds the rules, this file holds the SQL. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly db: DataSource) {}

  async page(filter: EvidenceFilter, first: number, offset: number): Promise<[EvidenceEntity[], number]> {
    const where: FindOptionsWhere<EvidenceEntity> = {};
    if (filter.educatorId) where.educatorId = filter.educatorId;
    if (filter.kind) where.kind = filter.kind;
    if (filter.status) where.verificationStatus = filter.status;
    return this.db.getRepository(EvidenceEntity).findAndCount({ where, order: NEWEST_FIRST, skip: offset, take: first });
  }

  byId(id: string, m: EntityManager = this.db.manager): Promise<EvidenceEntity | null> {
    return m.getRepository(EvidenceEntity).findOne({ where: { id } });
  }

  byEducatorIds(educatorIds: readonly string[]): Promise<EvidenceEntity[]> {
    if (!educatorIds.length) return Promise.resolve([]);
    return this.db.getRepository(EvidenceEntity).find({ where: { educatorId: In([...educatorIds]) }, order: NEWEST_FIRST });
  }

  claimsByEvidenceIds(evidenceIds: readonly string[], m: EntityManager = this.db.manager): Promise<EvidenceClaimEntity[]> {
    if (!evidenceIds.length) return Promise.resolve([]);
    return m.getRepository(EvidenceClaimEntity).find({
      where: { evidenceId: In([...evidenceIds]) },
      order: { level: 'DESC', competencyId: 'ASC' },
    });
  }

  /** The row, locked until the transaction ends so a concurrent write waits and then sees the new version. */
  lockForWrite(m: EntityManager, id: string): Promise<EvidenceEntity | null> {
    return m.getRepository(EvidenceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async educatorExists(m: EntityManager, educatorId: string): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT 1 FROM educator WHERE id = $1', [educatorId]);
    return rows.length > 0;
  }

  /**
   * What the claim rules need about these competencies. The rows are share-locked so a competency cannot be
   * retired between this check and the commit of the claims that rely on it.
   */
  async competencyFacts(m: EntityManager, ids: readonly string[]): Promise<Map<string, CompetencyFacts>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    await m.query('SELECT id FROM competency WHERE id = ANY($1::uuid[]) FOR SHARE', [unique]);
    const rows: Array<{ id: string; code: string; name: string; retired: boolean; levels: number[] | null }> = await m.query(
      `SELECT c.id, c.code, c.name, c.retired_at IS NOT NULL AS retired,
              array_agg(l.level ORDER BY l.level) FILTER (WHERE l.level IS NOT NULL) AS levels
         FROM competency c LEFT JOIN competency_level l ON l.competency_id = c.id
        WHERE c.id = ANY($1::uuid[])
        GROUP BY c.id`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { ...r, levels: (r.levels ?? []).map(Number) }]));
  }

  async replaceClaims(m: EntityManager, evidenceId: string, claims: readonly ClaimInput[]): Promise<void> {
    await m.delete(EvidenceClaimEntity, { evidenceId });
    await this.insertClaims(m, evidenceId, claims);
  }

  async insertClaims(m: EntityManager, evidenceId: string, claims: readonly ClaimInput[]): Promise<void> {
    if (claims.length) await m.insert(EvidenceClaimEntity, claims.map((c) => ({ evidenceId, competencyId: c.competencyId, level: c.level })));
  }
}
