import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Persona, type Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { notFound } from '../common/app-error.js';
import { PERSONAL_DATA_SECTIONS, type ExportSection } from './personal-data-sections.js';

export const EXPORT_FORMAT = 'pathways.personal-data-export';
export const EXPORT_FORMAT_VERSION = 1;

/**
 * Everything Pathways holds about one person as one JSON document, read from one snapshot. The educator exports
 * their own; HR exports anyone's. Each export is audited (the educator's access trail lists HR's).
 */
@Injectable()
export class PersonalDataExportService {
  /** The sections, in document order; tests and other modules may read the list. */
  readonly sections: readonly ExportSection[] = PERSONAL_DATA_SECTIONS;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async mine(actor: Principal): Promise<Record<string, unknown>> {
    if (!actor.educatorId) throw notFound('Educator profile for this account');
    return this.export(actor, actor.educatorId, Persona.EDUCATOR);
  }

  async forPerson(actor: Principal, educatorId: string): Promise<Record<string, unknown>> {
    return this.export(actor, educatorId, Persona.HR);
  }

  private async export(actor: Principal, educatorId: string, persona: Persona): Promise<Record<string, unknown>> {
    return this.db.transaction('REPEATABLE READ', async (m) => {
      const [person] = await m.query(
        'SELECT ed.id, ed.erased_at, (SELECT a.id FROM account a WHERE a.educator_id = ed.id) AS account_id FROM educator ed WHERE ed.id = $1',
        [educatorId],
      );
      if (!person || person.erased_at) throw notFound('Educator', educatorId);
      const subject = { educatorId, accountId: person.account_id as string | null };
      const generatedAt = new Date().toISOString();
      const doc: Record<string, unknown> = {
        format: EXPORT_FORMAT,
        formatVersion: EXPORT_FORMAT_VERSION,
        generatedAt,
        educatorId,
        generatedFor: persona === Persona.HR ? 'HR' : 'the person themself',
        sections: this.sections.map((s) => ({ name: s.name, description: s.description })),
      };
      for (const section of this.sections) doc[section.name] = await section.build(m, subject);
      await this.audit.record(
        actor,
        {
          action: 'PERSONAL_DATA_EXPORTED',
          targetType: 'Educator',
          targetId: educatorId,
          persona,
          changes: { sections: this.sections.map((s) => s.name) },
        },
        m,
      );
      return doc;
    });
  }
}
