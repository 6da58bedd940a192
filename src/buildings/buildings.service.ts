import { Injectable } from '@nestjs/common';
import { DataSource, In, Raw } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { CommonReason, conflict, notFound } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { BuildingEntity } from './building.entity.js';
import type { CreateBuildingInput } from './dto/building.input.js';

@Injectable()
export class BuildingsService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(first: number, after?: string): Promise<Page<BuildingEntity>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.db.getRepository(BuildingEntity).findAndCount({
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
}
