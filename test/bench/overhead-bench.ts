import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import { createSecretKey } from 'node:crypto';
import { jwtVerify } from 'jose';
import pg from 'pg';

/**
 * Per-request overhead: a cheap authenticated query (the first 20 open roles with their requirements) served
 * by Pathways and by a bare Apollo Server doing the same token check (HS256 verify, then the account row, refused
 * when disabled) and the same SQL reads (the page, its count, the page's requirements in one read). Both answers
 * are checked equal before any load; then fixed-concurrency load (autocannon) in alternating rounds, so a change
 * of load on the machine hits both alike. The ratio is Pathways' throughput over the bare server's.
 */
export const OPEN_ROLES_QUERY = `{ roles(status: OPEN, first: 20) { totalCount nodes { id title summary classroomFte roleFte stipend openings
  closingDate status minYearsOfService version requirements { id competencyId minLevel weight kind position } } } }`;

const BARE_SCHEMA = `#graphql
  enum RoleStatus { DRAFT OPEN CLOSED FILLED }
  enum RequirementKind { REQUIRED PREFERRED }
  type RoleRequirement { id: ID! competencyId: ID! minLevel: Int! weight: Float! kind: RequirementKind! position: Int! }
  type Role { id: ID! title: String! summary: String! classroomFte: Float! roleFte: Float! stipend: Int! openings: Int!
    closingDate: String status: RoleStatus! minYearsOfService: Int version: Int! requirements: [RoleRequirement!]! }
  type RoleConnection { totalCount: Int! nodes: [Role!]! }
  type RankedRow { educatorId: ID! score: Int! qualified: Boolean! }
  type RankedRows { totalCount: Int! qualifiedCount: Int! nodes: [RankedRow!]! }
  type Query { roles(status: RoleStatus, first: Int = 20): RoleConnection! rankedRows(roleId: ID!, first: Int = 50): RankedRows! }
`;

/** The bare server's reading of a cached ranking page: the HTTP floor of a repeated ranking page (matching-bench.ts). */
export const RANKED_ROWS_QUERY = `query($roleId: ID!) { rankedRows(roleId: $roleId, first: 50) { totalCount qualifiedCount nodes { educatorId score qualified } } }`;

/** Where the bare server reads cached rankings from (made by matching-bench.ts); absent, rankedRows fails. */
export const RANKED_ROW_TABLES = { rows: 'bench_ranked_row', counts: 'bench_ranked_count' };

interface BareContext {
  accountId: string;
}

/** The bare server: plain pg, one schema, the token check in the context function. */
export async function startBareServer(databaseUrl: string, jwtSecret: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const key = createSecretKey(Buffer.from(jwtSecret, 'utf8'));
  const server = new ApolloServer<BareContext>({
    typeDefs: BARE_SCHEMA,
    resolvers: {
      Query: {
        roles: async (_: unknown, args: { status?: string; first: number }) => {
          const [page, count] = await Promise.all([
            pool.query(
              `SELECT id, title, summary, classroom_fte::float8 AS "classroomFte", role_fte::float8 AS "roleFte", stipend, openings,
                closing_date::text AS "closingDate", status, min_years_of_service AS "minYearsOfService", version
              FROM hybrid_role WHERE status = $1 ORDER BY created_at DESC, id LIMIT $2`,
              [args.status, args.first],
            ),
            pool.query(`SELECT count(*)::int AS n FROM hybrid_role WHERE status = $1`, [args.status]),
          ]);
          const reqs = await pool.query(
            `SELECT id, role_id, competency_id AS "competencyId", min_level AS "minLevel", weight::float8 AS weight, kind, position
              FROM role_requirement WHERE role_id = ANY($1::uuid[]) ORDER BY role_id, position`,
            [page.rows.map((r) => r.id)],
          );
          const byRole = new Map<string, unknown[]>();
          for (const r of reqs.rows) byRole.set(r.role_id, [...(byRole.get(r.role_id) ?? []), r]);
          return { totalCount: count.rows[0].n, nodes: page.rows.map((r) => ({ ...r, requirements: byRole.get(r.id) ?? [] })) };
        },
        // A ranking kept as a table of ranked rows with its counts: one prepared, indexed read of the page.
        rankedRows: async (_: unknown, args: { roleId: string; first: number }) => {
          const { rows } = await pool.query({
            name: 'bare_ranked_rows',
            text: `SELECT c.total, c.qualified_count, r.educator_id, r.score, r.qualified FROM ${RANKED_ROW_TABLES.counts} c
              LEFT JOIN ${RANKED_ROW_TABLES.rows} r ON r.role_id = c.role_id AND r.position BETWEEN 1 AND $2
              WHERE c.role_id = $1 ORDER BY r.position`,
            values: [args.roleId, args.first],
          });
          return {
            totalCount: rows[0].total,
            qualifiedCount: rows[0].qualified_count,
            nodes: rows
              .filter((r) => r.educator_id !== null)
              .map((r) => ({ educatorId: r.educator_id, score: r.score, qualified: r.qualified })),
          };
        },
      },
    },
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!token) throw new Error('unauthenticated');
      const { payload } = await jwtVerify(token, key, {
        issuer: 'pathways',
        audience: 'pathways-api',
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      const { rows } = await pool.query('SELECT id, email, personas, educator_id, disabled_at FROM account WHERE id = $1', [payload.sub]);
      if (!rows.length || rows[0].disabled_at) throw new Error('unauthenticated');
      return { accountId: rows[0].id };
    },
  });
  return {
    url: url.replace(/\/$/, '') + '/',
    stop: async () => {
      await server.stop();
      await pool.end();
    },
  };
}

