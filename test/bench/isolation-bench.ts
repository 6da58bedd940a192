import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import type { LoadOrder, LoadReport } from './isolation-load.js';
import { OPEN_ROLES_QUERY } from './overhead-bench.js';

/**
 * Isolation: the cheap open-roles query's latency (autocannon, a few connections) alone and while 16 clients ask
 * for rankings, in alternating rounds: alone, 16 clients whose every ranking is computed afresh (the bench clears
 * the in-memory ranking cache before each request), and 16 clients asking again for rankings already cached (the
 * data does not change meanwhile, so each is served from the cache after a freshness test). The load runs in a
 * worker thread (isolation-load.ts) so its own work does not sit on the server's event loop. Heavy work goes through
 * the service's bounded gate (HEAVY_MAX_CONCURRENT); a ranking past the bound answers BUSY and its client retries
 * after 100 ms. Each round also records the server's event-loop delay, the database's busy backends and the pool's
 * waiting clients, to tell where latency comes from.
 */
export type IsolationMode = 'alone' | 'computed' | 'cached';

export interface IsolationRound {
  mode: IsolationMode;
  /** Kept for the report: any ranking load at all. */
  loaded: boolean;
  p50Ms: number;
  p99Ms: number;
  requestsPerSec: number;
  rankings: number;
  busy: number;
  /** The server process's event-loop delay over the round (perf_hooks.monitorEventLoopDelay, 10 ms resolution). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** Sampled every 25 ms: backends of this database running a statement (mean, max), and pool clients waiting (max). */
  activeBackendsMean: number;
  activeBackendsMax: number;
  poolWaitingMax: number;
}

export interface IsolationResult {
  rankingClients: number;
  cheapConnections: number;
  seconds: number;
  rounds: IsolationRound[];
  /** Worst p50/p99 of the rounds of each mode ("loaded": rankings computed afresh). */
  idleP99Ms: number;
  loadedP99Ms: number;
  idleP50Ms: number;
  loadedP50Ms: number;
  cachedP50Ms: number;
  cachedP99Ms: number;
}

export const ISOLATION_RANKING_QUERY = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) { totalCount nodes { educatorId score qualified summary
    requirements { competencyCode met evidence { evidenceId title credit points } } } } }`;

/** Samples pg_stat_activity (this database, other backends) and the pool every 25 ms while a round runs. */
function startProbe(databaseUrl: string | undefined, poolWaiting: (() => number) | undefined) {
  const samples: number[] = [];
  let poolWaitingMax = 0;
  let client: pg.Client | undefined;
  let busy = false;
  let stopped = false;
  const ready = (async () => {
    if (!databaseUrl) return;
    client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
  })();
  const timer = setInterval(() => {
    poolWaitingMax = Math.max(poolWaitingMax, poolWaiting?.() ?? 0);
    if (!client || busy || stopped) return;
    busy = true;
    client
      .query({
        name: 'bench_active_backends',
        text: `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      })
      .then((r) => samples.push(r.rows[0].n as number))
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 25);
  return {
    ready,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await client?.end().catch(() => undefined);
      const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : 0;
      return {
        activeBackendsMean: Math.round(mean * 10) / 10,
        activeBackendsMax: samples.length ? Math.max(...samples) : 0,
        poolWaitingMax,
      };
    },
  };
}

/**
 * BENCH_ISOLATION_PROFILE=<folder>: a CPU profile of the server's main thread for each round (open it in Chrome's
 * DevTools), to see what occupies the event loop.
 */
async function startProfile(): Promise<{ stop: (name: string) => Promise<void> } | undefined> {
  const dir = process.env.BENCH_ISOLATION_PROFILE;
  if (!dir) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(name) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    },
  };
}

