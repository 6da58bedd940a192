import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPEN_ROLES_QUERY } from './overhead-bench.js';

/**
 * Mixed traffic against one service process, then against two (separate processes on their own ports sharing the
 * database, the load generator spreading its connections over both), in the same run. The processes are the
 * service as deployed (src/main.ts, NODE_ENV=production), not the bench's in-process application, so their peak
 * resident memory (VmHWM) is the service's alone.
 *
 * The mix, per 20 requests of a connection: 16 open-roles reads (the cheap query), 3 standings (one educator's
 * open roles, a different educator each time) and 1 ranking page (the next of `roleIds`). Before timing, every
 * process computes each role's ranking once (rankings are cached per process), so the timed traffic is the steady
 * state; a ranking computed during the run would go through the heavy gate like any other.
 */
export interface MixedRun {
  instances: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Answers other than 2xx (BUSY included); the run fails on transport errors. */
  non2xx: number;
}

export interface MixedResult {
  mix: string;
  connections: number;
  seconds: number;
  rounds: number;
  /** Median over rounds of each configuration. */
  one: MixedRun;
  two: MixedRun;
  /** Two instances' throughput over one instance's. */
  scaling: number;
  /** Peak resident memory (VmHWM, MB) of each service process, after warm-up and all rounds. */
  instancePeakRssMb: number[];
  allRuns: MixedRun[];
}

const STANDING = `query($e: ID!) { educatorStanding(educatorId: $e, first: 20) { qualifiedCount totalCount
  roles { roleId roleTitle qualified score maxScore gapCount } } }`;
const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 20) { totalCount qualifiedCount
  nodes { rank educatorId fullName score qualified summary } } }`;

interface Instance {
  child: ChildProcess;
  url: string;
  output: string[];
}

async function startInstance(o: { databaseUrl: string; jwtSecret: string; port: number; env?: Record<string, string> }): Promise<Instance> {
  const entry = fileURLToPath(new URL('./instance.js', import.meta.url));
  const output: string[] = [];
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH,
      // The heap bound `npm start` and `npm run start:prod` give the service (package.json); BENCH_SERVICE_NODE_OPTIONS replaces it.
      NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS ?? '--max-old-space-size=320',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(o.port),
      DATABASE_URL: o.databaseUrl,
      JWT_SECRET: o.jwtSecret,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DB_STATEMENT_TIMEOUT_MS: '0',
      REQUEST_TIMEOUT_MS: '0',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    output.push(b.toString());
    if (output.length > 50) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${o.port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`The service process on port ${o.port} exited: ${output.join('').slice(-2000)}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, url, output };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`The service process on port ${o.port} did not become ready: ${output.join('').slice(-2000)}`);
}

async function stopInstance(i: Instance): Promise<void> {
  if (i.child.exitCode !== null) return;
  const exited = new Promise((r) => i.child.once('exit', r));
  i.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (i.child.exitCode === null) i.child.kill('SIGKILL');
}

/** Peak resident set size of a process so far (Linux), in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function gql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    if (res.ok && !text.includes('"errors"')) return;
    if (res.status === 503 && attempt < 20) {
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    throw new Error(`warm-up request failed (${res.status}): ${text.slice(0, 300)}`);
  }
}

function load(o: {
  urls: string[];
  token: string;
  connections: number;
  seconds: number;
  roleIds: string[];
  educatorIds: string[];
}): Promise<Omit<MixedRun, 'instances'>> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${o.token}` };
  const open = JSON.stringify({ query: OPEN_ROLES_QUERY });
  let standings = 0;
  let rankings = 0;
  const requests = [
    ...Array.from({ length: 16 }, () => ({ method: 'POST', headers, body: open })),
    ...Array.from({ length: 3 }, () => ({
      method: 'POST',
      headers,
      body: open,
      setupRequest: (req: { body?: string }) => ({
        ...req,
        body: JSON.stringify({ query: STANDING, variables: { e: o.educatorIds[standings++ % o.educatorIds.length] } }),
      }),
    })),
    {
      method: 'POST',
      headers,
      body: open,
      setupRequest: (req: { body?: string }) => ({
        ...req,
        body: JSON.stringify({ query: RANKING, variables: { roleId: o.roleIds[rankings++ % o.roleIds.length] } }),
      }),
    },
  ];
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: o.urls.length === 1 ? o.urls[0] : o.urls,
        connections: o.connections,
        duration: o.seconds,
        method: 'POST',
        headers,
        body: open,
        requests,
      },
      (err, r) => {
        if (err) return reject(err);
        if (r.errors) return reject(new Error(`${r.errors} transport errors in the mixed load`));
        resolve({
          requestsPerSec: Math.round(r.requests.average),
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          requests: r.requests.total,
          non2xx: r.non2xx,
        });
      },
    );
  });
}

const median = (runs: MixedRun[], instances: number): MixedRun => {
  const of = runs.filter((r) => r.instances === instances).sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  return of[Math.floor((of.length - 1) / 2)];
};

export async function measureMixedScaling(o: {
  databaseUrl: string;
  jwtSecret: string;
  token: string;
  roleIds: string[];
  educatorIds: string[];
  log: (m: string) => void;
  connections?: number;
  seconds?: number;
  rounds?: number;
  basePort?: number;
}): Promise<MixedResult> {
  const connections = o.connections ?? Number(process.env.BENCH_MIXED_CONNECTIONS ?? 16);
  const seconds = o.seconds ?? Number(process.env.BENCH_MIXED_SECONDS ?? 8);
  const rounds = o.rounds ?? Number(process.env.BENCH_MIXED_ROUNDS ?? 2);
  const basePort = o.basePort ?? Number(process.env.BENCH_MIXED_PORT ?? 3950);
  const instances: Instance[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      instances.push(await startInstance({ databaseUrl: o.databaseUrl, jwtSecret: o.jwtSecret, port: basePort + i }));
    }
    // Warm-up, untimed: each process computes each ranking once and serves every request kind.
    for (const instance of instances) {
      for (const roleId of o.roleIds) await gql(instance.url, o.token, RANKING, { roleId });
      for (const e of o.educatorIds.slice(0, 5)) await gql(instance.url, o.token, STANDING, { e });
      await gql(instance.url, o.token, OPEN_ROLES_QUERY, {});
    }
    const common = { token: o.token, connections, roleIds: o.roleIds, educatorIds: o.educatorIds };
    for (const instance of instances) await load({ ...common, urls: [`${instance.url}/graphql`], seconds: 1 });
    // Alternating rounds, so drifting load from elsewhere on the machine falls on both configurations alike.
    const runs: MixedRun[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const n of [1, 2]) {
        const run = { instances: n, ...(await load({ ...common, urls: instances.slice(0, n).map((i) => `${i.url}/graphql`), seconds })) };
        runs.push(run);
        o.log(
          `  mixed traffic, ${n} instance(s), round ${round + 1}: ${run.requestsPerSec} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms (${run.requests} requests, ${run.non2xx} not 2xx)`,
        );
      }
    }
    const one = median(runs, 1);
    const two = median(runs, 2);
    return {
      mix: '16 open-roles reads : 3 standings : 1 ranking page (80/15/5 %)',
      connections,
      seconds,
      rounds,
      one,
      two,
      scaling: Math.round((two.requestsPerSec / one.requestsPerSec) * 100) / 100,
      instancePeakRssMb: instances.map((i) => peakRssMb(i.child.pid!)),
      allRuns: runs,
    };
  } finally {
    for (const instance of instances) await stopInstance(instance);
  }
}
