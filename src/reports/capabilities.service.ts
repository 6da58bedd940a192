import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound, staleVersion } from '../common/app-error.js';
import { CapabilityComponentEntity, CapabilityEntity } from './capability.entity.js';
import { checkComponents } from './domain/capability.js';
import type {
  CapabilityComponentInput,
  CreateCapabilityInput,
  DeleteCapabilityInput,
  UpdateCapabilityInput,
} from './dto/capability.input.js';
import type { CapabilityModel } from './models/capability.model.js';

/** Named capabilities HR saves and the equity reports ask about. Every change is one transaction and audited. */
@Injectable()
export class CapabilitiesService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CapabilityModel[]> {
    const rows = await this.db.getRepository(CapabilityEntity).find({ order: { code: 'ASC' } });
    return Promise.all(rows.map((r) => this.model(this.db.manager, r)));
  }

  /** By id or by code; unknown is NOT_FOUND. */
  async find(ref: { capabilityId?: string; capabilityCode?: string }): Promise<CapabilityModel> {
    if (!ref.capabilityId === !ref.capabilityCode) throw badInput('Name the capability by capabilityId or by capabilityCode (one of them)');
    const row = await this.db
      .getRepository(CapabilityEntity)
      .findOneBy(ref.capabilityId ? { id: ref.capabilityId } : { code: ref.capabilityCode });
    if (!row) throw notFound('Capability', ref.capabilityId ?? ref.capabilityCode);
    return this.model(this.db.manager, row);
  }

  async create(actor: Principal, input: CreateCapabilityInput): Promise<CapabilityModel> {
    checkComponents(input.components);
    return this.db.transaction(async (m) => {
      await this.checkCompetencies(m, input.components);
      const saved = await m.getRepository(CapabilityEntity).save(
        m.getRepository(CapabilityEntity).create({
          code: input.code,
          name: input.name,
          description: input.description ?? '',
        }),
      );
      await this.writeComponents(m, saved.id, input.components);
      await this.audit.record(
        actor,
        { action: 'CAPABILITY_CREATED', targetType: 'Capability', targetId: saved.id, changes: { ...input } },
        m,
      );
      return this.model(m, saved);
    });
  }

  async update(actor: Principal, input: UpdateCapabilityInput): Promise<CapabilityModel> {
    if (input.components) checkComponents(input.components);
    return this.db.transaction(async (m) => {
      const current = await this.lock(m, input.id, input.version);
      if (input.components) {
        await this.checkCompetencies(m, input.components);
        await m.delete(CapabilityComponentEntity, { capabilityId: current.id });
        await this.writeComponents(m, current.id, input.components);
      }
      if (input.name !== undefined) current.name = input.name;
      if (input.description !== undefined) current.description = input.description;
      // Saved even when only the components changed, so the version moves with every change.
      current.updatedAt = new Date();
      await m.getRepository(CapabilityEntity).save(current);
      await this.audit.record(
        actor,
        { action: 'CAPABILITY_UPDATED', targetType: 'Capability', targetId: current.id, changes: { ...input } },
        m,
      );
      return this.model(m, await m.getRepository(CapabilityEntity).findOneByOrFail({ id: current.id }));
    });
  }

  async remove(actor: Principal, input: DeleteCapabilityInput): Promise<string> {
    return this.db.transaction(async (m) => {
      const current = await this.lock(m, input.id, input.version);
      await m.delete(CapabilityEntity, { id: current.id });
      await this.audit.record(
        actor,
        { action: 'CAPABILITY_DELETED', targetType: 'Capability', targetId: current.id, changes: { code: current.code } },
        m,
      );
      return current.id;
    });
  }

  private async lock(m: EntityManager, id: string, version: number): Promise<CapabilityEntity> {
    const row = await m.getRepository(CapabilityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw notFound('Capability', id);
    if (row.version !== version) throw staleVersion(`Capability ${row.code}`);
    return row;
  }

  /** Every competency exists, is not retired (nor its framework), and has the level asked. */
  private async checkCompetencies(m: EntityManager, components: readonly CapabilityComponentInput[]): Promise<void> {
    const rows: Array<{ id: string; code: string; retired: boolean; levels: number[] }> = await m.query(
      `SELECT c.id, c.code, (c.retired_at IS NOT NULL OR EXISTS (SELECT 1 FROM competency_framework f WHERE f.id = c.framework_id AND f.retired_at IS NOT NULL)) AS retired, array_agg(l.level ORDER BY l.level) FILTER (WHERE l.level IS NOT NULL) AS levels
         FROM competency c LEFT JOIN competency_level l ON l.competency_id = c.id
        WHERE c.id = ANY($1::uuid[]) GROUP BY c.id`,
      [components.map((c) => c.competencyId)],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    const missing = components.filter((c) => !found.has(c.competencyId)).map((c) => c.competencyId);
    if (missing.length) throw notFound('Competency', missing.join(', '));
    for (const c of components) {
      const row = found.get(c.competencyId)!;
      if (row.retired) throw badInput(`Competency ${row.code} is retired; a capability cannot ask for it`);
      if (row.levels?.length && !row.levels.includes(c.minLevel))
        throw badInput(`Competency ${row.code} has no level ${c.minLevel}; its levels are ${row.levels.join(', ')}`);
    }
  }

  private async writeComponents(m: EntityManager, capabilityId: string, components: readonly CapabilityComponentInput[]): Promise<void> {
    await m.insert(
      CapabilityComponentEntity,
      components.map((c, position) => ({ capabilityId, competencyId: c.competencyId, minLevel: c.minLevel, position })),
    );
  }

  private async model(m: EntityManager, row: CapabilityEntity): Promise<CapabilityModel> {
    const parts = await m.getRepository(CapabilityComponentEntity).find({ where: { capabilityId: row.id }, order: { position: 'ASC' } });
    const comps: Array<{ id: string; code: string; name: string; framework_code: string }> = parts.length
      ? await m.query(
          `SELECT c.id, c.code, c.name, f.code AS framework_code FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE c.id = ANY($1::uuid[])`,
          [parts.map((p) => p.competencyId)],
        )
      : [];
    const byId = new Map(comps.map((c) => [c.id, { id: c.id, code: c.code, name: c.name, frameworkCode: c.framework_code }]));
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      description: row.description,
      version: row.version,
      components: parts.map((p) => ({ competency: byId.get(p.competencyId)!, minLevel: p.minLevel })),
    };
  }
}
