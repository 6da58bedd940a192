import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../../src/access/account.entity.js';
import { Persona } from '../../src/access/persona.js';
import { TokenService } from '../../src/access/token.service.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { resolveJwtSecret } from '../../src/config/jwt-secret.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string; [k: string]: unknown }; path?: string[] }>;
}

export interface TestApp {
  app: INestApplication;
  db: TestDatabase;
  ds: DataSource;
  config: AppConfig;
  baseUrl: string;
  /** POST a GraphQL operation; `token` is sent as a bearer token when given. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  /** Creates an account with these personas (and a linked educator when given) and returns a signed token. */
  signInAs(personas: Persona[], opts?: { educatorId?: string; email?: string }): Promise<{ token: string; account: AccountEntity }>;
  close(): Promise<void>;
}

let accountCounter = 0;

/** Boots the real application on a random port against this test file's own migrated database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  // As main does: without JWT_SECRET outside tests, a generated secret from JWT_SECRET_FILE.
  const config = resolveJwtSecret(
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, SEED_DEMO: 'false', LOG_LEVEL: 'error', ...env }),
    () => undefined,
  );
  const app = await createApp(config, db.dataSource);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const tokens = app.get(TokenService);

  return {
    app,
    db,
    ds: db.dataSource,
    config,
    baseUrl,
    async gql(query, variables, token) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as GqlResponse;
      return { status: res.status, data: body.data, errors: body.errors };
    },
    async signInAs(personas, opts = {}) {
      accountCounter += 1;
      const email = opts.email ?? `${personas.join('-').toLowerCase() || 'nobody'}-${accountCounter}-${process.pid}@test.example`;
      const account = await db.dataSource.getRepository(AccountEntity).save({
        email,
        displayName: email.split('@')[0],
        personas,
        educatorId: opts.educatorId ?? null,
        passwordHash: null,
      });
      const { token } = await tokens.issue(account.id);
      return { token, account };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** The first error's code, for terse assertions. */
export const codeOf = (res: GqlResponse): string | undefined => res.errors?.[0]?.extensions?.code;
