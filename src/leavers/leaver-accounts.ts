import type { EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import type { AuditService } from '../audit/audit.service.js';

/**
 * Disables the accounts of educators whose leaving date is on or before `today` (one educator's, or every one's) and
 * ends their sessions (token version), each audited as ACCOUNT_DISABLED with before and after. Touching the account
 * row also tells every process to drop its cached principal (trigger on account); the caller invalidates its own.
 */
export async function disableLeaverAccounts(
  m: EntityManager,
  audit: AuditService,
  actor: Principal | null,
  today: string,
  educatorId: string | null,
): Promise<string[]> {
  const [rows] = (await m.query(
    `UPDATE account a SET disabled_at = now(), token_version = a.token_version + 1, version = a.version + 1, updated_at = now()
       FROM educator e
      WHERE e.id = a.educator_id AND e.leaving_date <= $1::date AND a.disabled_at IS NULL AND ($2::uuid IS NULL OR e.id = $2::uuid)
      RETURNING a.id, a.email, a.display_name AS "displayName", a.personas, a.educator_id AS "educatorId", to_char(e.leaving_date, 'YYYY-MM-DD') AS "leavingDate"`,
    [today, educatorId],
  )) as [Array<{ id: string; email: string; displayName: string; personas: string[]; educatorId: string; leavingDate: string }>, number];
  for (const r of rows) {
    const view = { email: r.email, displayName: r.displayName, personas: r.personas, educatorId: r.educatorId };
    await audit.record(
      actor,
      {
        action: 'ACCOUNT_DISABLED',
        targetType: 'Account',
        targetId: r.id,
        changes: {
          before: { ...view, disabled: false },
          after: { ...view, disabled: true },
          cause: 'EDUCATOR_LEFT',
          leavingDate: r.leavingDate,
        },
      },
      m,
    );
  }
  return rows.map((r) => r.id);
}
