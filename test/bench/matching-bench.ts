import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { Persona, type Principal } from '../../src/access/persona.js';
import { TokenService } from '../../src/access/token.service.js';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createDataSource } from '../../src/database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/database/embedded-postgres.js';
import { bind, buildDemonstratedLevelsSql } from '../../src/matching/sql/demonstrated-levels.repository.js';
import { districtToday } from '../../src/common/clock.js';
import { RankingService } from '../../src/matching/ranking.service.js';
import { StandingService } from '../../src/matching/standing.service.js';
import { measureCapacityCoverage } from './coverage-bench.js';
import { measureOverhead, RANKED_ROWS_QUERY, RANKED_ROW_TABLES, startBareServer, type OverheadResult } from './overhead-bench.js';
import { measureIsolation, type IsolationResult } from './isolation-bench.js';
import { measureMixedScaling, type MixedResult } from './mixed-bench.js';
import {
  ageFactorTableSql,
  assertSameAnswer,
  rankingAnswerOf,
  CROSSWALKS_SQL,
  crosswalksOf,
  rankingFloorSql,
  standingAnswerOf,
  standingFloorSql,
  standingAnswerOfService,
  type RankingAnswer,
} from './floors.js';
import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import { ScoringPolicyService } from '../../src/matching/scoring-policy.service.js';
import { policyValuesOf } from '../../src/matching/scoring-policy.mapper.js';
import { CapacityReportsService } from '../../src/reports/capacity-reports.service.js';
import { BENCH_FORMAT, generateDistrict, type DistrictShape } from './district.js';
import { MemoryWatch, statsOf, timed } from './measure.js';
import { printTable, writeSizeResult, type SizeResult } from './report.js';

/**
 * The matching benchmark (started by run.ts): for each district size, the ranking of a role (top 50
 * explained) over GraphQL/HTTP and in-process, one educator's standing for every open role, the
 * superintendent's coverage report (from the reports module's bench), and the SQL floors beside them.
 * BENCH_SIZES=2000,20000 picks sizes (run.ts runs each in its own process); BENCH_RUNS sets repetitions
 * (after 3 warm-up runs);
 * BENCH_REGENERATE=1 rebuilds the districts. DATABASE_URL picks the server (one database per size);
 * without it an embedded server keeps its data in .bench/pg.
 */
const log = (m: string) => console.log(m);
const sizes = (process.env.BENCH_SIZES ?? '2000,20000,100000')
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
/**
 * BENCH_ONLY=overhead,isolation,mixed (any of them, comma-separated) measures only those serving measures and skips
 * the per-path timings and the coverage report (the floors are still checked equal to the service first).
 */
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const wants = (measure: string) => !ONLY.size || ONLY.has(measure);
/** BENCH_ONLY=standing: only the standing measures and their floors (no ranking, coverage or serving measures). */
const STANDING_ONLY = ONLY.has('standing') && !ONLY.has('paths');
const PATHS = wants('paths') || STANDING_ONLY;
const WARMUP = 3;
const SAMPLE = 10;

// The floor's answer over GraphQL: the top 50 with scores and qualified flags, and the counts.
const RANKING_KEYS_QUERY = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) { totalCount qualifiedCount nodes { educatorId score qualified } } }`;
// Every candidate of the page explained (more than the floor answers: labelled "explained").
const RANKING_QUERY = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) {
  totalCount qualifiedCount policyVersion nodes { rank educatorId fullName score maxScore qualified overextended commitmentsFte summary
    yearsOfService { years met summary }
    requirements { competencyCode requiredLevel demonstratedLevel met contribution summary
      evidence { evidenceId kind title status startedOn endedOn expiresOn expired countedLevel kindWeight verificationFactor ageFactor credit points } } } } }`;
// Standing: the default page (20 roles, the page standing_inprocess builds) and a page of 100 (standing_http_100).
const STANDING_QUERY = `query($e: ID!, $first: Int) { educatorStanding(educatorId: $e, first: $first) { qualifiedCount totalCount roles { roleId roleTitle qualified score maxScore
  gaps { competencyCode levelHeld levelNeeded summary remedyIds } } remedies { id kind pilotPart level } } }`;

