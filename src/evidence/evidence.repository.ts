import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { ClaimInput, CompetencyFacts } from './domain/claims.js';
import type { EvidenceKind, VerificationStatus } from './domain/evidence-kind.js';
import { EvidenceClaimEntity } from './evidence-claim.entity.js';
import { EvidenceEndorsementEntity } from './evidence-endorsement.entity.js';
import { EvidenceRevisionEntity } from './evidence-revision.entity.js';
import { EvidenceEntity } from './evidence.entity.js';

export interface EvidenceFilter {
  educatorId?: string;
  kind?: EvidenceKind;
  status?: VerificationStatus;
  /** Archived (soft-deleted) items instead of live ones. */
  archived?: boolean;
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
    where.deletedAt = filter.archived ? Not(IsNull()) : IsNull();
    return this.db.getRepository(EvidenceEntity).findAndCount({ where, order: NEWEST_FIRST, skip: offset, take: first });
  }

  byId(id: string, m: EntityManager = this.db.manager): Promise<EvidenceEntity | null> {
    return m.getRepository(EvidenceEntity).findOne({ where: { id } });
  }

  byEducatorIds(educatorIds: readonly string[]): Promise<EvidenceEntity[]> {
    if (!educatorIds.length) return Promise.resolve([]);
    return this.db
      .getRepository(EvidenceEntity)
      .find({ where: { educatorId: In([...educatorIds]), deletedAt: IsNull() }, order: NEWEST_FIRST });
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
      `SELECT c.id, c.code, c.name, (c.retired_at IS NOT NULL OR EXISTS (SELECT 1 FROM competency_framework f WHERE f.id = c.framework_id AND f.retired_at IS NOT NULL)) AS retired,
              array_agg(l.level ORDER BY l.level) FILTER (WHERE l.level IS NOT NULL) AS levels
         FROM competency c LEFT JOIN competency_level l ON l.competency_id = c.id
        WHERE c.id = ANY($1::uuid[])
        GROUP BY c.id`, // a competency of a retired framework counts as retired
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { ...r, levels: (r.levels ?? []).map(Number) }]));
  }

  async replaceClaims(m: EntityManager, evidenceId: string, claims: readonly ClaimInput[]): Promise<void> {
    await m.delete(EvidenceClaimEntity, { evidenceId });
    await this.insertClaims(m, evidenceId, claims);
  }

  async insertClaims(m: EntityManager, evidenceId: string, claims: readonly ClaimInput[]): Promise<void> {
    if (claims.length)
      await m.insert(
        EvidenceClaimEntity,
        claims.map((c) => ({ evidenceId, competencyId: c.competencyId, level: c.level })),
      );
  }

  byIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<EvidenceEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(EvidenceEntity).find({ where: { id: In([...ids]) } });
  }

  // ---- endorsers, endorsements and revisions ----

  /** The building, among those the endorser account is scoped to, that the educator is assigned to on `day`; else null. */
  async endorserBuildingFor(m: EntityManager, accountId: string, educatorId: string, day: string): Promise<string | null> {
    const rows: Array<{ building_id: string }> = await m.query(
      `SELECT ba.building_id FROM building_assignment ba JOIN endorser_building eb ON eb.building_id = ba.building_id AND eb.account_id = $1
        WHERE ba.educator_id = $2 AND ba.starts_on <= $3::date AND (ba.ends_on IS NULL OR ba.ends_on >= $3::date) LIMIT 1`,
      [accountId, educatorId, day],
    );
    return rows[0]?.building_id ?? null;
  }

  /**
   * The endorser's queue: live self-reported evidence of educators assigned on `day` to the endorser's buildings,
   * not their own, not already decided by them since the item last changed; oldest request (or item) first.
   */
  async endorsementQueue(
    m: EntityManager,
    q: { accountId: string; ownEducatorId: string | null; day: string; buildingId?: string; first: number; offset: number },
  ): Promise<{ rows: EndorsementQueueRow[]; total: number }> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows from pg, read column by column below
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT e.id AS evidence_id, ba.educator_id, ed.full_name, ba.building_id, vr.id AS request_id, vr.note AS request_note,
              coalesce(vr.requested_at, e.created_at) AS waiting_since, count(*) OVER ()::int AS total
         FROM endorser_building eb
         JOIN building_assignment ba ON ba.building_id = eb.building_id AND ba.starts_on <= $2::date AND (ba.ends_on IS NULL OR ba.ends_on >= $2::date)
         JOIN educator ed ON ed.id = ba.educator_id
         JOIN evidence e ON e.educator_id = ba.educator_id
         LEFT JOIN verification_request vr ON vr.evidence_id = e.id AND vr.status = 'PENDING'
        WHERE eb.account_id = $1 AND ($3::uuid IS NULL OR eb.building_id = $3::uuid) AND ($4::uuid IS NULL OR e.educator_id <> $4::uuid)
          AND e.deleted_at IS NULL AND e.verification_status = 'SELF_REPORTED'
          AND NOT EXISTS (SELECT 1 FROM evidence_endorsement d WHERE d.evidence_id = e.id AND d.decided_by_account_id = $1 AND d.decided_at >= e.updated_at)
        ORDER BY waiting_since, e.id
        LIMIT ${Number(q.first)} OFFSET ${Number(q.offset)}`,
      [q.accountId, q.day, q.buildingId ?? null, q.ownEducatorId],
    );
    let total = rows[0]?.total ?? 0;
    if (!rows.length && q.offset > 0) {
      total = (await this.endorsementQueue(m, { ...q, first: 1, offset: 0 })).total;
    }
    return {
      total,
      rows: rows.map((r) => ({
        evidenceId: r.evidence_id,
        educatorId: r.educator_id,
        educatorName: r.full_name,
        buildingId: r.building_id,
        verificationRequestId: r.request_id,
        requestNote: r.request_note,
        waitingSince: r.waiting_since,
      })),
    };
  }

  endorsementsByEvidenceIds(ids: readonly string[]): Promise<EvidenceEndorsementEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .getRepository(EvidenceEndorsementEntity)
      .find({ where: { evidenceId: In([...ids]) }, order: { decidedAt: 'ASC', id: 'ASC' } });
  }

  pendingRevisionsByEvidenceIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<EvidenceRevisionEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(EvidenceRevisionEntity).find({ where: { evidenceId: In([...ids]), status: 'PENDING' } });
  }

  /**
   * Pending revisions of live evidence, oldest first: every one for HR; for an endorser (scope given) those of
   * endorsed items of educators in their buildings on `day`, not their own.
   */
  async revisionQueue(
    m: EntityManager,
    first: number,
    offset: number,
    scope: { accountId: string; ownEducatorId: string | null; day: string } | null,
  ): Promise<[EvidenceRevisionEntity[], number]> {
    const qb = m
      .getRepository(EvidenceRevisionEntity)
      .createQueryBuilder('r')
      .innerJoin(EvidenceEntity, 'e', 'e.id = r.evidence_id')
      .where(`r.status = 'PENDING' AND e.deleted_at IS NULL`)
      .orderBy('r.proposed_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip(offset)
      .take(first);
    if (scope) {
      qb.andWhere(`e.verification_status = 'ENDORSED' AND (CAST(:own AS uuid) IS NULL OR e.educator_id <> CAST(:own AS uuid))`, {
        own: scope.ownEducatorId,
      }).andWhere(
        `EXISTS (SELECT 1 FROM building_assignment ba JOIN endorser_building eb ON eb.building_id = ba.building_id AND eb.account_id = :account
          WHERE ba.educator_id = e.educator_id AND ba.starts_on <= CAST(:day AS date) AND (ba.ends_on IS NULL OR ba.ends_on >= CAST(:day AS date)))`,
        { account: scope.accountId, day: scope.day },
      );
    }
    return qb.getManyAndCount();
  }

  // ---- verification requests ----

  /** Requests with what their views show of the evidence, by a WHERE over `vr`, `e` and `ed`; oldest first. */
  async verificationRequests(
    m: EntityManager,
    where: string,
    params: unknown[],
    page: { first: number; offset: number } | null = null,
  ): Promise<VerificationRequestRow[]> {
    const limit = page ? `LIMIT ${Number(page.first)} OFFSET ${Number(page.offset)}` : '';
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows from pg, read column by column below
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT vr.id, vr.evidence_id, vr.educator_id, vr.status, vr.note, vr.links, vr.requested_at, vr.decided_at, vr.decided_by_email,
              vr.decision_reason, vr.version, e.title, e.kind, e.verification_status,
              floor(extract(epoch FROM now() - vr.requested_at) / 86400)::int AS age_days
         FROM verification_request vr JOIN evidence e ON e.id = vr.evidence_id JOIN educator ed ON ed.id = vr.educator_id
        WHERE ${where}
        ORDER BY vr.requested_at, vr.id ${limit}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      evidenceId: r.evidence_id,
      educatorId: r.educator_id,
      status: r.status,
      note: r.note,
      links: r.links,
      requestedAt: r.requested_at,
      decidedAt: r.decided_at,
      decidedByEmail: r.decided_by_email,
      decisionReason: r.decision_reason,
      version: r.version,
      evidenceTitle: r.title,
      evidenceKind: r.kind,
      evidenceStatus: r.verification_status,
      ageDays: r.age_days,
    }));
  }

  /** HR's queue: pending requests under the filters, one page oldest first, and the counts by evidence kind. */
  async verificationQueue(
    m: EntityManager,
    f: VerificationQueueFilter,
    first: number,
    offset: number,
  ): Promise<{ rows: VerificationRequestRow[]; counts: Array<{ kind: string; count: number }> }> {
    const params: unknown[] = [f.buildingId ?? null, f.kind ?? null, f.competencyId ?? null, f.minAgeDays ?? null];
    const where = `vr.status = 'PENDING' AND e.deleted_at IS NULL
      AND ($1::uuid IS NULL OR ed.building_id = $1::uuid)
      AND ($2::varchar IS NULL OR e.kind = $2::varchar)
      AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM evidence_claim c WHERE c.evidence_id = e.id AND c.competency_id = $3::uuid))
      AND ($4::int IS NULL OR vr.requested_at <= now() - make_interval(days => $4::int))`;
    const rows = await this.verificationRequests(m, where, params, { first, offset });
    const counts: Array<{ kind: string; count: number }> = await m.query(
      `SELECT e.kind, count(*)::int AS count
         FROM verification_request vr JOIN evidence e ON e.id = vr.evidence_id JOIN educator ed ON ed.id = vr.educator_id
        WHERE ${where} GROUP BY e.kind ORDER BY e.kind`,
      params,
    );
    return { rows, counts };
  }
}

export interface EndorsementQueueRow {
  evidenceId: string;
  educatorId: string;
  educatorName: string;
  buildingId: string;
  verificationRequestId: string | null;
  requestNote: string | null;
  waitingSince: Date;
}

export interface VerificationQueueFilter {
  buildingId?: string;
  kind?: EvidenceKind;
  competencyId?: string;
  minAgeDays?: number;
}

export interface VerificationRequestRow {
  id: string;
  evidenceId: string;
  educatorId: string;
  status: string;
  note: string;
  links: string[];
  requestedAt: Date;
  decidedAt: Date | null;
  decidedByEmail: string | null;
  decisionReason: string | null;
  version: number;
  evidenceTitle: string;
  evidenceKind: string;
  evidenceStatus: string;
  ageDays: number;
}
