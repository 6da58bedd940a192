import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Persona, type Principal } from '../access/persona.js';
import type { AuditAction } from './audit-action.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditRecord {
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  changes?: Record<string, unknown>;
  /** Which of the actor's personas this action used; defaults to the most powerful one they hold. */
  persona?: Persona | null;
}

/** Writes audit entries; pass the transaction's manager so the entry commits or rolls back with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** One entry or several (one insert): several a request touches at once, such as a panelist's batched reads. */
  async record(actor: Principal | null, entries: AuditRecord | AuditRecord[], manager: EntityManager = this.db.manager): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    await manager.insert(
      AuditEntryEntity,
      list.map((entry) => ({
        actorAccountId: actor?.accountId ?? null,
        actorEmail: actor?.email ?? null,
        persona: entry.persona ?? (actor ? primaryPersona(actor) : null),
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        changes: (entry.changes ?? {}) as object,
      })),
    );
  }

  async search(filter: AuditSearch, offset: number): Promise<[AuditEntryEntity[], number]> {
    const q = this.db.getRepository(AuditEntryEntity).createQueryBuilder('e');
    if (filter.action) q.andWhere('e.action = :action', { action: filter.action });
    if (filter.targetType) q.andWhere('e.targetType = :targetType', { targetType: filter.targetType });
    if (filter.targetId) q.andWhere('e.targetId = :targetId', { targetId: filter.targetId });
    if (filter.actorAccountId) q.andWhere('e.actorAccountId = :actor', { actor: filter.actorAccountId });
    if (filter.from) q.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('e.at < :to', { to: filter.to });
    return q.orderBy('e.id', 'DESC').skip(offset).take(filter.first).getManyAndCount();
  }
}

export interface AuditSearch {
  action?: string;
  targetType?: string;
  targetId?: string;
  actorAccountId?: string;
  from?: Date;
  to?: Date;
  first: number;
}

function primaryPersona(p: Principal): Persona | null {
  for (const persona of [Persona.HR, Persona.PANELIST, Persona.ENDORSER, Persona.EDUCATOR, Persona.COMPLIANCE])
    if (p.personas.has(persona)) return persona;
  return null;
}