async function serverUrl(): Promise<{ url: string; embedded?: EmbeddedServer }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  log('No DATABASE_URL: starting embedded PostgreSQL (data in .bench/pg)');
  const embedded = await startEmbeddedPostgres('.bench/pg', Number(process.env.EMBEDDED_PG_PORT ?? 54339), 'postgres');
  return { url: embedded.url, embedded };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A migrated database holding the district of this size, generated once and reused while its format matches. */
async function district(server: string, size: number): Promise<{ url: string; shape: DistrictShape }> {
  // BENCH_DB_PREFIX keeps one run's districts apart from another's on a shared server.
  const name = `${process.env.BENCH_DB_PREFIX ?? 'pathways_bench'}_${size}`;
  const url = withDatabase(server, name);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (exists && process.env.BENCH_REGENERATE !== '1') {
      const probe = createDataSource(url);
      await probe.initialize();
      try {
        const meta = await probe.query(`SELECT shape FROM bench_meta WHERE format = $1`, [BENCH_FORMAT]).catch(() => []);
        if (meta.length) {
          const applied = await probe.runMigrations({ transaction: 'each' });
          // Index-only scans need a current visibility map after a migration backfills a table.
          if (applied.length) await probe.query('VACUUM ANALYZE');
          log(`Reusing district ${name}`);
          return { url, shape: meta[0].shape };
        }
      } finally {
        await probe.destroy();
      }
    }
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    log(`Generating district ${name}`);
    const shape = await generateDistrict(ds, size, log);
    await ds.query(`CREATE TABLE bench_meta (format int PRIMARY KEY, shape jsonb NOT NULL)`);
    await ds.query(`INSERT INTO bench_meta VALUES ($1, $2)`, [BENCH_FORMAT, JSON.stringify(shape)]);
    log(`  generated in ${shape.seconds.toFixed(1)} s`);
    return { url, shape };
  } finally {
    await ds.destroy();
  }
}

async function hrSession(app: INestApplication, ds: DataSource): Promise<{ principal: Principal; token: string }> {
  const [account] = await ds.query(
    `INSERT INTO account (email, display_name, personas) VALUES ('bench-hr@bench.example', 'Bench HR', '{HR}')
     ON CONFLICT (lower(email)) DO UPDATE SET display_name = excluded.display_name RETURNING id`,
  );
  const { token } = await app.get(TokenService).issue(account.id);
  return {
    principal: { accountId: account.id, email: 'bench-hr@bench.example', personas: new Set([Persona.HR]), educatorId: null },
    token,
  };
}

