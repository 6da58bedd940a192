import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import type { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound, staleVersion } from '../common/app-error.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { districtToday } from '../common/clock.js';
import { HybridCommitmentEntity } from '../matching/hybrid-commitment.entity.js';
import { checkEnd, checkEndEarly, checkStart } from './domain/commitment-rules.js';
import type { EndCommitmentInput, RecordCommitmentInput, UpdateCommitmentInput } from './dto/commitment.input.js';
import type { CommitmentModel } from './models/commitment.model.js';

const view = (c: HybridCommitmentEntity) => ({ roleTitle: c.roleTitle, roleFte: c.roleFte, startsOn: c.startsOn, endsOn: c.endsOn });

/**
 * HR's record of hybrid commitments, including those agreed outside Pathways. Rankings and capacity reports read the
 * commitment table directly, so an overextension follows from a change at once.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async ofEducator(educatorId: string): Promise<CommitmentModel[]> {
    if (!(await this.db.getRepository(EducatorEntity).exists({ where: { id: educatorId } }))) throw notFound('Educator', educatorId);
    const rows: Array<HybridCommitmentEntity & { title: string | null }> = await this.db.query(
      `SELECT hc.id, hc.educator_id AS "educatorId", hc.role_id AS "roleId", coalesce(r.title, hc.role_title) AS "roleTitle",
              hc.role_fte::float8 AS "roleFte", hc.starts_on::text AS "startsOn", hc.ends_on::text AS "endsOn", hc.source, hc.version
         FROM hybrid_commitment hc LEFT JOIN hybrid_role r ON r.id = hc.role_id
        WHERE hc.educator_id = $1 ORDER BY hc.starts_on, hc.id`,
      [educatorId],
    );
    return rows as unknown as CommitmentModel[];
  }

  async record(actor: Principal, input: RecordCommitmentInput): Promise<CommitmentModel> {
    checkStart(input.startsOn, districtToday(), input.backdated);
    checkEnd(input.startsOn, input.endsOn ?? null);
    const id = await this.db.transaction(async (m) => {
      const educator = await m.getRepository(EducatorEntity).findOne({ where: { id: input.educatorId } });
      if (!educator) throw notFound('Educator', input.educatorId);
      if (educator.leavingDate !== null && input.startsOn >= educator.leavingDate) {
        throw badInput(`This educator leaves on ${educator.leavingDate}; a commitment must start before the leaving date`);
      }
      const repo = m.getRepository(HybridCommitmentEntity);
      const saved = await repo.save(
        repo.create({
          educatorId: input.educatorId,
          roleId: null,
          roleTitle: input.roleTitle,
          roleFte: input.roleFte,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
          source: 'EXTERNAL',
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'COMMITMENT_RECORDED',
          targetType: 'HybridCommitment',
          targetId: saved.id,
          changes: { educatorId: input.educatorId, before: null, after: view(saved), backdated: input.backdated },
        },
        m,
      );
      return saved.id;
    });
    return this.one(id);
  }

  async update(actor: Principal, input: UpdateCommitmentInput): Promise<CommitmentModel> {
    await this.change(actor, input.id, input.version, 'COMMITMENT_UPDATED', (c) => {
      const touchesTerms = input.roleTitle != null || input.roleFte != null || input.startsOn != null;
      if (touchesTerms && c.source !== 'EXTERNAL') {
        throw badInput(
          'The title, FTE and start of a commitment from an accepted offer follow the offer; only its end can change (endCommitment)',
        );
      }
      if (input.roleTitle != null) c.roleTitle = input.roleTitle;
      if (input.roleFte != null) c.roleFte = input.roleFte;
      if (input.startsOn != null && input.startsOn !== c.startsOn) {
        checkStart(input.startsOn, districtToday(), input.backdated);
        c.startsOn = input.startsOn;
      }
      checkEnd(c.startsOn, c.endsOn);
    });
    return this.one(input.id);
  }

  async endEarly(actor: Principal, input: EndCommitmentInput): Promise<CommitmentModel> {
    await this.change(actor, input.id, input.version, 'COMMITMENT_ENDED_EARLY', (c) => {
      checkEndEarly(c.startsOn, c.endsOn, input.endsOn);
      c.endsOn = input.endsOn;
    });
    return this.one(input.id);
  }

  private async change(
    actor: Principal,
    id: string,
    version: number,
    action: AuditAction,
    edit: (c: HybridCommitmentEntity) => void,
  ): Promise<void> {
    await this.db.transaction(async (m: EntityManager) => {
      const repo = m.getRepository(HybridCommitmentEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Commitment', id);
      if (current.version !== version) throw staleVersion('The commitment');
      const before = view(current);
      edit(current);
      const saved = await repo.save(current);
      await this.audit.record(
        actor,
        { action, targetType: 'HybridCommitment', targetId: id, changes: { educatorId: current.educatorId, before, after: view(saved) } },
        m,
      );
    });
  }

  private async one(id: string): Promise<CommitmentModel> {
    const [row] = await this.db.query(`SELECT educator_id FROM hybrid_commitment WHERE id = $1`, [id]);
    return (await this.ofEducator(row.educator_id)).find((c) => c.id === id)!;
  }
}
