import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, type GraphQLObjectType } from 'graphql';
import type { AddressInfo } from 'node:net';
import { Persona } from '../../src/access/persona.js';
import { createApp } from '../../src/app.factory.js';
import { ServiceMetrics } from '../../src/operations/metrics.js';
import { seedDemoIfEmpty } from '../../src/seed/demo-seed.js';
import { fullSelection } from '../support/full-selection.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

async function compiledCount(app: INestApplication, result: string): Promise<number> {
  const metric = await app.get(ServiceMetrics).registry.getSingleMetric('pathways_compiled_answers_total')!.get();
  return metric.values.find((v) => v.labels.result === result)?.value ?? 0;
}

describe('large answers executed by graphql-jit answer exactly what graphql-js answers', () => {
  let t: TestApp;
  let plain: INestApplication;
  let plainUrl: string;
  let hr: string;
  let educatorToken: string;
  let roleIds: string[];
  let educatorIds: string[];
  let rankingQuery: string;
  let standingQuery: string;
  let myStandingQuery: string;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoIfEmpty(t.ds, () => undefined);
    // The same application on the same database, executing everything with graphql-js.
    plain = await createApp({ ...t.config, compiledAnswers: false }, t.ds);
    await plain.listen(0, '127.0.0.1');
    plainUrl = `http://127.0.0.1:${(plain.getHttpServer().address() as AddressInfo).port}`;
    hr = (await t.signInAs([Persona.HR])).token;
    roleIds = (await t.ds.query(`SELECT id FROM hybrid_role WHERE status = 'OPEN' ORDER BY title LIMIT 4`)).map(
      (r: { id: string }) => r.id,
    );
    educatorIds = (
      await t.ds.query(`SELECT educator_id AS id FROM evidence GROUP BY educator_id ORDER BY count(*) DESC, educator_id LIMIT 3`)
    ).map((r: { id: string }) => r.id);
    educatorToken = (await t.signInAs([Persona.EDUCATOR], { educatorId: educatorIds[0] })).token;
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const query = schema.getQueryType()!.getFields();
    rankingQuery = `query($roleId: ID!, $first: Int!) { roleRanking(roleId: $roleId, first: $first) { ${fullSelection(getNamedType(query.roleRanking.type) as GraphQLObjectType, 6)} } }`;
    standingQuery = `query($e: ID!) { educatorStanding(educatorId: $e, first: 40) { ${fullSelection(getNamedType(query.educatorStanding.type) as GraphQLObjectType, 6)} } }`;
    myStandingQuery = `query Mine { mine: myRoleStanding(first: 30) { ...S } } fragment S on EducatorStanding { ${fullSelection(getNamedType(query.myRoleStanding.type) as GraphQLObjectType, 6)} }`;
  }, 180_000);

  afterAll(async () => {
    await plain?.close();
    await t?.close();
  });

  const ask = async (url: string, query: string, variables: Record<string, unknown>, token: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.text() };
  };
  const both = async (query: string, variables: Record<string, unknown>, token: string) => {
    const compiled = await ask(t.baseUrl, query, variables, token);
    const reference = await ask(plainUrl, query, variables, token);
    return { compiled, reference };
  };

  it('gives the same bytes for whole ranking pages, standings and an educator’s own standing, through the compiled path', async () => {
    const before = await compiledCount(t.app, 'compiled');
    let asked = 0;
    for (const roleId of roleIds) {
      const { compiled, reference } = await both(rankingQuery, { roleId, first: 30 }, hr);
      if (compiled.status !== 200) throw new Error(compiled.body.slice(0, 500));
      expect(compiled.status).toBe(200);
      expect(JSON.parse(compiled.body).errors).toBeUndefined();
      expect(JSON.parse(compiled.body).data.roleRanking.nodes.length).toBeGreaterThan(0);
      expect(compiled.body).toEqual(reference.body);
      asked++;
    }
    for (const e of educatorIds) {
      const { compiled, reference } = await both(standingQuery, { e }, hr);
      expect(JSON.parse(compiled.body).data.educatorStanding.roles.length).toBeGreaterThan(0);
      expect(compiled.body).toEqual(reference.body);
      asked++;
    }
    const { compiled, reference } = await both(myStandingQuery, {}, educatorToken);
    expect(JSON.parse(compiled.body).data.mine.roles.length).toBeGreaterThan(0);
    expect(compiled.body).toEqual(reference.body);
    asked++;
    expect((await compiledCount(t.app, 'compiled')) - before).toBe(asked);
    expect(await compiledCount(plain, 'compiled')).toBe(0);
  });

  it('answers the service’s own refusals compiled, with the same status, codes and messages as graphql-js', async () => {
    const compiledBefore = await compiledCount(t.app, 'compiled');
    const fallbacks = await compiledCount(t.app, 'fallback');
    const missing = await both(rankingQuery, { roleId: '00000000-0000-4000-8000-000000000000', first: 5 }, hr);
    expect(JSON.parse(missing.compiled.body).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(missing.compiled).toEqual(missing.reference);
    const someoneElse = await both(standingQuery, { e: educatorIds[1] }, educatorToken);
    expect(JSON.parse(someoneElse.compiled.body).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(someoneElse.compiled).toEqual(someoneElse.reference);
    expect((await compiledCount(t.app, 'compiled')) - compiledBefore).toBe(2);
    expect(await compiledCount(t.app, 'fallback')).toBe(fallbacks);
  });

  it('refuses a variable of the wrong type the same way on both', async () => {
    const wrong = await both(rankingQuery, { roleId: roleIds[0], first: 'many' }, hr);
    expect(wrong.compiled.status).toBe(400);
    expect(JSON.parse(wrong.compiled.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(wrong.compiled).toEqual(wrong.reference);
  });

  it('leaves operations that also ask for anything else to graphql-js', async () => {
    const before = await compiledCount(t.app, 'compiled');
    const mixed = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 5) { totalCount } roles(first: 2) { nodes { title } } }`;
    const { compiled, reference } = await both(mixed, { roleId: roleIds[0] }, hr);
    expect(JSON.parse(compiled.body).data.roles.nodes).toHaveLength(2);
    expect(compiled.body).toEqual(reference.body);
    expect(await compiledCount(t.app, 'compiled')).toBe(before);
  });
});
