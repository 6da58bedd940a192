import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { PrincipalCache } from '../access/principal-cache.js';
import { HR_CHANGE_LOCK } from '../accounts/accounts.repository.js';
import { disableLeaverAccounts } from './leaver-accounts.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, forbidden, notFound, staleVersion } from '../common/app-error.js';
import { districtToday } from '../common/clock.js';
import { leftDistrictReason, LeaverClosuresService } from '../hiring/leaver-closures.service.js';
import type { RecordLeavingInput, ReinstateEducatorInput } from '../educators/dto/leaving.input.js';
import { LeaverReason } from './leaver-reason.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { EducatorEntity } from '../educators/educator.entity.js';

/**
 * An educator leaves: from the leaving date they drop out of rankings, standings, explanations and capacity (history
 * before it stays; nothing is deleted), and their open applications and pending offers close with a reason
 * (hiring's LeaverClosuresService), at once for a date that has come, else by the LeaverSweepService on the day. Their account is disabled at once when the date has come; for a later date it keeps working until then
 * (the principal check compares the date on every request, from the cached entry).
 */
@Injectable()
export class LeaversService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly cache: PrincipalCache,
    private readonly closures: LeaverClosuresService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async recordLeaving(actor: Principal, input: RecordLeavingInput): Promise<EducatorEntity> {
    const { saved, accountId } = await this.db.transaction(async (m) => {
      // First, as every change that could remove the last enabled HR account does (accounts take it before their rows).
      await m.query('SELECT pg_advisory_xact_lock($1)', [HR_CHANGE_LOCK]);
      const repo = m.getRepository(EducatorEntity);
      const current = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Educator', input.id);
      if (current.version !== input.version) throw staleVersion(`Educator ${current.fullName}`);
      if (input.leavingDate < current.hireDate) {
        throw badInput(
          `leavingDate ${input.leavingDate} is before the hire date ${current.hireDate}; a leaving date is on or after the hire date`,
        );
      }
      await this.refuseLockOut(m, current.id, input.leavingDate);
      const before = current.leavingDate;
      current.leavingDate = input.leavingDate;
      const saved = await repo.save(current);
      const disableNow = input.leavingDate <= districtToday();
      // A date that has come disables the account at once (audited as an account change); a later one, the sweep on the day.
      const disabled = disableNow ? await disableLeaverAccounts(m, this.audit, actor, districtToday(), current.id) : [];
      // Touching the account row also tells every process to drop its cached principal (trigger on account).
      const [accounts] = await m.query(`UPDATE account SET updated_at = now() WHERE educator_id = $1 RETURNING id`, [current.id]);
      const accountId = (accounts as Array<{ id: string }>)[0]?.id ?? null;
      const closed = disableNow ? await this.closures.closeFor(m, actor, current.id) : { applications: 0, invitations: 0 };
      await this.audit.record(
        actor,
        {
          action: 'EDUCATOR_LEAVING_RECORDED',
          targetType: 'Educator',
          targetId: current.id,
          changes: {
            leavingDate: { from: before, to: input.leavingDate },
            accountId,
            accountDisabled: disabled.length > 0,
            closedApplications: closed.applications,
            closedInvitations: closed.invitations,
          },
        },
        m,
      );
      return { saved, accountId };
    });
    if (accountId) this.cache.invalidate(accountId);
    return saved;
  }

  /**
   * Undoes a leaving recorded by mistake (a date that has come or one still ahead): the leaving date is cleared, and
   * the educator's account is enabled again when the leaving is what disabled it (its last disable/enable in the
   * audit log is the leaving's ACCOUNT_DISABLED); an account HR disabled for another reason stays disabled. Sessions
   * the leaving ended stay ended (the person signs in again). Applications, offers and invitations the leaving
   * closed are NOT reopened: the person applies again, HR invites again; the audit entry counts them.
   */
  async reinstate(actor: Principal, input: ReinstateEducatorInput): Promise<EducatorEntity> {
    const reason = input.reason.trim();
    if (!reason) throw badInput('Say why the leaving is undone (reason)');
    const { saved, accountId } = await this.db.transaction(async (m) => {
      // Same lock order as recordLeaving: the HR-change lock, the educator, then the account.
      await m.query('SELECT pg_advisory_xact_lock($1)', [HR_CHANGE_LOCK]);
      const repo = m.getRepository(EducatorEntity);
      const current = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Educator', input.id);
      if (current.version !== input.version) throw staleVersion(`Educator ${current.fullName}`);
      if (current.erasedAt)
        throw badInput(
          "This person's data was erased; the emptied profile cannot be reinstated: create a new educator profile instead",
          undefined,
          LeaverReason.ERASED,
        );
      if (!current.leavingDate)
        throw badInput(`${current.fullName} has no leaving date: they are on staff already`, undefined, LeaverReason.ALREADY_ACTIVE);
      const leavingDate = current.leavingDate;
      const closed = leftDistrictReason(leavingDate);
      const [notReopened]: Array<{ applications: number; offers: number; invitations: number }> = await m.query(
        `SELECT (SELECT count(*)::int FROM application a WHERE a.educator_id = $1 AND a.status = 'WITHDRAWN'
                   AND EXISTS (SELECT 1 FROM application_transition t WHERE t.application_id = a.id AND t.to_status = 'WITHDRAWN' AND t.reason = $2)) AS applications,
                (SELECT count(*)::int FROM offer WHERE educator_id = $1 AND status = 'WITHDRAWN' AND closed_reason = $2) AS offers,
                (SELECT count(*)::int FROM invitation WHERE educator_id = $1 AND status = 'WITHDRAWN' AND closed_reason = $2) AS invitations`,
        [current.id, closed],
      );
      current.leavingDate = null;
      const saved = await repo.save(current);
      const account = await this.enableIfLeavingDisabled(m, actor, current.id);
      // Touching the account row also tells every process to drop its cached principal (trigger on account).
      const [accounts] = await m.query(`UPDATE account SET updated_at = now() WHERE educator_id = $1 RETURNING id`, [current.id]);
      const accountId = (accounts as Array<{ id: string }>)[0]?.id ?? null;
      await this.audit.record(
        actor,
        {
          action: 'EDUCATOR_REINSTATED',
          targetType: 'Educator',
          targetId: current.id,
          changes: { leavingDate: { from: leavingDate, to: null }, reason, accountId, accountEnabled: account.enabled, notReopened },
        },
        m,
      );
      // The person hears it (through their account when it works again, else their work email), with what stays closed.
      await this.outbox.enqueue(
        m,
        { educatorId: current.id },
        {
          kind: 'EDUCATOR_REINSTATED',
          leavingDate,
          closedApplications: notReopened.applications,
          closedInvitations: notReopened.invitations,
        },
      );
      return { saved, accountId };
    });
    if (accountId) this.cache.invalidate(accountId);
    return saved;
  }

  /** Enables the educator's account when the leaving disabled it (audited as an account change); reports whether it did. */
  private async enableIfLeavingDisabled(m: EntityManager, actor: Principal, educatorId: string): Promise<{ enabled: boolean }> {
    const [account]: Array<{ id: string; email: string; displayName: string; personas: string[]; cause: string | null }> = await m.query(
      `SELECT a.id, a.email, a.display_name AS "displayName", a.personas,
              (SELECT CASE WHEN ae.action = 'ACCOUNT_DISABLED' THEN ae.changes->>'cause' END
                 FROM audit_entry ae WHERE ae.target_type = 'Account' AND ae.target_id = a.id::text
                  AND ae.action IN ('ACCOUNT_DISABLED', 'ACCOUNT_ENABLED') ORDER BY ae.at DESC, ae.id DESC LIMIT 1) AS cause
         FROM account a WHERE a.educator_id = $1 AND a.disabled_at IS NOT NULL FOR UPDATE OF a`,
      [educatorId],
    );
    if (!account || account.cause !== 'EDUCATOR_LEFT') return { enabled: false };
    await m.query(`UPDATE account SET disabled_at = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [account.id]);
    const view = { email: account.email, displayName: account.displayName, personas: account.personas, educatorId };
    await this.audit.record(
      actor,
      {
        action: 'ACCOUNT_ENABLED',
        targetType: 'Account',
        targetId: account.id,
        changes: { before: { ...view, disabled: true }, after: { ...view, disabled: false }, cause: 'EDUCATOR_REINSTATED' },
      },
      m,
    );
    return { enabled: true };
  }

  /**
   * The district never locks itself out: the leaver's account stops on the leaving date, so when it is an enabled HR
   * account and no other enabled HR account works past that date, the leaving is refused (today or later alike).
   */
  private async refuseLockOut(m: EntityManager, educatorId: string, leavingDate: string): Promise<void> {
    const [row]: Array<{ hr: boolean; others: number }> = await m.query(
      `SELECT EXISTS (SELECT 1 FROM account WHERE educator_id = $1 AND disabled_at IS NULL AND personas @> ARRAY['HR']::text[]) AS hr,
              (SELECT count(*)::int FROM account a LEFT JOIN educator e ON e.id = a.educator_id
                WHERE a.disabled_at IS NULL AND a.personas @> ARRAY['HR']::text[] AND a.educator_id IS DISTINCT FROM $1
                  AND (e.leaving_date IS NULL OR e.leaving_date > $2::date)) AS others`,
      [educatorId, leavingDate],
    );
    if (row.hr && row.others === 0) {
      throw forbidden(
        "This educator's account is the last enabled HR account, and it stops on the leaving date: give HR to another account first, so the district is never locked out",
      );
    }
  }
}
