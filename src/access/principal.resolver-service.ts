import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/app-error.js';
import { AccountEntity } from './account.entity.js';
import { Persona, type Principal } from './persona.js';
import { TokenService } from './token.service.js';

/** Turns an Authorization header into the current principal, reading the account row so a disabled account stops at once. */
@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly tokens: TokenService,
    private readonly db: DataSource,
  ) {}

  async resolve(header: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    let verified;
    try {
      verified = await this.tokens.verify(match[1]);
    } catch {
      throw unauthenticated('The access token is invalid or expired');
    }
    const repo = this.db.getRepository(AccountEntity);
    const account =
      verified.source === 'local'
        ? await repo.findOne({ where: { id: verified.accountId } })
        : await repo.createQueryBuilder('a').where('lower(a.email) = :email', { email: verified.email }).getOne();
    if (!account || account.disabledAt) throw unauthenticated('No active account matches this token');
    return toPrincipal(account);
  }

  /** For public fields: a bad token is ignored rather than refused. */
  async tryResolve(header: string): Promise<Principal | null> {
    try {
      return await this.resolve(header);
    } catch {
      return null;
    }
  }
}

export function toPrincipal(account: AccountEntity): Principal {
  return {
    accountId: account.id,
    email: account.email,
    personas: new Set(account.personas.filter((p): p is Persona => p in Persona)),
    educatorId: account.personas.includes(Persona.EDUCATOR) ? account.educatorId : null,
  };
}
