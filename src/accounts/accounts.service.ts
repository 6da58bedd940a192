import { Inject, Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';
import { hashPassword } from '../access/auth.service.js';
import { ALL_PERSONAS, Persona, type Principal } from '../access/persona.js';
import { PrincipalCache } from '../access/principal-cache.js';
import { TokenService } from '../access/token.service.js';
import type { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { districtToday } from '../common/clock.js';
import { badInput, conflict, forbidden, notFound, staleVersion, unauthenticated } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { AccountsRepository, type AccountFilter } from './accounts.repository.js';
import { normalisePersonas, removesLastHr, type AccountState } from './domain/account-rules.js';
import { passwordProblem } from './domain/password-policy.js';
import type { CreateAccountInput, UpdateAccountInput } from './dto/account.input.js';
import { PasswordLinkPurpose } from './password-link.entity.js';

export interface IssuedLink {
  url: string;
  token: string;
  expiresAt: Date;
}

/** What an audit entry may show of an account: never the password hash or any token. */
const snapshot = (a: AccountEntity) => ({
  email: a.email,
  displayName: a.displayName,
  personas: [...a.personas],
  educatorId: a.educatorId,
  disabled: !!a.disabledAt,
});

const stateOf = (a: AccountEntity): AccountState => ({ personas: a.personas, disabled: !!a.disabledAt });

/** Account management: HR creates, changes, disables and resets accounts; everyone manages their own password and sessions. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: AccountsRepository,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: NotificationOutbox,
  ) {}

  async search(filter: AccountFilter, first: number, after?: string): Promise<Page<AccountEntity>> {
    const offset = decodeCursor(after);
    const [rows, total] = await this.repo.search(filter, offset, first);
    return toPage(rows, total, offset);
  }

  async get(id: string): Promise<AccountEntity> {
    const found = await this.db.getRepository(AccountEntity).findOne({ where: { id } });
    if (!found) throw notFound('Account', id);
    return found;
  }

  endorserBuildings(ids: readonly string[]): Promise<Map<string, string[]>> {
    return this.repo.endorserBuildings(ids);
  }

  /** Whether an account has a password, without ever loading the hash into the model. */
  async withPassword(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM account WHERE id = ANY($1::uuid[]) AND password_hash IS NOT NULL`, [
      [...ids],
    ]);
    return new Set(rows.map((r) => r.id));
  }

  /** A new account and its invitation: a one-time set-password link, shown to HR once. */
  async create(
    actor: Principal | null,
    input: CreateAccountInput,
    manager?: EntityManager,
    via?: string,
  ): Promise<{ account: AccountEntity; link: IssuedLink }> {
    const run = async (m: EntityManager) => {
      const personas = this.personas(input.personas);
      const email = input.email.toLowerCase();
      if (await this.repo.emailTaken(m, email))
        throw conflict(`An account with the email ${email} already exists; find it with accounts(email:) and change it instead`);
      const educatorId = await this.checkEducatorLink(m, personas, input.educatorId ?? null);
      const scope = await this.checkEndorserScope(m, personas, input.endorserBuildingIds ?? []);
      const repo = m.getRepository(AccountEntity);
      const account = await repo.save(
        repo.create({ email, displayName: input.displayName, personas, educatorId, passwordHash: null, disabledAt: null }),
      );
      await this.repo.setEndorserBuildings(m, account.id, scope);
      const link = await this.issueLink(m, account, PasswordLinkPurpose.INVITATION, actor);
      await this.audit.record(
        actor,
        {
          action: 'ACCOUNT_CREATED',
          targetType: 'Account',
          targetId: account.id,
          changes: { before: null, after: { ...snapshot(account), endorserBuildingIds: scope }, ...(via ? { via } : {}) },
        },
        m,
      );
      return { account, link };
    };
    return manager ? run(manager) : this.db.transaction(run);
  }

  /**
   * New accounts in bulk (an import), in the caller's transaction: one statement per table, each account invited
   * exactly as `create` invites (a one-time set-password link, mailed through the outbox) and audited as
   * ACCOUNT_CREATED. The caller has checked emails and educator links; the unique indexes still refuse a
   * duplicate. No ENDORSER here: that persona needs buildings, which only `create` takes.
   */
  async createMany(
    actor: Principal | null,
    inputs: readonly { email: string; displayName: string; personas: readonly string[]; educatorId: string | null }[],
    m: EntityManager,
    via?: string,
  ): Promise<{ id: string; email: string }[]> {
    if (!inputs.length) return [];
    const rows = inputs.map((input) => {
      const personas = this.personas(input.personas);
      if (personas.includes(Persona.ENDORSER))
        throw badInput('An ENDORSER account needs endorserBuildingIds: create it with createAccount, which takes the buildings');
      if (personas.includes(Persona.EDUCATOR) && !input.educatorId)
        throw badInput('An account with the EDUCATOR persona needs educatorId: the educator profile it belongs to');
      return { email: input.email.toLowerCase(), displayName: input.displayName, personas, educatorId: input.educatorId };
    });
    const created: { id: string; email: string }[] = await m.query(
      `INSERT INTO account (email, display_name, personas, educator_id, password_hash, disabled_at)
       SELECT v.email, v.display_name, string_to_array(v.personas, ' '), v.educator_id, NULL, NULL
       FROM unnest($1::varchar[], $2::varchar[], $3::text[], $4::uuid[]) AS v(email, display_name, personas, educator_id)
       RETURNING id, email`,
      [rows.map((r) => r.email), rows.map((r) => r.displayName), rows.map((r) => r.personas.join(' ')), rows.map((r) => r.educatorId)],
    );
    const ids = new Map(created.map((c) => [c.email, c.id]));
    const accounts = rows.map((r) => ({ ...r, id: ids.get(r.email)! }));
    const links = await this.repo.createLinksForNew(
      m,
      accounts.map((a) => a.id),
      PasswordLinkPurpose.INVITATION,
      actor?.accountId ?? null,
      this.config.setPasswordLinkTtlHours,
    );
    await this.outbox.enqueueMany(
      m,
      accounts.map((a, i) => ({
        to: { accountId: a.id },
        facts: {
          kind: 'ACCOUNT_INVITATION',
          displayName: a.displayName,
          link: this.linkUrl(links[i].token),
          expiresAt: links[i].expiresAt,
        },
      })),
    );
    await this.audit.record(
      actor,
      accounts.map((a) => ({
        action: 'ACCOUNT_CREATED' as const,
        targetType: 'Account',
        targetId: a.id,
        changes: {
          before: null,
          after: {
            email: a.email,
            displayName: a.displayName,
            personas: [...a.personas],
            educatorId: a.educatorId,
            disabled: false,
            endorserBuildingIds: [],
          },
          ...(via ? { via } : {}),
        },
      })),
      m,
    );
    return accounts.map((a) => ({ id: a.id, email: a.email }));
  }

  async update(actor: Principal, input: UpdateAccountInput): Promise<AccountEntity> {
    return this.change(actor, input.id, input.version, 'ACCOUNT_UPDATED', async (m, account) => {
      if (input.displayName != null) account.displayName = input.displayName;
      if (input.personas != null) account.personas = this.personas(input.personas);
      const educatorId = input.educatorId !== undefined ? input.educatorId : account.educatorId;
      account.educatorId = await this.checkEducatorLink(m, account.personas, educatorId, account.id);
      // The endorser scope follows the persona: kept unless replaced, cleared when ENDORSER is taken away.
      const current = (await this.repo.endorserBuildings([account.id], m)).get(account.id)!;
      const wanted = account.personas.includes(Persona.ENDORSER)
        ? (input.endorserBuildingIds ?? current)
        : (input.endorserBuildingIds ?? []);
      await this.repo.setEndorserBuildings(m, account.id, await this.checkEndorserScope(m, account.personas, wanted));
    });
  }

  /** Disabling ends every session of the account at once (the token version moves on) and voids its set-password links. */
  async disable(actor: Principal, id: string, version: number): Promise<AccountEntity> {
    return this.change(actor, id, version, 'ACCOUNT_DISABLED', async (m, account) => {
      if (account.disabledAt) throw badInput('This account is already disabled');
      account.disabledAt = new Date();
      account.tokenVersion += 1;
      await m.query(`UPDATE account_password_link SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [account.id]);
    });
  }

  async enable(actor: Principal, id: string, version: number): Promise<AccountEntity> {
    return this.change(actor, id, version, 'ACCOUNT_ENABLED', async (m, account) => {
      if (!account.disabledAt) throw badInput('This account is already enabled');
      // A leaver's account stops on the leaving date whatever its state: enabling it would change nothing but the word.
      const leftOn = account.educatorId ? await this.repo.leavingDateOnOrBefore(m, account.educatorId, districtToday()) : null;
      if (leftOn)
        throw badInput(
          `This account's educator left the district on ${leftOn}; correct the leaving date first (recordLeaving with a later date), then enable it; or undo a leaving recorded by mistake with reinstateEducator`,
        );
      account.disabledAt = null;
    });
  }

  /** Forced reset: the old password stops working, every session ends, and HR gets a new one-time link to hand over. */
  async forcePasswordReset(actor: Principal, id: string, version: number): Promise<{ account: AccountEntity; link: IssuedLink }> {
    let link: IssuedLink | undefined;
    const account = await this.change(actor, id, version, 'ACCOUNT_PASSWORD_RESET', async (m, a) => {
      if (a.disabledAt) throw badInput('This account is disabled; enable it before resetting its password');
      await m.query(`UPDATE account SET password_hash = NULL WHERE id = $1`, [a.id]);
      a.tokenVersion += 1;
      link = await this.issueLink(m, a, PasswordLinkPurpose.RESET, actor);
    });
    return { account, link: link! };
  }

  /** Redeems a set-password link. The password is checked before the link is spent, so a refused password keeps it usable. */
  async setPassword(token: string, password: string): Promise<{ account: AccountEntity; token: string; expiresAt: Date }> {
    const { account } = await this.db.transaction(async (m) => {
      const spent = await this.repo.consumeLink(m, token);
      if (!spent) throw unauthenticated('This set-password link is unknown, expired or already used; ask HR for a new one');
      const account = await this.repo.lockAccount(m, spent.accountId);
      if (!account || account.disabledAt)
        throw unauthenticated('This set-password link is unknown, expired or already used; ask HR for a new one');
      const problem = passwordProblem(password, account.email);
      if (problem) throw badInput(problem);
      await this.storePassword(m, account, password);
      await this.audit.record(
        actorOf(account),
        { action: 'PASSWORD_SET', targetType: 'Account', targetId: account.id, changes: { via: spent.purpose } },
        m,
      );
      return { account };
    });
    this.cache.invalidate(account.id);
    return { account, ...(await this.tokens.issue(account.id, account.tokenVersion)) };
  }

  /** Changing one's own password ends every other session; the caller gets a fresh token. */
  async changeOwnPassword(
    actor: Principal,
    current: string,
    next: string,
  ): Promise<{ account: AccountEntity; token: string; expiresAt: Date }> {
    const account = await this.db.transaction(async (m) => {
      const account = await m
        .getRepository(AccountEntity)
        .createQueryBuilder('a')
        .addSelect('a.passwordHash')
        .where('a.id = :id', { id: actor.accountId })
        .setLock('pessimistic_write')
        .getOne();
      if (!account) throw unauthenticated('No active account matches this token');
      if (!account.passwordHash || !(await verify(account.passwordHash, current))) {
        throw badInput('currentPassword is wrong; enter the password you signed in with (or ask HR for a reset link)');
      }
      const problem = passwordProblem(next, account.email);
      if (problem) throw badInput(problem);
      if (await verify(account.passwordHash, next)) throw badInput('newPassword must differ from the current one');
      await this.storePassword(m, account, next);
      await this.audit.record(actor, { action: 'PASSWORD_CHANGED', targetType: 'Account', targetId: account.id, changes: {} }, m);
      return account;
    });
    this.cache.invalidate(account.id);
    return { account, ...(await this.tokens.issue(account.id, account.tokenVersion)) };
  }

  async signOutEverywhere(actor: Principal): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.query(`UPDATE account SET token_version = token_version + 1, updated_at = now() WHERE id = $1`, [actor.accountId]);
      await this.audit.record(actor, { action: 'SIGNED_OUT_EVERYWHERE', targetType: 'Account', targetId: actor.accountId, changes: {} }, m);
    });
    this.cache.invalidate(actor.accountId);
  }

  /**
   * Loads and locks the account, checks the version, applies `edit`, refuses a change that would leave no enabled HR
   * account (counted under a lock every such change takes), saves and audits before/after, all in one transaction.
   */
  private async change(
    actor: Principal,
    id: string,
    version: number,
    action: AuditAction,
    edit: (m: EntityManager, account: AccountEntity) => Promise<void>,
  ): Promise<AccountEntity> {
    const saved = await this.db.transaction(async (m) => {
      const enabledHr = await this.repo.lockAndCountEnabledHr(m);
      const account = await this.repo.lockAccount(m, id);
      if (!account) throw notFound('Account', id);
      if (account.version !== version) throw staleVersion(`Account ${account.email}`);
      const scopeOf = async () => (await this.repo.endorserBuildings([account.id], m)).get(account.id)!;
      const before = { ...snapshot(account), endorserBuildingIds: await scopeOf() };
      const beforeState = stateOf(account);
      await edit(m, account);
      if (removesLastHr(beforeState, stateOf(account), enabledHr)) {
        throw forbidden('This is the last enabled HR account: give HR to another account first, so the district is never locked out');
      }
      const saved = await m.getRepository(AccountEntity).save(account);
      await this.audit.record(
        actor,
        {
          action,
          targetType: 'Account',
          targetId: account.id,
          changes: { before, after: { ...snapshot(saved), endorserBuildingIds: await scopeOf() } },
        },
        m,
      );
      return saved;
    });
    this.cache.invalidate(saved.id);
    return saved;
  }

  private personas(requested: readonly string[]): Persona[] {
    const unknown = requested.filter((p) => !ALL_PERSONAS.includes(p as Persona));
    if (unknown.length) throw badInput(`Unknown persona ${unknown.join(', ')}; use ${ALL_PERSONAS.join(', ')}`);
    const personas = normalisePersonas(requested, ALL_PERSONAS) as Persona[];
    if (!personas.length) throw badInput('personas must name at least one persona');
    return personas;
  }

  /**
   * An ENDORSER account endorses in the buildings HR names (at least one, each existing); buildings without the
   * persona are refused so a scope never sits unused. Returns the scope sorted, duplicates dropped.
   */
  private async checkEndorserScope(m: EntityManager, personas: readonly string[], buildingIds: readonly string[]): Promise<string[]> {
    const scope = [...new Set(buildingIds)].sort();
    if (!personas.includes(Persona.ENDORSER)) {
      if (scope.length)
        throw badInput('endorserBuildingIds is for accounts with the ENDORSER persona; add the persona or leave the buildings out');
      return [];
    }
    if (!scope.length) throw badInput('An ENDORSER account needs endorserBuildingIds: the buildings whose educators it may endorse');
    const found = await this.repo.existingBuildings(m, scope);
    const missing = scope.find((id) => !found.has(id));
    if (missing) throw notFound('Building', missing);
    return scope;
  }

  /** An EDUCATOR account is the person's own educator profile, so it must link to exactly one that no one else holds. */
  private async checkEducatorLink(
    m: EntityManager,
    personas: readonly string[],
    educatorId: string | null,
    accountId?: string,
  ): Promise<string | null> {
    if (!educatorId) {
      if (personas.includes(Persona.EDUCATOR))
        throw badInput('An account with the EDUCATOR persona needs educatorId: the educator profile it belongs to');
      return null;
    }
    if (!(await m.getRepository(EducatorEntity).exists({ where: { id: educatorId } }))) throw notFound('Educator', educatorId);
    if (await this.repo.educatorLinkedElsewhere(m, educatorId, accountId))
      throw conflict('This educator is already linked to another account; unlink it there first');
    return educatorId;
  }

  /** A one-time link, returned to HR and mailed to the person (the outbox erases it once the email has left). */
  private async issueLink(
    m: EntityManager,
    account: AccountEntity,
    purpose: PasswordLinkPurpose,
    actor: Principal | null,
  ): Promise<IssuedLink> {
    const { token, expiresAt } = await this.repo.createLink(
      m,
      account.id,
      purpose,
      actor?.accountId ?? null,
      this.config.setPasswordLinkTtlHours,
    );
    const url = this.linkUrl(token);
    const kind = purpose === PasswordLinkPurpose.INVITATION ? 'ACCOUNT_INVITATION' : 'PASSWORD_RESET';
    await this.outbox.enqueue(m, { accountId: account.id }, { kind, displayName: account.displayName, link: url, expiresAt });
    return { url, token, expiresAt };
  }

  /** The token travels in the fragment, which browsers never send to servers, so it stays out of access logs. */
  private linkUrl(token: string): string {
    return `${this.config.publicBaseUrl}/set-password#token=${token}`;
  }

  private async storePassword(m: EntityManager, account: AccountEntity, password: string): Promise<void> {
    account.tokenVersion += 1;
    await m.query(`UPDATE account SET password_hash = $2, token_version = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
      account.id,
      await hashPassword(password),
      account.tokenVersion,
    ]);
  }
}

function actorOf(a: AccountEntity): Principal {
  return { accountId: a.id, email: a.email, personas: new Set(a.personas as Persona[]), educatorId: a.educatorId };
}

async function verify(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
