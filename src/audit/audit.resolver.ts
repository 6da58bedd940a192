import { Args, Query, Resolver } from '@nestjs/graphql';
import { Persona } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { decodeCursor, toPage } from '../common/pagination.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditFilterArgs } from './dto/audit-filter.args.js';
import { AuditEntryConnection } from './models/audit-entry.model.js';
import { AuditService } from './audit.service.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Allow(Persona.HR)
  @Query(() => AuditEntryConnection, { description: 'HR: the audit log, newest first, with filters' })
  async auditEntries(@Args() args: AuditFilterArgs): Promise<AuditEntryConnection> {
    const offset = decodeCursor(args.after);
    const [rows, total] = await this.audit.search(args, offset);
    return toPage(rows.map(toModel), total, offset);
  }
}

function toModel(e: AuditEntryEntity) {
  return {
    id: e.id,
    at: e.at,
    actorAccountId: e.actorAccountId,
    actorEmail: e.actorEmail,
    persona: e.persona,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    changesJson: JSON.stringify(e.changes),
  };
}