function runLoad(order: LoadOrder, clearCache: () => void): Promise<LoadReport> {
  const worker = new Worker(new URL('./isolation-load.js', import.meta.url), { workerData: order });
  return new Promise<LoadReport>((resolve, reject) => {
    worker.on('message', (m: { type: string; report?: LoadReport; message?: string }) => {
      if (m.type === 'clear') {
        clearCache();
        worker.postMessage('cleared');
      } else if (m.type === 'done') {
        resolve(m.report!);
      } else if (m.type === 'failed') {
        reject(new Error(m.message));
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code ? reject(new Error(`the load worker exited with ${code}`)) : undefined));
  }).finally(() => void worker.terminate());
}

export async function measureIsolation(o: {
  url: string;
  token: string;
  roleIds: string[];
  clearCache: () => void;
  log: (m: string) => void;
  /** The district database, to sample its busy backends (optional). */
  databaseUrl?: string;
  /** Clients waiting for a pooled connection right now (optional). */
  poolWaiting?: () => number;
  rounds?: number;
  seconds?: number;
  rankingClients?: number;
  cheapConnections?: number;
  modes?: IsolationMode[];
}): Promise<IsolationResult> {
  const rounds = o.rounds ?? Number(process.env.BENCH_ISOLATION_ROUNDS ?? 2);
  const seconds = o.seconds ?? Number(process.env.BENCH_ISOLATION_SECONDS ?? 5);
  const clients = o.rankingClients ?? 16;
  const connections = o.cheapConnections ?? 2;
  const modes = o.modes ??
    (process.env.BENCH_ISOLATION_MODES?.split(',') as IsolationMode[] | undefined) ?? ['alone', 'computed', 'cached'];
  const result: IsolationResult = {
    rankingClients: clients,
    cheapConnections: connections,
    seconds,
    rounds: [],
    idleP99Ms: 0,
    loadedP99Ms: 0,
    idleP50Ms: 0,
    loadedP50Ms: 0,
    cachedP50Ms: 0,
    cachedP99Ms: 0,
  };
  const order = (mode: IsolationMode, secs: number): LoadOrder => ({
    url: o.url,
    token: o.token,
    roleIds: o.roleIds,
    clients,
    connections,
    seconds: secs,
    mode,
    cheapQuery: OPEN_ROLES_QUERY,
    rankingQuery: ISOLATION_RANKING_QUERY,
  });
  // Warm-up: the cheap path, and every role's ranking once (so the cached rounds start from a full cache).
  await runLoad(order('cached', 1), o.clearCache);
  for (let i = 0; i < rounds; i++) {
    for (const mode of modes) {
      const loop = monitorEventLoopDelay({ resolution: 10 });
      const probe = startProbe(o.databaseUrl, o.poolWaiting);
      await probe.ready;
      const profile = await startProfile();
      loop.enable();
      const load = await runLoad(order(mode, seconds), o.clearCache);
      loop.disable();
      await profile?.stop(`isolation-${mode}-${i + 1}`);
      const db = await probe.stop();
      if (load.cheapErrors) throw new Error(`${load.cheapErrors} cheap requests failed`);
      const round: IsolationRound = {
        mode,
        loaded: mode !== 'alone',
        p50Ms: load.p50Ms,
        p99Ms: load.p99Ms,
        requestsPerSec: load.requestsPerSec,
        rankings: load.rankings,
        busy: load.busy,
        loopDelayP99Ms: Math.round(loop.percentile(99) / 1e5) / 10,
        loopDelayMaxMs: Math.round(loop.max / 1e5) / 10,
        ...db,
      };
      result.rounds.push(round);
      const what =
        mode === 'alone'
          ? 'alone'
          : mode === 'computed'
            ? `with ${clients} ranking clients, each ranking computed afresh`
            : `with ${clients} ranking clients served from the cache`;
      o.log(
        `  isolation round ${i + 1} ${what}: open roles p50 ${round.p50Ms} ms, p99 ${round.p99Ms} ms, ${round.requestsPerSec} req/s` +
          (mode === 'alone' ? '' : `; ${round.rankings} rankings answered, ${round.busy} BUSY`) +
          `; event-loop delay p99 ${round.loopDelayP99Ms} ms (max ${round.loopDelayMaxMs}); active backends mean ${round.activeBackendsMean} (max ${round.activeBackendsMax}); pool waiting max ${round.poolWaitingMax}`,
      );
    }
  }
  const of = (mode: IsolationMode, k: 'p50Ms' | 'p99Ms') => {
    const xs = result.rounds.filter((r) => r.mode === mode).map((r) => r[k]);
    return xs.length ? Math.max(...xs) : 0;
  };
  Object.assign(result, {
    idleP99Ms: of('alone', 'p99Ms'),
    loadedP99Ms: of('computed', 'p99Ms'),
    idleP50Ms: of('alone', 'p50Ms'),
    loadedP50Ms: of('computed', 'p50Ms'),
    cachedP50Ms: of('cached', 'p50Ms'),
    cachedP99Ms: of('cached', 'p99Ms'),
  });
  return result;
}

export interface MixedResult {
  connections: number;
  seconds: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  mix: string;
}

/**
 * Mixed traffic on one instance: each connection cycles through 8 open-roles reads, 1 standing and 1 ranking page
 * (rankings as users see them: pages of a few roles, so mostly served from the ranking cache once computed).
 */
export function measureMixed(o: {
  url: string;
  token: string;
  roleIds: string[];
  educatorIds: string[];
  connections?: number;
  seconds?: number;
}): Promise<MixedResult> {
  const connections = o.connections ?? 8;
  const seconds = o.seconds ?? Number(process.env.BENCH_MIXED_SECONDS ?? 8);
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${o.token}` };
  const body = (query: string, variables: Record<string, unknown> = {}) => ({
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  const ranking = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 20) { totalCount nodes { educatorId score qualified summary } } }`;
  const standing = `query($e: ID!) { educatorStanding(educatorId: $e) { qualifiedCount roles { roleId qualified score } } }`;
  const requests = [
    ...Array.from({ length: 8 }, () => body(OPEN_ROLES_QUERY)),
    ...o.educatorIds.slice(0, 1).map((e) => body(standing, { e })),
    ...o.roleIds.slice(0, 1).map((roleId) => body(ranking, { roleId })),
  ];
  return new Promise((resolve, reject) => {
    autocannon({ url: o.url, connections, duration: seconds, method: 'POST', headers, body: requests[0].body, requests }, (err, r) => {
      if (err) return reject(err);
      if (r.errors + r.non2xx) return reject(new Error(`${r.errors + r.non2xx} failed requests in the mixed load`));
      resolve({
        connections,
        seconds,
        requestsPerSec: Math.round(r.requests.average),
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        mix: '8 open-roles : 1 standing : 1 ranking page',
      });
    });
  });
}
