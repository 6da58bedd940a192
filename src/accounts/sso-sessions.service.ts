import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AccountEntity } from '../access/account.entity.js';
import { Persona, type Principal } from '../access/persona.js';
import type { SsoHooks } from '../access/sso-hooks.js';

const MAX_REMEMBERED_SESSIONS = 50_000;

const ssoRefusal = (message: string, reason: string) => new AppError(ErrorCode.UNAUTHENTICATED, message, { reason });

/**
 * Single sign-on beyond token checks: just-in-time EDUCATOR accounts for the district's own email domains, and one
 * audit entry per identity-provider session rather than one per request.
 */
@Injectable()
export class SsoSessions implements SsoHooks {
  /** Sessions already audited by this process, oldest first (a Set keeps insertion order). */
  private readonly audited = new Set<string>();

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * An EDUCATOR account for an address in an auto-provisioned domain, linked to the educator with that work email.
   * Throws UNAUTHENTICATED with a reason a client can branch on when the domain is not configured or nobody matches.
   */
  async provision(email: string): Promise<void> {
    const domain = email.split('@')[1] ?? '';
    if (!this.config.oidcAutoProvisionDomains.includes(domain)) {
      throw ssoRefusal(`No Pathways account uses ${email}; ask HR to create one`, 'NO_ACCOUNT');
    }
    await this.db.transaction(async (m) => {
      const [educator] = await m.query(
        `SELECT e.id, e.full_name AS "fullName", a.id AS "linkedAccount" FROM educator e LEFT JOIN account a ON a.educator_id = e.id
          WHERE lower(e.work_email) = $1 FOR UPDATE OF e`,
        [email],
      );
      if (!educator)
        throw ssoRefusal(
          `No educator profile has the work email ${email}; ask HR to add you or create your account`,
          'NO_MATCHING_EDUCATOR',
        );
      if (educator.linkedAccount)
        throw ssoRefusal('Your educator profile is linked to another account; ask HR to sort it out', 'EDUCATOR_ALREADY_LINKED');
      // A concurrent first request for the same person may have won: then there is nothing left to do.
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(AccountEntity)
        .values({ email, displayName: educator.fullName, personas: [Persona.EDUCATOR], educatorId: educator.id, passwordHash: null })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = inserted.raw[0]?.id as string | undefined;
      if (!id) return;
      await this.audit.record(
        null,
        {
          action: 'ACCOUNT_CREATED',
          targetType: 'Account',
          targetId: id,
          changes: {
            before: null,
            after: { email, displayName: educator.fullName, personas: [Persona.EDUCATOR], educatorId: educator.id, disabled: false },
            via: 'single sign-on auto-provisioning',
          },
        },
        m,
      );
    });
  }

  /** Audits a single sign-on the first time its session is seen; later requests of the same session cost nothing. */
  async seen(sessionKey: string, principal: Principal): Promise<void> {
    const key = createHash('sha256').update(sessionKey).digest('base64url').slice(0, 32);
    if (this.audited.has(key)) return;
    // Another process may have audited this session already.
    await this.db.query(
      `INSERT INTO audit_entry (actor_account_id, actor_email, persona, action, target_type, target_id, changes)
       SELECT $1::uuid, $2, NULL, 'SIGN_IN', 'Account', $3::text, jsonb_build_object('method', 'sso', 'session', $4::text)
        WHERE NOT EXISTS (SELECT 1 FROM audit_entry WHERE action = 'SIGN_IN' AND target_type = 'Account' AND target_id = $3::text AND changes->>'session' = $4::text)`,
      [principal.accountId, principal.email, principal.accountId, key],
    );
    this.audited.add(key);
    if (this.audited.size > MAX_REMEMBERED_SESSIONS) this.audited.delete(this.audited.values().next().value!);
  }
}
