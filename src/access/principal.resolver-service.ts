import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/app-error.js';
import { AccountEntity } from './account.entity.js';
import { Persona, type Principal } from './persona.js';
import { PrincipalCache, type CachedAccount } from './principal-cache.js';
import { SSO_HOOKS, type SsoHooks } from './sso-hooks.js';
import { TokenService, type VerifiedToken } from './token.service.js';

/**
 * Turns an Authorization header into the current principal. Accounts come from the principal cache (no database
 * round trip once seen; exact invalidation on every account change), so a disabled account stops at once.
 */
@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly db: DataSource,
    private readonly cache: PrincipalCache<Principal>,
    @Inject(SSO_HOOKS) private readonly sso: SsoHooks,
  ) {}

  async resolve(header: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    let verified: VerifiedToken;
    try {
      verified = await this.tokens.verify(match[1]);
    } catch {
      throw unauthenticated('The access token is invalid or expired; sign in again');
    }
    let account = await this.account(verified);
    if (!account && verified.source === 'oidc') {
      await this.sso.provision(verified.email);
      account = await this.account(verified);
    }
    if (!account) throw unauthenticated('No account matches this token; ask HR to create one');
    if (account.disabled) throw unauthenticated('This account is disabled; ask HR to re-enable it');
    if (account.accessEndsOn && account.accessEndsOn <= new Date().toISOString().slice(0, 10)) {
      throw unauthenticated('This account belongs to an educator who has left; ask HR if that is wrong');
    }
    if (verified.source === 'local' && verified.tokenVersion !== account.tokenVersion) {
      throw unauthenticated('This session has ended (signed out everywhere, or the password changed); sign in again');
    }
    if (verified.source === 'oidc') await this.sso.seen(verified.sessionKey, account.principal);
    return account.principal;
  }

  /** For public fields: a bad token is ignored rather than refused. */
  async tryResolve(header: string): Promise<Principal | null> {
    try {
      return await this.resolve(header);
    } catch {
      return null;
    }
  }

  private async account(verified: VerifiedToken): Promise<CachedAccount<Principal> | null> {
    const cached = verified.source === 'local' ? this.cache.byAccountId(verified.accountId) : this.cache.byEmail(verified.email);
    if (cached) return cached;
    return this.cache.read(async () => {
      const repo = this.db.getRepository(AccountEntity);
      const row =
        verified.source === 'local'
          ? await repo.findOne({ where: { id: verified.accountId } })
          : await repo.createQueryBuilder('a').where('lower(a.email) = :email', { email: verified.email }).getOne();
      if (!row) return null;
      // Named by table, so access does not import the educators module above it.
      const [educator] = row.educatorId
        ? await this.db.query(`SELECT to_char(leaving_date, 'YYYY-MM-DD') AS "leavingDate" FROM educator WHERE id = $1`, [row.educatorId])
        : [];
      return { id: row.id, email: row.email, entry: { ...toCachedAccount(row), accessEndsOn: educator?.leavingDate ?? null } };
    });
  }
}

export function toCachedAccount(account: AccountEntity): CachedAccount<Principal> {
  return { principal: toPrincipal(account), tokenVersion: account.tokenVersion, disabled: !!account.disabledAt };
}

export function toPrincipal(account: AccountEntity): Principal {
  return {
    accountId: account.id,
    email: account.email,
    personas: new Set(account.personas.filter((p): p is Persona => p in Persona)),
    educatorId: account.personas.includes(Persona.EDUCATOR) ? account.educatorId : null,
  };
}
