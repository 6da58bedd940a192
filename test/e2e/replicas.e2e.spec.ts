import { RankingService } from '../../src/matching/ranking.service.js';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { AccountEntity } from '../../src/access/account.entity.js';
import { Persona } from '../../src/access/persona.js';
import { TokenService } from '../../src/access/token.service.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { resolveJwtSecret } from '../../src/config/jwt-secret.js';
import { createDataSource } from '../../src/database/data-source.js';
import { ServiceMetrics } from '../../src/operations/metrics.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { serverBinaries, startReplicaPair, type ReplicaPair } from '../support/replica-pair.js';

interface Instance {
  app: INestApplication;
  url: string;
  gql(query: string, variables: Record<string, unknown>, token: string): Promise<any>;
  routed(target: string, reason: string): Promise<number>;
}

async function startInstance(primaryUrl: string, replicaUrl: string, ds: DataSource): Promise<Instance> {
  const config = resolveJwtSecret(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: primaryUrl,
      DATABASE_REPLICA_URLS: replicaUrl,
      REPLICA_CATCH_UP_WAIT_MS: '200',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
    }),
    () => undefined,
  );
  const app = await createApp(config, ds);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const metrics = app.get(ServiceMetrics);
  return {
    app,
    url,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
    async routed(target, reason) {
      const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === 'pathways_read_routing_total');
      return (metric?.values ?? [])
        .filter((v) => v.labels.target === target && v.labels.reason === reason)
        .reduce((s, v) => s + v.value, 0);
    },
  };
}

const RANKING = `query($r: ID!) { roleRanking(roleId: $r, first: 10) { qualifiedCount nodes { educatorId qualified score } } }`;
const VERIFY = `mutation($i: SetEvidenceVerificationInput!) { setEvidenceVerification(input: $i) { id verificationStatus } }`;
const bin = serverBinaries();
const suite = bin ? describe : describe.skip;
if (!bin) console.warn('SKIPPED LOUDLY: replicas.e2e needs PostgreSQL server binaries (initdb, pg_basebackup) and none were found');

/**
 * Two service instances against one primary and a real hot standby (pg_basebackup): writes on one are seen by the
 * other at once, heavy reads run on the standby once it has caught up, and a standby that lags or stops costs a
 * fallback to the primary, never a stale qualified flag.
 */
