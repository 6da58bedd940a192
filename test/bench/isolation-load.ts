import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The isolation bench's load, in a worker thread of its own, so the latency it measures is the server's and not
 * the time this load spends on the server's event loop parsing ranking answers. The cheap open-roles load runs
 * under autocannon; beside it (unless `mode` is 'alone') `clients` loops each ask for a ranking. In 'computed' mode
 * every ranking request first asks the parent to clear the ranking cache (so each one is computed afresh); in
 * 'cached' mode the cache is left alone and the data does not change, so after the first request per role they
 * are served from it.
 */
export interface LoadOrder {
  url: string;
  token: string;
  roleIds: string[];
  clients: number;
  connections: number;
  seconds: number;
  mode: 'alone' | 'computed' | 'cached';
  cheapQuery: string;
  rankingQuery: string;
}

export interface LoadReport {
  p50Ms: number;
  p99Ms: number;
  requestsPerSec: number;
  cheapErrors: number;
  rankings: number;
  busy: number;
}

const order = workerData as LoadOrder;
const port = parentPort!;

let pendingClear: Array<() => void> = [];
port.on('message', (m: string) => {
  if (m !== 'cleared') return;
  const done = pendingClear;
  pendingClear = [];
  for (const d of done) d();
});
const clearCache = () =>
  new Promise<void>((resolve) => {
    pendingClear.push(resolve);
    port.postMessage({ type: 'clear' });
  });

async function main(): Promise<LoadReport> {
  let stop = false;
  let rankings = 0;
  let busy = 0;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${order.token}` };
  const client = async (n: number) => {
    while (!stop) {
      if (order.mode === 'computed') await clearCache();
      const res = await fetch(order.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: order.rankingQuery, variables: { roleId: order.roleIds[n % order.roleIds.length] } }),
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
  const heavy = order.mode === 'alone' ? [] : Array.from({ length: order.clients }, (_, n) => client(n));
  // Let the ranking load build up before measuring.
  if (heavy.length) await new Promise((r) => setTimeout(r, 500));
  const options = {
    url: order.url,
    connections: order.connections,
    duration: order.seconds,
    method: 'POST',
    headers,
    body: JSON.stringify({ query: order.cheapQuery }),
  };
  // In a worker thread autocannon hands back its raw histograms; aggregateResult turns them into figures.
  const raw = await new Promise<unknown>((resolve, reject) => autocannon(options, (err, r) => (err ? reject(err) : resolve(r))));
  const cheap = autocannon.aggregateResult([raw], options);
  stop = true;
  await Promise.all(heavy);
  return {
    p50Ms: cheap.latency.p50,
    p99Ms: cheap.latency.p99,
    requestsPerSec: Math.round(cheap.requests.total / order.seconds),
    cheapErrors: cheap.errors + cheap.non2xx,
    rankings,
    busy,
  };
}

main().then(
  (report) => port.postMessage({ type: 'done', report }),
  (err: Error) => port.postMessage({ type: 'failed', message: err.stack ?? String(err) }),
);
