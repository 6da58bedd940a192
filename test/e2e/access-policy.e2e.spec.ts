import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Query, Resolver } from '@nestjs/graphql';
import type { AddressInfo } from 'node:net';
import { AccountEntity } from '../../src/access/account.entity.js';
import { TokenService } from '../../src/access/token.service.js';
import { checkPolicyCoverage } from '../../src/access/policy-coverage.js';
import { Persona } from '../../src/access/persona.js';
import { AppModule } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/app-config.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';

@Resolver()
class ForgottenPolicyResolver {
  @Query(() => String, { description: 'A field someone forgot to protect' })
  forgottenField(): string {
    return 'private data';
  }
}

@Module({ providers: [ForgottenPolicyResolver] })
class ForgottenPolicyModule {}

describe('every root field declares an access policy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('finds no root query or mutation without a policy in the served schema', () => {
    const coverage = checkPolicyCoverage(t.app);
    expect(coverage).toEqual({ missing: [], unmatched: [] });
  });

  it('flags a newly added root field without a policy, and the guard refuses it at run time', async () => {
    const db = await createTestDatabase();
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, SEED_DEMO: 'false' });
    @Module({ imports: [AppModule.forRoot(config, db.dataSource, () => undefined), ForgottenPolicyModule] })
    class AppWithForgottenField {}
    const app = await NestFactory.create(AppWithForgottenField, { logger: false });
    try {
      await app.listen(0, '127.0.0.1');
      expect(checkPolicyCoverage(app).missing).toEqual(['Query.forgottenField']);

      const { port } = app.getHttpServer().address() as AddressInfo;
      const hr = await db.dataSource
        .getRepository(AccountEntity)
        .save({ email: 'hr@fixture.test', displayName: 'HR', personas: [Persona.HR] });
      const { token } = await app.get(TokenService).issue(hr.id);
      const call = async (auth?: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
          body: JSON.stringify({ query: '{ forgottenField }' }),
        });
        return (await res.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> };
      };
      const anonymous = await call();
      expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(anonymous)).not.toContain('private data');
      const signedIn = await call(token);
      expect(signedIn.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(JSON.stringify(signedIn)).not.toContain('private data');
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
