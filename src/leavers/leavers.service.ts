import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { PrincipalCache } from '../access/principal-cache.js';
import { HR_CHANGE_LOCK } from '../accounts/accounts.repository.js';
import { disableLeaverAccounts } from './leaver-accounts.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, forbidden, notFound, staleVersion } from '../common/app-error.js';
import { districtToday } from '../common/clock.js';
import { LeaverClosuresService } from '../hiring/leaver-closures.service.js';
import type { RecordLeavingInput } from '../educators/dto/leaving.input.js';
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