suite('two instances, one primary and a streaming replica', () => {
  let pair: ReplicaPair;
  let primary: DataSource;
  let a: Instance;
  let b: Instance;
  let hr: string;
  let roleId: string;
  let ana: string;
  let anaItem: string;
  let ben: string;
  let benItem: string;

  beforeAll(async () => {
    pair = await startReplicaPair(bin!);
    primary = createDataSource(pair.primaryUrl);
    await primary.initialize();
    await primary.runMigrations({ transaction: 'each' });
    const second = createDataSource(pair.primaryUrl);
    await second.initialize();
    a = await startInstance(pair.primaryUrl, pair.standbyUrl, primary);
    b = await startInstance(pair.primaryUrl, pair.standbyUrl, second);

    const comps = await competencyIds(primary, ['AI-TOOL-EVAL']);
    const north = await insertBuilding(primary, 'North High');
    ana = await insertEducator(primary, { buildingId: north, name: 'Ana Reyes' });
    ben = await insertEducator(primary, { buildingId: north, name: 'Ben Park' });
    anaItem = await insertEvidence(primary, {
      educatorId: ana,
      kind: 'ARTIFACT',
      title: 'Tool rubric',
      status: 'SELF_REPORTED',
      startedOn: '2026-01-10',
      claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 3 }],
    });
    benItem = await insertEvidence(primary, {
      educatorId: ben,
      kind: 'ARTIFACT',
      title: 'Tool review',
      status: 'SELF_REPORTED',
      startedOn: '2026-02-10',
      claims: [{ competencyId: comps['AI-TOOL-EVAL'], level: 3 }],
    });
    roleId = await insertRole(primary, {
      title: 'AI integration specialist',
      status: 'OPEN',
      requirements: [{ competencyId: comps['AI-TOOL-EVAL'], minLevel: 2, weight: 40 }],
    });
    const account = await primary
      .getRepository(AccountEntity)
      .save({ email: 'hr@replica.example', displayName: 'HR', personas: [Persona.HR], educatorId: null, passwordHash: null });
    hr = (await a.app.get(TokenService).issue(account.id)).token;
  }, 180_000);

  afterAll(async () => {
    await a?.app.close();
    await b?.app.close();
    await primary?.destroy();
    pair?.close();
  });

  const version = async (id: string) => (await primary.query(`SELECT version FROM evidence WHERE id = $1`, [id]))[0].version as number;
  const qualified = (res: any) =>
    Object.fromEntries(res.data.roleRanking.nodes.map((n: { educatorId: string; qualified: boolean }) => [n.educatorId, n.qualified]));

  it('reads rankings from the standby once it has caught up', async () => {
    const before = await b.routed('replica', 'caught_up');
    // The standby may still be replaying the setup's writes: then the primary answers, until it has caught up.
    let res: any;
    for (let i = 0; i < 50 && (await b.routed('replica', 'caught_up')) === before; i++) res = await b.gql(RANKING, { r: roleId }, hr);
    expect(res.errors).toBeUndefined();
    expect(qualified(res)).toEqual({ [ana]: false, [ben]: false });
    expect(await b.routed('replica', 'caught_up')).toBe(before + 1);
    const [{ n }] = await primary.query(`SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'`);
    expect(n).toBe(1);
  });

  it('a write on one instance is read at once on the other (its own writes included)', async () => {
    const done = await a.gql(VERIFY, { i: { id: anaItem, version: await version(anaItem), status: 'VERIFIED', note: 'Checked' } }, hr);
    expect(done.errors).toBeUndefined();
    const res = await b.gql(RANKING, { r: roleId }, hr);
    expect(qualified(res)).toEqual({ [ana]: true, [ben]: false });
    // And the writer reads its own write too.
    expect(qualified(await a.gql(RANKING, { r: roleId }, hr))).toEqual({ [ana]: true, [ben]: false });
  });

  it('a standby that falls behind is not used: the answer comes from the primary, fresh', async () => {
    const standby = createDataSource(pair.standbyUrl);
    await standby.initialize();
    try {
      await standby.query('SELECT pg_wal_replay_pause()');
      const lagBefore = await b.routed('primary', 'lag');
      const done = await a.gql(VERIFY, { i: { id: benItem, version: await version(benItem), status: 'VERIFIED', note: 'Checked' } }, hr);
      expect(done.errors).toBeUndefined();
      // The standby itself still says Ben is self-reported...
      expect((await standby.query(`SELECT verification_status FROM evidence WHERE id = $1`, [benItem]))[0].verification_status).toBe(
        'SELF_REPORTED',
      );
      // ...but the ranking read through instance B does not use it.
      const started = performance.now();
      const res = await b.gql(RANKING, { r: roleId }, hr);
      const ms = performance.now() - started;
      expect(qualified(res)).toEqual({ [ana]: true, [ben]: true });
      expect(await b.routed('primary', 'lag')).toBe(lagBefore + 1);
      console.log(`ranking with a lagging standby (fallback after REPLICA_CATCH_UP_WAIT_MS=200): ${ms.toFixed(0)} ms`);
    } finally {
      await standby.query('SELECT pg_wal_replay_resume()');
      await standby.destroy();
    }
    // Caught up again: back on the standby (each ranking computed afresh: a repeated one is a cache hit, tested on the primary).
    const before = await b.routed('replica', 'caught_up');
    for (let i = 0; i < 50 && (await b.routed('replica', 'caught_up')) === before; i++) {
      b.app.get(RankingService).cache.clear();
      await b.gql(RANKING, { r: roleId }, hr);
    }
    expect(await b.routed('replica', 'caught_up')).toBeGreaterThan(before);
  });

  it('a stopped standby costs a fallback, not an error', async () => {
    const downBefore = await b.routed('primary', 'down');
    pair.stopStandby();
    // Nothing changed since the last ranking: computed afresh, not served from the ranking cache, so it is routed.
    b.app.get(RankingService).cache.clear();
    const res = await b.gql(RANKING, { r: roleId }, hr);
    expect(res.errors).toBeUndefined();
    expect(qualified(res)).toEqual({ [ana]: true, [ben]: true });
    expect(await b.routed('primary', 'down')).toBeGreaterThan(downBefore);
    // Standings and capacity reports fall back the same way.
    const standing = await b.gql(`query($e: ID!) { educatorStanding(educatorId: $e) { qualifiedCount } }`, { e: ana }, hr);
    expect(standing.errors).toBeUndefined();
    expect(standing.data.educatorStanding.qualifiedCount).toBe(1);
  });

  it('an account disabled through one instance is refused by the other at once', async () => {
    const [acct] = await primary.query(
      `INSERT INTO account (email, display_name, personas, version) VALUES ('hr2@replica.example', 'HR 2', '{HR}', 1) RETURNING id`,
    );
    const token = (await b.app.get(TokenService).issue(acct.id)).token;
    expect((await b.gql(RANKING, { r: roleId }, token)).errors).toBeUndefined();
    const res = await a.gql(
      `mutation($id: ID!, $v: Int!) { disableAccount(input: { id: $id, version: $v }) { id } }`,
      { id: acct.id, v: 1 },
      hr,
    );
    expect(res.errors).toBeUndefined();
    let refused: any;
    for (let i = 0; i < 20; i++) {
      refused = await b.gql(RANKING, { r: roleId }, token);
      if (refused.errors) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(refused.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
