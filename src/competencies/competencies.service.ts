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
import { CompetencyReason } from './domain/framework-rules.js';
import { CompetencyFrameworkLevelEntity } from './competency-framework-level.entity.js';

@Injectable()
export class CompetenciesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listFrameworks(first: number, after?: string, includeRetired = false): Promise<Page<CompetencyFrameworkEntity>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.db.getRepository(CompetencyFrameworkEntity).findAndCount({
      where: includeRetired ? {} : { retiredAt: IsNull() },
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
    if (input.levels) checkLevelsContiguous(input.levels.map((l) => l.level));
    return this.db.transaction(async (m) => {
      const framework = await this.lockFramework(m, input.frameworkId);
      if (framework.retiredAt)
        throw badInput(
          `Framework ${framework.code} is retired: it takes no new competencies`,
          undefined,
          CompetencyReason.FRAMEWORK_RETIRED,
        );
      const scale = await m
        .getRepository(CompetencyFrameworkLevelEntity)
        .find({ where: { frameworkId: framework.id }, order: { level: 'ASC' } });
      const follows = !input.levels;
      if (follows && !scale.length) throw badInput(`Framework ${framework.code} has no scale of its own: give this competency its levels`);
      const levels = (input.levels ?? scale).map((l) => ({ level: l.level, label: l.label, descriptor: l.descriptor ?? '' }));
      const saved = await m.getRepository(CompetencyEntity).save(
        m.getRepository(CompetencyEntity).create({
          frameworkId: input.frameworkId,
          code: input.code,
          name: input.name,
          description: input.description ?? '',
          dimension: input.dimension,
          progression: input.progression ?? null,
          sortOrder: await this.nextSortOrder(m, input.frameworkId),
          followsFrameworkLevels: follows,
          levels,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'COMPETENCY_CREATED',
          targetType: 'Competency',
          targetId: saved.id,
          changes: { ...input, levels, followsFrameworkLevels: follows },
        },
        m,
      );
      return this.reload(m, saved.id);
    });
  }

  async update(actor: Principal, input: UpdateCompetencyInput): Promise<CompetencyEntity> {
    return this.db.transaction(async (m) => {
      // Framework first (a move renumbers its siblings), then the competency: the order every framework write takes.
      const found = await m.getRepository(CompetencyEntity).findOne({ where: { id: input.id } });
      if (!found) throw notFound('Competency', input.id);
      await this.lockFramework(m, found.frameworkId);
      const current = await this.lockForWrite(m, input.id, input.version);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['name', 'description', 'dimension', 'progression'] as const) {
        const next = input[key];
        if (next !== undefined && next !== null && next !== current[key]) {
          changes[key] = { from: current[key], to: next };
          current[key] = next;
        }
      }
      if (input.position !== undefined && input.position !== null) {
        const moved = await this.move(m, current, input.position);
        if (moved) changes.position = moved;
      }
      if (Object.keys(changes).length) {
        await m.getRepository(CompetencyEntity).save(current);
        await this.audit.record(actor, { action: 'COMPETENCY_UPDATED', targetType: 'Competency', targetId: current.id, changes }, m);
      }
      return this.reload(m, current.id);
    });
  }

  /**
   * Puts a competency at a 1-based place in its framework's display order (past the end: last) and renumbers the
   * framework's competencies 0..n-1 in that order; only the moved one's version changes.
   */
  private async move(m: EntityManager, current: CompetencyEntity, position: number): Promise<{ from: number; to: number } | null> {
    const siblings: Array<{ id: string }> = await m.query(`SELECT id FROM competency WHERE framework_id = $1 ORDER BY sort_order, code`, [
      current.frameworkId,
    ]);
    const ids = siblings.map((r) => r.id);
    const from = ids.indexOf(current.id) + 1;
    const to = Math.min(position, ids.length);
    if (from === to) return null;
    ids.splice(from - 1, 1);
    ids.splice(to - 1, 0, current.id);
    await m.query(
      `UPDATE competency c SET sort_order = x.ord - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, ord)
        WHERE c.id = x.id AND c.id <> $2 AND c.sort_order <> x.ord - 1`,
      [ids, current.id],
    );
    current.sortOrder = to - 1;
    return { from, to };
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

  private async lockFramework(m: EntityManager, frameworkId: string): Promise<CompetencyFrameworkEntity> {
    const found = await m
      .getRepository(CompetencyFrameworkEntity)
      .findOne({ where: { id: frameworkId }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw notFound('Framework', frameworkId);
    return found;
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
    return m
      .getRepository(CompetencyEntity)
      .findOneOrFail({ where: { id }, relations: { levels: true }, order: { levels: { level: 'ASC' } } });
  }
}
