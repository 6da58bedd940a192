import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { CompetencyFrameworkEntity } from './competency-framework.entity.js';
import { CompetencyEntity } from './competency.entity.js';
import type { CreateCompetencyInput, RetireCompetencyInput, UpdateCompetencyInput } from './dto/competency.input.js';
import { checkLevelsContiguous } from './domain/levels.js';

@Injectable()
export class CompetenciesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listFrameworks(first: number, after?: string): Promise<Page<CompetencyFrameworkEntity>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.db.getRepository(CompetencyFrameworkEntity).findAndCount({
      order: { code: 'ASC' },
      skip: offset,
      take: first,
    });
    return toPage(rows, total, offset);
  }

  async framework(id?: string, code?: string): Promise<CompetencyFrameworkEntity> {
    if (!id && !code) throw badInput('Give a framework id or code');
    const found = await this.db.getRepository(CompetencyFrameworkEntity).findOne({ where: id ? { id } : { code } });
    if (!found) throw notFound('Framework', id ?? code);
    return found;
  }

  async competency(id: string): Promise<CompetencyEntity> {
    const found = await this.db.getRepository(CompetencyEntity).findOne({ where: { id }, relations: { levels: true } });
    if (!found) throw notFound('Competency', id);
    return found;
  }

  /** Competencies of many frameworks at once (for the DataLoader), in display order. */
  async byFrameworkIds(frameworkIds: readonly string[], includeRetired: boolean): Promise<CompetencyEntity[]> {
    return this.db.getRepository(CompetencyEntity).find({
      where: { frameworkId: In([...frameworkIds]), ...(includeRetired ? {} : { retiredAt: IsNull() }) },
      relations: { levels: true },
      order: { sortOrder: 'ASC', code: 'ASC', levels: { level: 'ASC' } },
    });
  }

  async byIds(ids: readonly string[]): Promise<CompetencyEntity[]> {
    return this.db.getRepository(CompetencyEntity).find({
      where: { id: In([...ids]) },
      relations: { levels: true },
      order: { levels: { level: 'ASC' } },
    });
  }

  async create(actor: Principal, input: CreateCompetencyInput): Promise<CompetencyEntity> {
    checkLevelsContiguous(input.levels.map((l) => l.level));
    return this.db.transaction(async (m) => {
      await this.lockFramework(m, input.frameworkId);
      const saved = await m.getRepository(CompetencyEntity).save(
        m.getRepository(CompetencyEntity).create({
          frameworkId: input.frameworkId,
          code: input.code,
          name: input.name,
          description: input.description ?? '',
          dimension: input.dimension,
          progression: input.progression ?? null,
          sortOrder: await this.nextSortOrder(m, input.frameworkId),
          levels: input.levels.map((l) => ({ level: l.level, label: l.label, descriptor: l.descriptor ?? '' })),
        }),
      );
      await this.audit.record(actor, { action: 'COMPETENCY_CREATED', targetType: 'Competency', targetId: saved.id, changes: { ...input } }, m);
      return this.reload(m, saved.id);
    });
  }

  async update(actor: Principal, input: UpdateCompetencyInput): Promise<CompetencyEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockForWrite(m, input.id, input.version);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['name', 'description', 'dimension'] as const) {
        const next = input[key];
        if (next !== undefined && next !== current[key]) {
          changes[key] = { from: current[key], to: next };
          current[key] = next;
        }
      }
      await m.getRepository(CompetencyEntity).save(current);
      await this.audit.record(actor, { action: 'COMPETENCY_UPDATED', targetType: 'Competency', targetId: current.id, changes }, m);
      return this.reload(m, current.id);
    });
  }

  async retire(actor: Principal, input: RetireCompetencyInput): Promise<CompetencyEntity> {
    return this.db.transaction(async (m) => {
      const current = await this.lockForWrite(m, input.id, input.version);
      if (current.retiredAt) throw badInput(`Competency ${current.code} is already retired`);
      current.retiredAt = new Date();
      await m.getRepository(CompetencyEntity).save(current);
      await this.audit.record(actor, { action: 'COMPETENCY_RETIRED', targetType: 'Competency', targetId: current.id }, m);
      return this.reload(m, current.id);
    });
  }

  private async lockFramework(m: EntityManager, frameworkId: string): Promise<void> {
    const found = await m.getRepository(CompetencyFrameworkEntity).findOne({ where: { id: frameworkId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw notFound('Framework', frameworkId);
  }

  private async lockForWrite(m: EntityManager, id: string, version: number): Promise<CompetencyEntity> {
    const current = await m.getRepository(CompetencyEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!current) throw notFound('Competency', id);
    if (current.version !== version) throw staleVersion(`Competency ${current.code}`);
    return current;
  }

  private async nextSortOrder(m: EntityManager, frameworkId: string): Promise<number> {
    const [row] = await m.query('SELECT coalesce(max(sort_order), -1) + 1 AS next FROM competency WHERE framework_id = $1', [frameworkId]);
    return Number(row.next);
  }

  private async reload(m: EntityManager, id: string): Promise<CompetencyEntity> {
    return m.getRepository(CompetencyEntity).findOneOrFail({ where: { id }, relations: { levels: true }, order: { levels: { level: 'ASC' } } });
  }
}
