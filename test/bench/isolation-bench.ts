import autocannon from 'autocannon';
import { OPEN_ROLES_QUERY } from './overhead-bench.js';

/**
 * Isolation: the cheap open-roles query's latency (autocannon, a few connections) alone and while 16 clients ask
 * for rankings that each have to be computed (the bench clears the in-memory ranking cache before every one), in
 * alternating rounds. Heavy work goes through the service's bounded gate (HEAVY_MAX_CONCURRENT); a ranking past
 * the bound answers BUSY and its client retries shortly.
 */
export interface IsolationRound {
  loaded: boolean;
  p50Ms: number;
  p99Ms: number;
  requestsPerSec: number;
  rankings: number;
  busy: number;
}

export interface IsolationResult {
  rankingClients: number;
  cheapConnections: number;
  seconds: number;
  rounds: IsolationRound[];
  /** Worst p99 of the rounds without and with the ranking load. */
  idleP99Ms: number;
  loadedP99Ms: number;
  idleP50Ms: number;
  loadedP50Ms: number;
}

function cheapLoad(
  url: string,
  token: string,
  connections: number,
  seconds: number,
): Promise<{ p50Ms: number; p99Ms: number; requestsPerSec: number; errors: number }> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: OPEN_ROLES_QUERY }),
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({ p50Ms: r.latency.p50, p99Ms: r.latency.p99, requestsPerSec: r.requests.average, errors: r.errors + r.non2xx });
      },
    );
  });
}

export async function measureIsolation(o: {
  url: string;
  token: string;
  roleIds: string[];
  clearCache: () => void;
  log: (m: string) => void;
  rounds?: number;
  seconds?: number;
  rankingClients?: number;
  cheapConnections?: number;
}): Promise<IsolationResult> {
  const rounds = o.rounds ?? Number(process.env.BENCH_ISOLATION_ROUNDS ?? 2);
  const seconds = o.seconds ?? 5;
  const clients = o.rankingClients ?? 16;
  const connections = o.cheapConnections ?? 2;
  const query = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) { totalCount nodes { educatorId score qualified summary
    requirements { competencyCode met evidence { evidenceId title credit points } } } } }`;
  const result: IsolationResult = {
    rankingClients: clients,
    cheapConnections: connections,
    seconds,
    rounds: [],
    idleP99Ms: 0,
    loadedP99Ms: 0,
    idleP50Ms: 0,
    loadedP50Ms: 0,
  };
  await cheapLoad(o.url, o.token, connections, 1);
  for (let i = 0; i < rounds * 2; i++) {
    const loaded = i % 2 === 1;
    let stop = false;
    let rankings = 0;
    let busy = 0;
    const client = async (n: number) => {
      while (!stop) {
        o.clearCache();
        const res = await fetch(o.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${o.token}` },
          body: JSON.stringify({ query, variables: { roleId: o.roleIds[n % o.roleIds.length] } }),
        });
        const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        if (body.errors?.[0]?.extensions?.code === 'BUSY') {
          busy++;
          await new Promise((r) => setTimeout(r, 100));
        } else if (body.errors) {
          throw new Error(`ranking failed under load: ${JSON.stringify(body.errors).slice(0, 300)}`);
        } else {
          rankings++;
        }
      }
    };
    const heavy = loaded ? Array.from({ length: clients }, (_, n) => client(n)) : [];
    // Let the ranking load build up before measuring.
    if (loaded) await new Promise((r) => setTimeout(r, 500));
    const cheap = await cheapLoad(o.url, o.token, connections, seconds);
    stop = true;
    await Promise.all(heavy);
    if (cheap.errors) throw new Error(`${cheap.errors} cheap requests failed`);
    const round = { loaded, p50Ms: cheap.p50Ms, p99Ms: cheap.p99Ms, requestsPerSec: Math.round(cheap.requestsPerSec), rankings, busy };
    result.rounds.push(round);
    o.log(
      `  isolation round ${i + 1} ${loaded ? `with ${clients} ranking clients` : 'alone'}: open roles p50 ${round.p50Ms} ms, p99 ${round.p99Ms} ms, ${round.requestsPerSec} req/s${loaded ? `; ${rankings} rankings computed, ${busy} BUSY answers` : ''}`,
    );
  }
  const of = (loaded: boolean, k: 'p50Ms' | 'p99Ms') => Math.max(...result.rounds.filter((r) => r.loaded === loaded).map((r) => r[k]));
  Object.assign(result, {
    idleP99Ms: of(false, 'p99Ms'),
    loadedP99Ms: of(true, 'p99Ms'),
    idleP50Ms: of(false, 'p50Ms'),
    loadedP50Ms: of(true, 'p50Ms'),
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
