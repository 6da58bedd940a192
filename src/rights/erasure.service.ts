import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { PrincipalCache } from '../access/principal-cache.js';
import { AuditService } from '../audit/audit.service.js';
import { notFound, staleVersion } from '../common/app-error.js';
import { districtToday } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { assertErasable, auditReferenceDocs, ERASURE_PLAN } from './domain/erasure.js';
import { pseudonymOf } from './domain/pseudonym.js';
import type { EraseEducatorInput } from './dto/erasure.input.js';
import type { ErasureResultModel } from './models/erasure.model.js';
import { ErasureRepository } from './erasure.repository.js';

/**
 * HR erases a person who has left, once the retention period after leaving has ended (ERASURE_RETENTION_DAYS).
 * One transaction: their own rows are deleted, the rows the hiring history and fairness audit need are anonymised,
 * saved ranking runs and the audit log are pseudonymised (never deleted). Erasing again answers the first erasure.
 */
@Injectable()
export class ErasureService {
  private readonly key: string;

  constructor(
    private readonly db: DataSource,
    private readonly repo: ErasureRepository,
    private readonly audit: AuditService,
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A key of its own, derived from the server secret, so pseudonyms cannot be traced back to ids without it.
    this.key = createHmac('sha256', config.jwtSecret).update('pathways.erasure.key').digest('hex');
  }

  /** The pseudonym an id gets in what stays after an erasure. */
  pseudonym(id: string): string {
    return pseudonymOf(this.key, id);
  }

  async erase(actor: Principal, input: EraseEducatorInput): Promise<ErasureResultModel> {
    const result = await this.db.transaction(async (m) => {
      const t = await this.repo.lockPerson(m, input.id);
      if (!t) throw notFound('Educator', input.id);
      const educatorPseudonym = this.pseudonym(t.id);
      if (t.erasedAt)
        return {
          educatorPseudonym,
          erasedAt: t.erasedAt,
          alreadyErased: true,
          rows: [] as Array<{ table: string; action: string; rows: number }>,
          mentionsElsewhere: [] as Array<{ table: string; field: string; rows: number }>,
          accountId: null,
        };
      if (t.version !== input.version) throw staleVersion('This educator');
      assertErasable(t.leavingDate, districtToday(), this.config.erasureRetentionDays);

      // Read before anything changes; other people's texts are only counted, never rewritten.
      const mentionsElsewhere = await this.repo.mentionsElsewhere(m, t.id, t.fullName);
      const own = await this.repo.personIds(m, t.id);
      const linked = await this.repo.linkedIds(m, t.id);
      const recordIds = [
        ...own.evidence,
        ...own.verificationRequests,
        ...own.disputes,
        ...own.commitments,
        ...own.assignments,
        ...own.importedCredentials,
      ];
      const ownIds = [t.id, ...(t.accountId ? [t.accountId] : []), ...recordIds];
      const pseudonyms = new Map<string, string>(ownIds.map((id) => [id.toLowerCase(), this.pseudonym(id)]));
      for (const email of [t.workEmail, t.accountEmail]) if (email) pseudonyms.set(email.toLowerCase(), educatorPseudonym);
      const linkedIds = [...linked.applications, ...linked.offers, ...linked.invitations, ...linked.issuedCredentials];

      const emails = [t.workEmail, t.accountEmail].filter((x): x is string => !!x);
      const docs = auditReferenceDocs({
        educator: [t.id],
        account: t.accountId ? [t.accountId] : [],
        email: [...new Set(emails.flatMap((e) => [e, e.toLowerCase()]))],
        record: [...recordIds, ...linkedIds],
      });
      const audited = await this.repo.pseudonymiseAudit(m, {
        accountId: t.accountId,
        targets: [...ownIds, ...linkedIds],
        docs,
        pseudonyms,
      });
      const runs = await this.repo.pseudonymiseRankingResults(m, t.id, pseudonyms);
      const deleted = await this.repo.deleteOwn(m, t, own);
      const anonymised = await this.repo.anonymiseKept(m, t, {
        educator: educatorPseudonym,
        account: t.accountId ? this.pseudonym(t.accountId) : null,
      });
      const rows = [
        ...Object.entries(deleted).map(([table, n]) => ({ table, action: 'DELETED', rows: n })),
        ...Object.entries(anonymised).map(([table, n]) => ({ table, action: 'ANONYMISED', rows: n })),
        { table: 'ranking_run_result', action: 'PSEUDONYMISED', rows: runs },
        { table: 'audit_entry', action: 'PSEUDONYMISED', rows: audited },
      ];
      // The erasure's own entry names the person only by pseudonym and holds counts, nothing personal.
      await this.audit.record(
        actor,
        {
          action: 'PERSON_ERASED',
          targetType: 'Educator',
          targetId: educatorPseudonym,
          changes: {
            retentionDays: this.config.erasureRetentionDays,
            rows: Object.fromEntries(rows.map((r) => [`${r.action}:${r.table}`, r.rows])),
            mentionsElsewhere: mentionsElsewhere.reduce((n, x) => n + x.rows, 0),
          },
        },
        m,
      );
      const [{ erased_at }] = await m.query('SELECT erased_at FROM educator WHERE id = $1', [t.id]);
      return { educatorPseudonym, erasedAt: erased_at as Date, alreadyErased: false, rows, mentionsElsewhere, accountId: t.accountId };
    });
    if (result.accountId) this.cache.invalidate(result.accountId);
    return {
      educatorId: input.id,
      educatorPseudonym: result.educatorPseudonym,
      erasedAt: result.erasedAt,
      alreadyErased: result.alreadyErased,
      rows: result.rows,
      mentionsElsewhere: result.mentionsElsewhere,
      plan: ERASURE_PLAN.map((p) => ({ ...p })),
    };
  }
}