async function post(url: string, token: string): Promise<unknown> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: OPEN_ROLES_QUERY }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (!res.ok || body.errors) throw new Error(`open roles failed at ${url}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

/** cpuUsPerRequest: this process's CPU (server, and the load generator alike for both) per request answered. */
export interface LoadFigures {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  cpuUsPerRequest?: number;
}

export function load(url: string, token: string, connections: number, seconds: number): Promise<LoadFigures> {
  const cpu = process.cpuUsage();
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
        const used = process.cpuUsage(cpu);
        resolve({
          requestsPerSec: r.requests.average,
          p50Ms: r.latency.p50,
          p99Ms: r.latency.p99,
          errors: r.errors + r.non2xx,
          cpuUsPerRequest: Math.round((used.user + used.system) / Math.max(1, r.requests.total)),
        });
      },
    );
  });
}

export interface OverheadResult {
  pathways: LoadFigures[];
  bare: LoadFigures[];
  /** Median Pathways req/s over median bare req/s. */
  ratio: number;
  /**
   * Median bare CPU per request over median Pathways CPU per request (both in this process): the same ratio by
   * work done rather than by throughput, steadier when other processes share the cores.
   */
  cpuRatio: number;
  connections: number;
  seconds: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureOverhead(o: {
  pathwaysUrl: string;
  databaseUrl: string;
  jwtSecret: string;
  token: string;
  rounds?: number;
  seconds?: number;
  connections?: number;
  log: (m: string) => void;
}): Promise<OverheadResult> {
  const bare = await startBareServer(o.databaseUrl, o.jwtSecret);
  try {
    const [ours, theirs] = [await post(o.pathwaysUrl, o.token), await post(bare.url, o.token)];
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      throw new Error(
        `The bare server answers differently:\n pathways: ${JSON.stringify(ours).slice(0, 400)}\n bare:     ${JSON.stringify(theirs).slice(0, 400)}`,
      );
    }
    const rounds = o.rounds ?? Number(process.env.BENCH_OVERHEAD_ROUNDS ?? 3);
    const seconds = o.seconds ?? 4;
    const connections = o.connections ?? 8;
    await load(o.pathwaysUrl, o.token, connections, 1);
    await load(bare.url, o.token, connections, 1);
    const result: OverheadResult = { pathways: [], bare: [], ratio: 0, cpuRatio: 0, connections, seconds };
    for (let i = 0; i < rounds; i++) {
      // Alternate which goes first, so neither always runs on a machine warmed (or loaded) by the other.
      const order: Array<['pathways' | 'bare', string]> =
        i % 2
          ? [
              ['bare', bare.url],
              ['pathways', o.pathwaysUrl],
            ]
          : [
              ['pathways', o.pathwaysUrl],
              ['bare', bare.url],
            ];
      for (const [name, url] of order) {
        const f = await load(url, o.token, connections, seconds);
        if (f.errors) throw new Error(`${name}: ${f.errors} failed requests under load`);
        result[name].push(f);
        o.log(
          `  overhead round ${i + 1} ${name}: ${f.requestsPerSec.toFixed(0)} req/s, p50 ${f.p50Ms} ms, p99 ${f.p99Ms} ms, ${f.cpuUsPerRequest} µs CPU per request`,
        );
      }
    }
    result.cpuRatio =
      Math.round((median(result.bare.map((f) => f.cpuUsPerRequest!)) / median(result.pathways.map((f) => f.cpuUsPerRequest!))) * 100) / 100;
    result.ratio =
      Math.round((median(result.pathways.map((f) => f.requestsPerSec)) / median(result.bare.map((f) => f.requestsPerSec))) * 100) / 100;
    return result;
  } finally {
    await bare.stop();
  }
}
