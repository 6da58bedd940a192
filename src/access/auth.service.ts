import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/app-error.js';
import { ACCESS_TRAIL, AccessAuditAction, type AccessTrail } from './access-trail.js';
import { AccountEntity } from './account.entity.js';
import type { Principal } from './persona.js';
import { PasswordHashing } from './password-hashing.service.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { TokenService } from './token.service.js';

/** A hash to verify against when the account does not exist, so timing does not reveal which emails are registered. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$yyPJq5WQ+pC0xjYpCMzpqw$21SStMqgJxamnBf6aCTm6kg00A8M5DRiKDRwyC9wXuo';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
    @Inject(ACCESS_TRAIL) private readonly audit: AccessTrail,
    private readonly throttle: SignInThrottle,
    private readonly hashing: PasswordHashing,
  ) {}

  async signIn(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ account: AccountEntity; token: string; expiresAt: Date }> {
    await this.throttle.charge(email, clientAddress);
    const account = await this.db
      .getRepository(AccountEntity)
      .createQueryBuilder('a')
      .addSelect('a.passwordHash')
      .where('lower(a.email) = lower(:email)', { email })
      .getOne();
    const ok = await this.hashing.verify(account?.passwordHash ?? DUMMY_HASH, password).catch(async (err: unknown) => {
      await this.throttle.refund(email, clientAddress);
      throw err;
    });
    if (!account || !ok || account.disabledAt || !account.passwordHash) {
      await this.audit.record(null, {
        action: AccessAuditAction.SIGN_IN_FAILED,
        targetType: 'Account',
        targetId: account?.id ?? null,
        changes: { email: email.toLowerCase(), clientAddress },
      });
      await this.throttle.recordFailure(email, clientAddress);
      throw unauthenticated('The email or password is wrong');
    }
    await this.throttle.recordSuccess(email, clientAddress);
    const { token, expiresAt } = await this.tokens.issue(account.id, account.tokenVersion);
    await this.audit.record({ accountId: account.id, email: account.email, personas: new Set(), educatorId: null } satisfies Principal, {
      action: AccessAuditAction.SIGN_IN,
      targetType: 'Account',
      targetId: account.id,
      changes: { method: 'password', clientAddress },
    });
    return { account, token, expiresAt };
  }

  async account(accountId: string): Promise<AccountEntity> {
    return this.db.getRepository(AccountEntity).findOneByOrFail({ id: accountId });
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}
