import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Persona, type Principal } from '../access/persona.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditRecord {
  action: string;
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

  async record(actor: Principal | null, entry: AuditRecord, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.insert(AuditEntryEntity, {
      actorAccountId: actor?.accountId ?? null,
      actorEmail: actor?.email ?? null,
      persona: entry.persona ?? (actor ? primaryPersona(actor) : null),
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      changes: (entry.changes ?? {}) as object,
    });
  }
}

function primaryPersona(p: Principal): Persona | null {
  for (const persona of [Persona.HR, Persona.PANELIST, Persona.EDUCATOR]) if (p.personas.has(persona)) return persona;
  return null;
}
