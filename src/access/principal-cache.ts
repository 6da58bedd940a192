import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { PoolClient, Pool } from 'pg';
import { DataSource } from 'typeorm';

export const ACCOUNT_CHANGED_CHANNEL = 'account_changed';

/** What a request needs to know about an account, cached per process. */
export interface CachedAccount<P> {
  principal: P;
  tokenVersion: number;
  disabled: boolean;
  /** The linked educator's leaving date (YYYY-MM-DD): from that day the account no longer works. */
  accessEndsOn?: string | null;
}

/**
 * Accounts by id, so resolving a token costs no database round trip once the account was seen.
 *
 * Exactness: every change to an account row fires a database trigger whose NOTIFY (delivered on commit) drops the entry
 * in every process; the process that made the change also drops it synchronously after commit, so a disabled account's
 * very next request is refused. A read that races an invalidation is not cached: `generation` is a change counter
 * taken before the read and compared after it. While the LISTEN connection is down nothing is cached at all, so a
 * missed notification can never leave a stale entry behind.
 */
@Injectable()
export class PrincipalCache<P = unknown> implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('PrincipalCache');
  private readonly byId = new Map<string, CachedAccount<P>>();
  private readonly idByEmail = new Map<string, string>();
  private generation = 0;
  private listener?: PoolClient;
  private closed = false;
  /** Bounded so a flood of distinct accounts cannot grow memory without limit; oldest entries go first. */
  private readonly maxEntries = 50_000;

  constructor(private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      await client.query(`UNLISTEN ${ACCOUNT_CHANGED_CHANNEL}`).catch(() => undefined);
      client.release();
    }
  }

  get live(): boolean {
    return !!this.listener;
  }

  byAccountId(id: string): CachedAccount<P> | undefined {
    return this.byId.get(id);
  }

  byEmail(email: string): CachedAccount<P> | undefined {
    const id = this.idByEmail.get(email.toLowerCase());
    return id ? this.byId.get(id) : undefined;
  }

  /** Reads through `load` and caches the result unless an invalidation happened meanwhile. */
  async read(load: () => Promise<{ id: string; email: string; entry: CachedAccount<P> } | null>): Promise<CachedAccount<P> | null> {
    const before = this.generation;
    const found = await load();
    if (!found) return null;
    if (this.live && this.generation === before) {
      if (this.byId.size >= this.maxEntries) this.evictOldest();
      this.byId.set(found.id, found.entry);
      this.idByEmail.set(found.email.toLowerCase(), found.id);
    }
    return found.entry;
  }

  invalidate(accountId: string): void {
    this.generation += 1;
    this.byId.delete(accountId);
    for (const [email, id] of this.idByEmail) if (id === accountId) this.idByEmail.delete(email);
  }

  clear(): void {
    this.generation += 1;
    this.byId.clear();
    this.idByEmail.clear();
  }

  private evictOldest(): void {
    const oldest = this.byId.keys().next().value;
    if (oldest !== undefined) this.invalidate(oldest);
  }

  private async listen(): Promise<void> {
    if (this.closed) return;
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    try {
      const client = await pool.connect();
      client.on('notification', (msg) => {
        if (msg.channel === ACCOUNT_CHANGED_CHANNEL && msg.payload) this.invalidate(msg.payload);
      });
      client.on('error', (err) => this.lost(client, err));
      await client.query(`LISTEN ${ACCOUNT_CHANGED_CHANNEL}`);
      this.listener = client;
    } catch (err) {
      this.lost(undefined, err);
    }
  }

  /** Without notifications the cache cannot stay exact: empty it, stop caching, and listen again shortly. */
  private lost(client: PoolClient | undefined, err: unknown): void {
    if (this.closed) return;
    if (client && client === this.listener) {
      this.listener = undefined;
      client.release(err instanceof Error ? err : true);
    }
    this.clear();
    this.logger.warn(
      `account change notifications unavailable, principal cache off until they return: ${err instanceof Error ? err.message : String(err)}`,
    );
    setTimeout(() => void this.listen(), 1000).unref();
  }
}
