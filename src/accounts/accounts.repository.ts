import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';
import { PasswordLinkEntity, type PasswordLinkPurpose } from './password-link.entity.js';

/** Serialises every change that could take HR away from an account, so two of them cannot both pass the count. */
/** Taken by every change that could leave the district without an enabled HR account (accounts, leavers). */
export const HR_CHANGE_LOCK = 0x50_41_48_52; // "PAHR"

export interface AccountFilter {
  email?: string;
  name?: string;
  persona?: string;
  status?: 'ENABLED' | 'DISABLED';
}

export const hashLinkToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** The SQL of account management: searches, the HR lock and count, and set-password links. */
@Injectable()
export class AccountsRepository {
  constructor(private readonly db: DataSource) {}

  /** The buildings each account may endorse in, sorted. */
  async endorserBuildings(accountIds: readonly string[], m: EntityManager = this.db.manager): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>(accountIds.map((id) => [id, []]));
    if (!accountIds.length) return out;
    const rows: Array<{ account_id: string; building_id: string }> = await m.query(
      `SELECT account_id, building_id FROM endorser_building WHERE account_id = ANY($1::uuid[]) ORDER BY account_id, building_id`,
      [[...accountIds]],
    );
    for (const r of rows) out.get(r.account_id)!.push(r.building_id);
    return out;
  }

  /** Replaces an account's endorser scope. */
  async setEndorserBuildings(m: EntityManager, accountId: string, buildingIds: readonly string[]): Promise<void> {
    await m.query(`DELETE FROM endorser_building WHERE account_id = $1`, [accountId]);
    if (buildingIds.length) {
      await m.query(`INSERT INTO endorser_building (account_id, building_id) SELECT $1, unnest($2::uuid[])`, [accountId, [...buildingIds]]);
    }
  }

  /** Which of these buildings exist. */
  async existingBuildings(m: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await m.query(`SELECT id FROM building WHERE id = ANY($1::uuid[])`, [[...ids]]);
    return new Set(rows.map((r) => r.id));
  }

  async search(filter: AccountFilter, offset: number, first: number): Promise<[AccountEntity[], number]> {
    const q = this.db.getRepository(AccountEntity).createQueryBuilder('a');
    const like = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (filter.email) q.andWhere('lower(a.email) LIKE :email', { email: like(filter.email) });
    if (filter.name) q.andWhere('lower(a.display_name) LIKE :name', { name: like(filter.name) });
    if (filter.persona) q.andWhere('a.personas @> ARRAY[:persona]::text[]', { persona: filter.persona });
    if (filter.status === 'ENABLED') q.andWhere('a.disabled_at IS NULL');
    if (filter.status === 'DISABLED') q.andWhere('a.disabled_at IS NOT NULL');
    return q.orderBy('lower(a.email)', 'ASC').addOrderBy('a.id', 'ASC').skip(offset).take(first).getManyAndCount();
  }

  /** The educator's leaving date (YYYY-MM-DD) when it is on or before `day`, else null. */
  async leavingDateOnOrBefore(m: EntityManager, educatorId: string, day: string): Promise<string | null> {
    const [row] = await m.query(
      `SELECT to_char(leaving_date, 'YYYY-MM-DD') AS d FROM educator WHERE id = $1 AND leaving_date <= $2::date`,
      [educatorId, day],
    );
    return row?.d ?? null;
  }

  async emailTaken(m: EntityManager, email: string, exceptId?: string): Promise<boolean> {
    const q = m.getRepository(AccountEntity).createQueryBuilder('a').where('lower(a.email) = lower(:email)', { email });
    if (exceptId) q.andWhere('a.id <> :id', { id: exceptId });
    return q.getExists();
  }

  async educatorLinkedElsewhere(m: EntityManager, educatorId: string, exceptId?: string): Promise<boolean> {
    const q = m.getRepository(AccountEntity).createQueryBuilder('a').where('a.educator_id = :educatorId', { educatorId });
    if (exceptId) q.andWhere('a.id <> :id', { id: exceptId });
    return q.getExists();
  }

  /** Takes the HR-change lock for the rest of the transaction and counts enabled HR accounts under it. */
  async lockAndCountEnabledHr(m: EntityManager): Promise<number> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [HR_CHANGE_LOCK]);
    const [row] = await m.query(`SELECT count(*)::int AS n FROM account WHERE disabled_at IS NULL AND personas @> ARRAY['HR']::text[]`);
    return row.n as number;
  }

  async lockAccount(m: EntityManager, id: string): Promise<AccountEntity | null> {
    return m.getRepository(AccountEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** A new one-time link; earlier unused links of the account stop working, so only the newest is ever valid. */
  async createLink(
    m: EntityManager,
    accountId: string,
    purpose: PasswordLinkPurpose,
    createdBy: string | null,
    ttlHours: number,
  ): Promise<{ token: string; expiresAt: Date }> {
    await m.query(`UPDATE account_password_link SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
    await m.insert(PasswordLinkEntity, { accountId, tokenHash: hashLinkToken(token), purpose, createdBy, expiresAt });
    return { token, expiresAt };
  }

  /**
   * Links for accounts created just now (none has an earlier link to void): one token each, one insert for all.
   * Returns the tokens in the order of `accountIds`.
   */
  async createLinksForNew(
    m: EntityManager,
    accountIds: readonly string[],
    purpose: PasswordLinkPurpose,
    createdBy: string | null,
    ttlHours: number,
  ): Promise<{ token: string; expiresAt: Date }[]> {
    const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
    const tokens = accountIds.map(() => randomBytes(32).toString('base64url'));
    if (!accountIds.length) return [];
    await m.query(
      `INSERT INTO account_password_link (account_id, token_hash, purpose, created_by, expires_at)
       SELECT v.account_id, v.token_hash, $3, $4, $5 FROM unnest($1::uuid[], $2::varchar[]) AS v(account_id, token_hash)`,
      [[...accountIds], tokens.map(hashLinkToken), purpose, createdBy, expiresAt],
    );
    return tokens.map((token) => ({ token, expiresAt }));
  }

  /** Marks the link used and returns its account, or null when it is unknown, used or expired. One statement: a reuse race has one winner. */
  async consumeLink(m: EntityManager, token: string): Promise<{ accountId: string; purpose: string } | null> {
    const [rows] = await m.query(
      `UPDATE account_password_link SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING account_id AS "accountId", purpose`,
      [hashLinkToken(token)],
    );
    return rows?.[0] ?? null;
  }
}