async function measureSize(server: string, size: number): Promise<SizeResult> {
  const { url, shape } = await district(server, size);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    SEED_DEMO: 'false',
    DB_STATEMENT_TIMEOUT_MS: '0',
    REQUEST_TIMEOUT_MS: '0',
  });
  const ds = createDataSource(url);
  await ds.initialize();
  const app = await createApp(config, ds);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  let bare: { stop: () => Promise<void> } | undefined;
  try {
    const ranking = app.get(RankingService);
    const standing = app.get(StandingService);
    const hr = await hrSession(app, ds);
    const asOf = districtToday();
    const [policy] = await ds.query(`SELECT attendance_cap_level FROM scoring_policy WHERE is_current`);
    const rules = { attendanceCapLevel: Number(policy.attendance_cap_level) };
    const roles: Array<{ id: string; competencies: string[] }> = await ds.query(
      `SELECT r.id, array_agg(rr.competency_id::text ORDER BY rr.position) AS competencies FROM hybrid_role r JOIN role_requirement rr ON rr.role_id = r.id
       WHERE r.status = 'OPEN' GROUP BY r.id, r.title ORDER BY r.title LIMIT $1`,
      [SAMPLE],
    );
    const educators: string[] = (await ds.query(`SELECT id FROM educator ORDER BY id LIMIT $1`, [SAMPLE])).map((r: { id: string }) => r.id);
    const openCompetencies: string[] = (
      await ds.query(
        `SELECT DISTINCT rr.competency_id::text AS id FROM role_requirement rr JOIN hybrid_role r ON r.id = rr.role_id WHERE r.status = 'OPEN'`,
      )
    ).map((r: { id: string }) => r.id);

    const gqlText = async (query: string, variables: Record<string, unknown>): Promise<string> => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hr.token}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      if (!res.ok || text.includes('"errors"')) throw new Error(`GraphQL failed: ${text.slice(0, 500)}`);
      return text;
    };
    const gql = async (query: string, variables: Record<string, unknown>): Promise<number> => (await gqlText(query, variables)).length;
    // The ranking floor: one statement giving the same top 50 with scores, qualified flags and counts
    // (floors.ts), checked equal to the service for every sampled role before anything is timed.
    const policyValues = policyValuesOf(await app.get(ScoringPolicyService).current());
    const floorStatements = new Map<string, { text: string; values: unknown[] }>();
    // Each role's crosswalks, read once and untimed, as the service reads them before it ranks.
    const crosswalksByRole = new Map<string, Map<string, string[]>>();
    const roleCrosswalks = async (row: { id: string; requirements: Array<{ competencyId: string }> }) => {
      let found = crosswalksByRole.get(row.id);
      if (!found) {
        found = crosswalksOf((await pool.query(CROSSWALKS_SQL, [row.requirements.map((r) => r.competencyId)])).rows);
        crosswalksByRole.set(row.id, found);
      }
      return found;
    };
    for (const role of STANDING_ONLY ? [] : roles) {
      const row = await app.get(MatchingRepository).role(ds.manager, role.id);
      const values: unknown[] = [];
      const text = rankingFloorSql(
        { roleId: row!.id, minYearsOfService: row!.minYearsOfService, requirements: row!.requirements },
        policyValues,
        asOf,
        50,
        values,
        await roleCrosswalks(row!),
      );
      floorStatements.set(role.id, { text, values });
      const floor = rankingAnswerOf((await pool.query({ text, values })).rows);
      ranking.cache.clear();
      const served = await ranking.roleRanking(hr.principal, role.id, { first: 50, offset: 0, qualifiedOnly: false, explain: false });
      const overHttp = JSON.parse(await gqlText(RANKING_KEYS_QUERY, { roleId: role.id })).data.roleRanking as RankingAnswer;
      assertSameAnswer(`ranking of ${role.id} over HTTP`, floor, {
        nodes: overHttp.nodes,
        totalCount: overHttp.totalCount,
        qualifiedCount: overHttp.qualifiedCount,
      });
      assertSameAnswer(`ranking of ${role.id}`, floor, {
        nodes: served.nodes.map((n) => ({ educatorId: n.educatorId, score: n.score, qualified: n.qualified })),
        totalCount: served.totalCount,
        qualifiedCount: served.qualifiedCount,
      });
    }
    // Reading a cached ranking's page, as a PostgreSQL table of ranked rows would serve it (one indexed range read
    // of 50 rows): the floor a repeated page is held to. The rows are the floor statement's whole ranking.
    await pool.query(`DROP TABLE IF EXISTS bench_ranked_row`);
    await pool.query(
      `CREATE TABLE bench_ranked_row (role_id uuid, position int, educator_id uuid, score int, qualified boolean, PRIMARY KEY (role_id, position))`,
    );
    for (const role of STANDING_ONLY ? [] : roles) {
      const row = await app.get(MatchingRepository).role(ds.manager, role.id);
      const values: unknown[] = [];
      const text = rankingFloorSql(
        { roleId: row!.id, minYearsOfService: row!.minYearsOfService, requirements: row!.requirements },
        policyValues,
        asOf,
        2147483647,
        values,
        await roleCrosswalks(row!),
      );
      await pool.query(
        `INSERT INTO bench_ranked_row SELECT $${values.length + 1}::uuid, row_number() OVER (), educator_id, score, qualified FROM (${text}) x`,
        [...values, role.id],
      );
    }
    await pool.query(`DROP TABLE IF EXISTS ${RANKED_ROW_TABLES.counts}`);
    await pool.query(
      `CREATE TABLE ${RANKED_ROW_TABLES.counts} AS SELECT role_id, count(*)::int AS total, (count(*) FILTER (WHERE qualified))::int AS qualified_count
       FROM bench_ranked_row GROUP BY role_id`,
    );
    await pool.query(`ALTER TABLE ${RANKED_ROW_TABLES.counts} ADD PRIMARY KEY (role_id)`);
    await pool.query('VACUUM ANALYZE bench_ranked_row');
    await pool.query(`VACUUM ANALYZE ${RANKED_ROW_TABLES.counts}`);
    // The same read over HTTP: a bare Apollo Server with the service's token check answering the page and counts from
    // those tables, checked equal to the service's cached page (the HTTP floor of a repeated page).
    const bareServer = await startBareServer(url, config.jwtSecret);
    bare = bareServer;
    const bareUrl = bareServer.url;
    const bareText = async (roleId: string): Promise<string> => {
      const res = await fetch(bareUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hr.token}` },
        body: JSON.stringify({ query: RANKED_ROWS_QUERY, variables: { roleId } }),
      });
      const text = await res.text();
      if (!res.ok || text.includes('"errors"')) throw new Error(`Bare server failed: ${text.slice(0, 500)}`);
      return text;
    };
    for (const role of STANDING_ONLY ? [] : roles) {
      const served = JSON.parse(await gqlText(RANKING_KEYS_QUERY, { roleId: role.id })).data.roleRanking as RankingAnswer;
      assertSameAnswer(`cached rows of ${role.id} over HTTP`, JSON.parse(await bareText(role.id)).data.rankedRows, served);
    }
    const floorCachedHttp = async (roleId: string) => {
      bytes.floor_cached_http = (await bareText(roleId)).length;
    };
    const floorCachedRows = async (roleId: string) => {
      await pool.query({
        name: 'bench_cached_rows',
        text: 'SELECT educator_id, score, qualified FROM bench_ranked_row WHERE role_id = $1 AND position BETWEEN 1 AND 50 ORDER BY position',
        values: [roleId],
        rowMode: 'array',
      });
    };
    const floorRanking = async (roleId: string) => {
      const { text, values } = floorStatements.get(roleId)!;
      await pool.query({ text, values, rowMode: 'array' });
    };
    // A labelled reference, not a floor: each educator's level per competency of the role (a different answer).
    const referenceRankingLevels = async (competencyIds: string[]) => {
      const params: unknown[] = [];
      await pool.query({
        text: buildDemonstratedLevelsSql({ competencyIds, asOf, policy: rules }, params),
        values: params,
        rowMode: 'array',
      });
    };
    // The standing floor: one statement giving the same default page (20 of the open roles in standing order, with
    // qualified, score, maxScore, the gaps' levels and remedy ids, the page's remedies and both counts; floors.ts),
    // checked equal to the service for every sampled educator before anything is timed. Prepared, as the service's
    // own hot statements are; the policy's age factors are a table it looks claims up in (made here, untimed).
    const ageTable = ageFactorTableSql('bench_age_factor', policyValues);
    await pool.query(ageTable.create);
    await pool.query(ageTable.fill);
    await pool.query('VACUUM ANALYZE bench_age_factor');
    const standingStatements = new Map<string, { text: string; values: unknown[] }>();
    for (const educatorId of educators) {
      const values: unknown[] = [];
      const text = standingFloorSql(policyValues, asOf, educatorId, 20, 'bench_age_factor', values);
      standingStatements.set(educatorId, { text, values });
      const floor = standingAnswerOf((await pool.query({ text, values })).rows);
      assertSameAnswer(`standing of ${educatorId}`, floor, standingAnswerOfService(await standing.standing(hr.principal, educatorId)));
    }
    const floorStanding = async (educatorId: string) => {
      const { text, values } = standingStatements.get(educatorId)!;
      await pool.query({ name: 'bench_standing_floor', text, values, rowMode: 'array' });
    };
    // A labelled reference, not a floor: the educator's level per requirement of every open role (a different answer).
    const referenceStandingLevels = async (educatorId: string) => {
      const params: unknown[] = [];
      const levels = buildDemonstratedLevelsSql(
        { competencyIds: openCompetencies, asOf, educatorIds: [educatorId], policy: rules },
        params,
      );
      await pool.query({
        text: `SELECT rr.role_id, rr.competency_id, dl.level FROM role_requirement rr
               JOIN hybrid_role r ON r.id = rr.role_id AND r.status = ${bind(params, 'OPEN')}
               LEFT JOIN (${levels}) dl ON dl.competency_id = rr.competency_id`,
        values: params,
        rowMode: 'array',
      });
    };

    const bytes: Record<string, number> = {};
    // ranking_inprocess and ranking_http compute the ranking (the cache is cleared first: a first request);
    // the _cached measures repeat a page already served (after an untimed first request).
    const services: Record<string, (roleId: string, educatorId: string) => Promise<unknown>> = {
      ranking_inprocess: (roleId) => {
        ranking.cache.clear();
        return ranking.roleRanking(hr.principal, roleId, { first: 50, offset: 0, qualifiedOnly: false, explain: false });
      },
      ranking_http: async (roleId) => {
        ranking.cache.clear();
        bytes.ranking_http = await gql(RANKING_KEYS_QUERY, { roleId });
      },
      ranking_explained_http: async (roleId) => {
        ranking.cache.clear();
        bytes.ranking_explained_http = await gql(RANKING_QUERY, { roleId });
      },
      ranking_cached_inprocess: (roleId) =>
        ranking.roleRanking(hr.principal, roleId, { first: 50, offset: 0, qualifiedOnly: false, explain: false }),
      ranking_cached_http: async (roleId) => {
        bytes.ranking_cached_http = await gql(RANKING_KEYS_QUERY, { roleId });
      },
      ranking_cached_explained_http: async (roleId) => {
        bytes.ranking_cached_explained_http = await gql(RANKING_QUERY, { roleId });
      },
      // standing_inprocess, standing_http and standing_http_100 clear the standing cache first (a first request; the
      // open roles stay cached, as on any running instance); the _cached measures repeat a page already served.
      standing_inprocess: (_roleId, educatorId) => {
        standing.cache.clear();
        return standing.standing(hr.principal, educatorId);
      },
      standing_http: async (_roleId, educatorId) => {
        standing.cache.clear();
        bytes.standing_http = await gql(STANDING_QUERY, { e: educatorId, first: 20 });
      },
      standing_http_100: async (_roleId, educatorId) => {
        standing.cache.clear();
        bytes.standing_http_100 = await gql(STANDING_QUERY, { e: educatorId, first: 100 });
      },
      standing_cached_inprocess: (_roleId, educatorId) => standing.standing(hr.principal, educatorId),
      standing_cached_http: async (_roleId, educatorId) => {
        bytes.standing_cached_http = await gql(STANDING_QUERY, { e: educatorId, first: 20 });
      },
    };
    const samples: Record<string, number[]> = {
      floor_ranking: [],
      ref_ranking_levels: [],
      ranking_inprocess: [],
      ranking_http: [],
      ranking_explained_http: [],
      floor_cached_rows: [],
      floor_cached_http: [],
      ranking_cached_inprocess: [],
      ranking_cached_http: [],
      ranking_cached_explained_http: [],
      floor_standing: [],
      ref_standing_levels: [],
      standing_inprocess: [],
      standing_http: [],
      standing_http_100: [],
      standing_cached_inprocess: [],
      standing_cached_http: [],
    };
    const memory = new MemoryWatch();
    (globalThis as { gc?: () => void }).gc?.();
    const baselineRssMb = Math.round(process.memoryUsage().rss / 1048576);
    // Memory first, apart from timing and before any floor has filled the process with its large results:
    // each service path a few times, sampled every 5 ms, each after a full GC.
    memory.start();
    for (let i = 0; i < (PATHS ? 3 : 0); i++) {
      for (const [path, run] of Object.entries(services)) {
        if (!STANDING_ONLY || path.startsWith('standing')) await memory.during(path, () => run(roles[i].id, educators[i]));
      }
    }
    for (let i = 0; i < (PATHS ? WARMUP + RUNS : 0); i++) {
      const role = roles[i % roles.length];
      const educator = educators[i % educators.length];
      // The page computed and explained once (untimed), so the cached measures repeat a page already served.
      const primed = () => ranking.roleRanking(hr.principal, role.id, { first: 50, offset: 0, qualifiedOnly: false });
      const primedStanding = () => standing.standing(hr.principal, educator);
      const every: Array<[string, () => Promise<unknown>, (() => Promise<unknown>)?]> = [
        ['floor_ranking', () => floorRanking(role.id)],
        ['ref_ranking_levels', () => referenceRankingLevels(role.competencies)],
        ['ranking_inprocess', () => services.ranking_inprocess(role.id, educator)],
        ['ranking_http', () => services.ranking_http(role.id, educator)],
        ['ranking_explained_http', () => services.ranking_explained_http(role.id, educator)],
        ['floor_cached_rows', () => floorCachedRows(role.id)],
        ['floor_cached_http', () => floorCachedHttp(role.id)],
        ['ranking_cached_inprocess', () => services.ranking_cached_inprocess(role.id, educator), primed],
        ['ranking_cached_http', () => services.ranking_cached_http(role.id, educator), primed],
        ['ranking_cached_explained_http', () => services.ranking_cached_explained_http(role.id, educator), primed],
        ['floor_standing', () => floorStanding(educator)],
        ['ref_standing_levels', () => referenceStandingLevels(educator)],
        ['standing_inprocess', () => services.standing_inprocess(role.id, educator)],
        ['standing_http', () => services.standing_http(role.id, educator)],
        ['standing_http_100', () => services.standing_http_100(role.id, educator)],
        ['standing_cached_inprocess', () => services.standing_cached_inprocess(role.id, educator), primedStanding],
        ['standing_cached_http', () => services.standing_cached_http(role.id, educator), primedStanding],
      ];
      const work = STANDING_ONLY ? every.filter(([name]) => name.includes('standing')) : every;
      // Each round starts one place further along the list, so every measure follows every other one
      // equally often and none is always the one that pays for the previous one's garbage.
      const round: Record<string, number> = {};
      for (let j = 0; j < work.length; j++) {
        const [name, run, prepare] = work[(i + j) % work.length];
        await prepare?.();
        round[name] = await timed(run);
      }
      if (i >= WARMUP) for (const [k, v] of Object.entries(round)) samples[k].push(v);
    }

    // The capacity report's own measures (issue 6), beside ours in the same table.
    const coverage =
      !PATHS || STANDING_ONLY
        ? { measures: {}, floors: {} }
        : await measureCapacityCoverage({
            ds,
            service: app.get(CapacityReportsService),
            asOf,
            runs: RUNS,
            warmup: WARMUP,
            gql: async (query, variables) => JSON.parse(await gqlText(query, variables)).data,
          });
    const peak = memory.stop();
    // Per-request overhead against a bare Apollo Server, once (at the first size): it does not depend on the district.
    let overhead: OverheadResult | undefined;
    if (size === sizes[0] && process.env.BENCH_OVERHEAD !== '0' && wants('overhead')) {
      overhead = await measureOverhead({
        pathwaysUrl: `http://127.0.0.1:${port}/graphql`,
        databaseUrl: url,
        jwtSecret: config.jwtSecret,
        token: hr.token,
        log,
      });
      log(
        `  open roles: Pathways at ${overhead.ratio}x the bare Apollo Server's throughput, ${overhead.cpuRatio}x by CPU per request (${overhead.connections} connections, ${overhead.pathways.length} alternating rounds of ${overhead.seconds} s)`,
      );
    }
    // Isolation: the open-roles query alone and beside 16 clients computing rankings (BENCH_ISOLATION=0 skips it).
    let isolation: IsolationResult | undefined;
    if (process.env.BENCH_ISOLATION !== '0' && wants('isolation')) {
      const many: string[] = (await ds.query(`SELECT id FROM hybrid_role WHERE status = 'OPEN' ORDER BY title LIMIT 16`)).map(
        (r: { id: string }) => r.id,
      );
      isolation = await measureIsolation({
        url: `http://127.0.0.1:${port}/graphql`,
        token: hr.token,
        roleIds: many,
        clearCache: () => ranking.cache.clear(),
        databaseUrl: url,
        poolWaiting: () => (ds.driver as unknown as { master: pg.Pool }).master.waitingCount,
        log,
      });
    }
    // Mixed traffic on one and on two service processes sharing this database (BENCH_MIXED=0 skips it).
    let mixed: MixedResult | undefined;
    if (process.env.BENCH_MIXED !== '0' && wants('mixed')) {
      const mixRoles: string[] = (
        await ds.query(`SELECT id FROM hybrid_role WHERE status = 'OPEN' ORDER BY title LIMIT $1`, [
          Number(process.env.BENCH_MIXED_ROLES ?? 20),
        ])
      ).map((r: { id: string }) => r.id);
      const mixEducators: string[] = (await ds.query(`SELECT id FROM educator ORDER BY id LIMIT 200`)).map((r: { id: string }) => r.id);
      mixed = await measureMixedScaling({
        databaseUrl: url,
        jwtSecret: config.jwtSecret,
        token: hr.token,
        roleIds: mixRoles,
        educatorIds: mixEducators,
        log,
      });
      log(
        `  mixed traffic (${mixed.mix}, ${mixed.connections} connections): one instance ${mixed.one.requestsPerSec} req/s (p50 ${mixed.one.p50Ms} ms, p99 ${mixed.one.p99Ms} ms), two instances ${mixed.two.requestsPerSec} req/s (p50 ${mixed.two.p50Ms} ms, p99 ${mixed.two.p99Ms} ms): x${mixed.scaling}; service processes' peak RSS ${mixed.instancePeakRssMb.join(' / ')} MB`,
      );
    }
    const measures = {
      ...Object.fromEntries(
        Object.entries(samples)
          .filter(([, v]) => v.length)
          .map(([k, v]) => [k, statsOf(v)]),
      ),
      ...coverage.measures,
    };
    return {
      size,
      district: shape,
      measures,
      floors: {
        ref_ranking_levels: 'floor_ranking',
        ranking_inprocess: 'floor_ranking',
        ranking_http: 'floor_ranking',
        ranking_explained_http: 'floor_ranking',
        ranking_cached_inprocess: 'floor_cached_rows',
        ranking_cached_http: 'floor_cached_http',
        ranking_cached_explained_http: 'floor_cached_rows',
        ref_standing_levels: 'floor_standing',
        standing_inprocess: 'floor_standing',
        standing_http: 'floor_standing',
        standing_http_100: 'floor_standing',
        standing_cached_inprocess: 'floor_standing',
        standing_cached_http: 'floor_standing',
        ...coverage.floors,
      },
      memory: { baselineRssMb, ...peak },
      responseBytes: bytes,
      ...(overhead ? { overhead } : {}),
      ...(isolation ? { isolation } : {}),
      ...(mixed ? { mixed } : {}),
    };
  } finally {
    await bare?.stop();
    await pool.end();
    await app.close();
    if (ds.isInitialized) await ds.destroy();
  }
}

/** Measures the sizes in BENCH_SIZES (run.ts gives each child process one) and leaves one JSON file per size. */
async function main(): Promise<void> {
  const { url, embedded } = await serverUrl();
  try {
    for (const size of sizes) {
      log(`\n== ${size.toLocaleString('en-US')} educators`);
      const r = await measureSize(url, size);
      printTable([r], log);
      writeSizeResult('.bench', { ...r, server: embedded ? 'embedded' : new URL(url).host, runs: RUNS, warmup: WARMUP });
    }
  } finally {
    await embedded?.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
