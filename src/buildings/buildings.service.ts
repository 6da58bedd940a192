import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, Raw, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import type { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, CommonReason, conflict, notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { BuildingEntity } from './building.entity.js';
import type { CreateBuildingInput, UpdateBuildingInput } from './dto/building.input.js';

@Injectable()
export class BuildingsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(first: number, after?: string, includeArchived = false): Promise<Page<BuildingEntity>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.db.getRepository(BuildingEntity).findAndCount({
      where: includeArchived ? {} : { archivedAt: IsNull() },
      order: { code: 'ASC' },
      skip: offset,
      take: first,
    });
    return toPage(rows, total, offset);
  }

  async get(id: string): Promise<BuildingEntity> {
    const found = await this.db.getRepository(BuildingEntity).findOne({ where: { id } });
    if (!found) throw notFound('Building', id);
    return found;
  }

  /** Many at once, for DataLoaders; unknown ids are simply absent. */
  async byIds(ids: readonly string[]): Promise<BuildingEntity[]> {
    if (!ids.length) return [];
    return this.db.getRepository(BuildingEntity).find({ where: { id: In([...ids]) } });
  }

  async create(actor: Principal, input: CreateBuildingInput): Promise<BuildingEntity> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(BuildingEntity);
      // Case-insensitive so rows written outside this API (seeds, imports) count too; the unique index backs it up under races.
      const taken = await repo.exists({ where: { code: Raw((col) => `upper(${col}) = upper(:code)`, { code: input.code }) } });
      if (taken) throw conflict(`A building with code ${input.code} already exists`, CommonReason.DUPLICATE_RECORD);
      const saved = await repo.save(repo.create({ code: input.code, name: input.name, level: input.level }));
      await this.audit.record(actor, { action: 'BUILDING_CREATED', targetType: 'Building', targetId: saved.id, changes: { ...input } }, m);
      return saved;
    });
  }

  async update(actor: Principal, input: UpdateBuildingInput): Promise<BuildingEntity> {
    return this.change(actor, input.id, input.version, 'BUILDING_UPDATED', (b) => {
      if (input.name != null) b.name = input.name;
      if (input.level != null) b.level = input.level;
    });
  }

  async setArchived(actor: Principal, id: string, version: number, archived: boolean): Promise<BuildingEntity> {
    return this.change(actor, id, version, archived ? 'BUILDING_ARCHIVED' : 'BUILDING_RESTORED', (b) => {
      if (!!b.archivedAt === archived) throw badInput(archived ? 'This building is already archived' : 'This building is not archived');
      b.archivedAt = archived ? new Date() : null;
    });
  }

  /** Only a building nothing refers to (one entered by mistake); otherwise archive it, which keeps history intact. */
  async delete(actor: Principal, id: string, version: number): Promise<void> {
    await this.db.transaction(async (m) => {
      const b = await this.locked(m, id, version);
      const [refs] = await m.query(
        `SELECT (SELECT count(DISTINCT educator_id)::int FROM building_assignment WHERE building_id = $1) AS educators,
                (SELECT count(*)::int FROM hybrid_role WHERE building_id = $1) AS roles`,
        [id],
      );
      // Past assignments count too: the building is part of someone's history, which a delete would rewrite.
      if (refs.educators || refs.roles) {
        throw conflict(
          `Building ${b.code} is used by ${refs.educators} educator(s), now or in their building history, and ${refs.roles} role(s); archive it instead (setBuildingArchived)`,
        );
      }
      await m.delete(BuildingEntity, { id });
      await this.audit.record(
        actor,
        { action: 'BUILDING_DELETED', targetType: 'Building', targetId: id, changes: { before: snapshot(b), after: null } },
        m,
      );
    });
  }

  private async change(
    actor: Principal,
    id: string,
    version: number,
    action: AuditAction,
    edit: (b: BuildingEntity) => void,
  ): Promise<BuildingEntity> {
    return this.db.transaction(async (m) => {
      const b = await this.locked(m, id, version);
      const before = snapshot(b);
      edit(b);
      const saved = await m.getRepository(BuildingEntity).save(b);
      await this.audit.record(actor, { action, targetType: 'Building', targetId: id, changes: { before, after: snapshot(saved) } }, m);
      return saved;
    });
  }

  private async locked(m: EntityManager, id: string, version: number): Promise<BuildingEntity> {
    const b = await m.getRepository(BuildingEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!b) throw notFound('Building', id);
    if (b.version !== version) throw staleVersion(`Building ${b.code}`);
    return b;
  }
}

const snapshot = (b: BuildingEntity) => ({ code: b.code, name: b.name, level: b.level, archived: !!b.archivedAt });
