import type { DataSource } from 'typeorm';
import { Persona } from '../access/persona.js';
import { PrincipalCache } from '../access/principal-cache.js';
import { TokenService } from '../access/token.service.js';
import { AuditService } from '../audit/audit.service.js';
import { conflict } from '../common/app-error.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import type { AppConfig } from '../config/app-config.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService, type IssuedLink } from './accounts.service.js';

/**
 * The first HR account of a new district, created from the command line: nobody can sign in yet, so nobody could
 * create it through the API. Refused once any enabled HR account exists (from then on HR creates accounts).
 */
export async function createFirstHr(
  ds: DataSource,
  config: AppConfig,
  email: string,
  displayName: string,
): Promise<{ accountId: string; link: IssuedLink }> {
  // Built by hand: this runs without the HTTP application. The cache never listens here, so it never caches.
  const service = new AccountsService(
    ds,
    new AccountsRepository(ds),
    new AuditService(ds),
    new TokenService(config),
    new PrincipalCache(ds),
    config,
    new NotificationOutbox(config),
  );
  const repo = new AccountsRepository(ds);
  return ds.transaction(async (m) => {
    if ((await repo.lockAndCountEnabledHr(m)) > 0) {
      throw conflict('This database already has an enabled HR account; sign in as HR and create accounts through the API (createAccount)');
    }
    const { account, link } = await service.create(null, { email, displayName, personas: [Persona.HR] }, m, 'admin create-hr');
    return { accountId: account.id, link };
  });
}
