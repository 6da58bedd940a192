import { districtToday } from '../common/clock.js';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { auditPeriod, computeAudit, type AuditResult } from './domain/audit.js';
import type { RunFairnessAuditInput } from './dto/fairness.input.js';
import { FairnessAuditRunEntity } from './fairness-audit-run.entity.js';
import { FairnessRepository } from './fairness.repository.js';
import type { FairnessAuditModel } from './models/fairness-audit.model.js';

/** Runs bias audits and keeps each one as it was computed. COMPLIANCE only (the resolver enforces it). */
@Injectable()
export class FairnessAuditService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: FairnessRepository,
    private readonly auditLog: AuditService,
  ) {}

  async run(actor: Principal, given: RunFairnessAuditInput): Promise<FairnessAuditModel> {
    const period = auditPeriod(given.from ?? null, given.to ?? null, districtToday());
    const input = { ...given, ...period };
    if (input.from > input.to) throw badInput(`from (${input.from}) is after to (${input.to}); give the first and last day of the period`);
    // REPEATABLE READ: applications, histories, rankings and answers all come from one snapshot, taken at `asOf`.
    const id = await this.db.transaction('REPEATABLE READ', async (m) => {
      const [{ now }]: Array<{ now: Date }> = await m.query('SELECT now() AS now');
      const asOf = new Date(now).toISOString();
      const roleId = input.roleId ?? null;
      const roleTitle = roleId ? await this.repo.roleTitle(m, roleId) : null;
      if (roleId && roleTitle === null) throw notFound('Role', roleId);
      const window = { roleId, from: input.from, to: input.to, asOf };
      const [applications, rankings] = await Promise.all([this.repo.applications(m, window), this.repo.rankings(m, window)]);
      const people = [
        ...new Set([...applications.map((a) => a.educatorId), ...rankings.flatMap((r) => r.results.map((x) => x.educatorId))]),
      ];
      const answers = await this.repo.answers(m, people);
      const result = computeAudit({
        scope: {
          roleId,
          roleTitle,
          from: input.from,
          to: input.to,
          asOf,
          excludeUnderTwoPercent: input.excludeUnderTwoPercent,
          minCategorySize: input.minCategorySize,
        },
        applications,
        rankings,
        answers,
      });
      const saved = await m.getRepository(FairnessAuditRunEntity).save(
        m.getRepository(FairnessAuditRunEntity).create({
          roleId,
          periodFrom: input.from,
          periodTo: input.to,
          asOf: new Date(asOf),
          result: result as unknown as Record<string, unknown>,
          createdByAccountId: actor.accountId,
          createdByEmail: actor.email,
        }),
      );
      // The log names the run and its scope only; the figures stay with the compliance office.
      await this.auditLog.record(
        actor,
        {
          action: 'FAIRNESS_AUDIT_RUN',
          targetType: 'FairnessAudit',
          targetId: saved.id,
          changes: {
            roleId,
            from: input.from,
            to: input.to,
            excludeUnderTwoPercent: input.excludeUnderTwoPercent,
            minCategorySize: input.minCategorySize,
          },
        },
        m,
      );
      return saved.id;
    });
    return this.audit(id);
  }

  async audit(id: string): Promise<FairnessAuditModel> {
    const run = await this.db.getRepository(FairnessAuditRunEntity).findOneBy({ id });
    if (!run) throw notFound('Fairness audit', id);
    return toFairnessAuditModel(run);
  }

  /** Newest first. */
  async audits(first: number, after?: string): Promise<Page<FairnessAuditModel>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.db
      .getRepository(FairnessAuditRunEntity)
      .findAndCount({ order: { createdAt: 'DESC', id: 'DESC' }, skip: offset, take: first });
    return toPage(rows.map(toFairnessAuditModel), total, offset);
  }
}

/** The saved result is the model: reading an audit back never recomputes it. */
export function toFairnessAuditModel(run: FairnessAuditRunEntity): FairnessAuditModel {
  const r = run.result as unknown as AuditResult;
  return {
    id: run.id,
    createdAt: run.createdAt,
    createdBy: run.createdByEmail,
    roleId: r.scope.roleId,
    roleTitle: r.scope.roleTitle,
    from: r.scope.from,
    to: r.scope.to,
    asOf: r.scope.asOf,
    excludeUnderTwoPercent: r.scope.excludeUnderTwoPercent,
    minCategorySize: r.scope.minCategorySize,
    empty: r.empty,
    emptyReason: r.emptyReason,
    applications: r.applications,
    people: r.people,
    selfIdentified: r.selfIdentified,
    measures: r.measures as unknown as FairnessAuditModel['measures'],
    rankingRuns: r.rankingRuns,
    summary: r.summary,
  };
}
