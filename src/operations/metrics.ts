import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { CacheMetrics } from '../common/cache-metrics.js';
import type { ReadRoutingMetrics } from '../common/read-source.js';
import { peekFacts } from './request-facts.js';

/** Operation names come from clients: past this many distinct names, new ones are counted as "other". */
const MAX_OPERATION_LABELS = 200;

interface PgPoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The service's Prometheus metrics, in a registry of its own (several apps in one test process do not collide).
 * Served on a separate port (METRICS_PORT) so they never share the public API's listener.
 */
export class ServiceMetrics implements CacheMetrics, ReadRoutingMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly graphqlDuration: Histogram<'operation' | 'type'>;
  private readonly graphqlErrors: Counter<'code'>;
  /** Hook for caches (the open-roles ranking cache first): call cacheLookup(name, hit). */
  private readonly cacheLookups: Counter<'cache' | 'result'>;
  /** Hook for background job queues (notifications' outbox first): call registerQueue(name, depthFn). */
  private readonly queueDepth: Gauge<'queue'>;
  private readonly queues = new Map<string, () => number | Promise<number>>();
  private readonly readRoutes: Counter<'target' | 'reason'>;
  private readonly compiledAnswers: Counter<'result'>;

  constructor(dataSource?: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'pathways_' });
    this.httpRequests = new Counter({
      name: 'pathways_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [this.registry],
    });
    this.graphqlDuration = new Histogram({
      name: 'pathways_graphql_operation_duration_seconds',
      help: 'Time to answer a GraphQL operation, by operation name and type',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.graphqlErrors = new Counter({
      name: 'pathways_graphql_errors_total',
      help: 'GraphQL errors sent to clients, by extensions.code',
      labelNames: ['code'],
      registers: [this.registry],
    });
    this.cacheLookups = new Counter({
      name: 'pathways_cache_lookups_total',
      help: 'Cache lookups by cache and result (hit or miss)',
      labelNames: ['cache', 'result'],
      registers: [this.registry],
    });
    this.compiledAnswers = new Counter({
      name: 'pathways_compiled_answers_total',
      help: 'Large answers by how they were executed: compiled (graphql-jit), or by graphql-js after an error (fallback) or a document that would not compile (uncompilable)',
      labelNames: ['result'],
      registers: [this.registry],
    });
    this.readRoutes = new Counter({
      name: 'pathways_read_routing_total',
      help: 'Heavy reads by where they ran (replica or primary) and why',
      labelNames: ['target', 'reason'],
      registers: [this.registry],
    });
    const queues = this.queues;
    this.queueDepth = new Gauge({
      name: 'pathways_job_queue_depth',
      help: 'Jobs waiting, by queue',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        for (const [name, depth] of queues) this.set({ queue: name }, await depth());
      },
    });
    const pool = () => (dataSource?.isInitialized ? ((dataSource.driver as unknown as { master?: PgPoolLike }).master ?? null) : null);
    new Gauge({
      name: 'pathways_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients)',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
      },
    });
  }

  cacheLookup(cache: string, hit: boolean): void {
    this.cacheLookups.inc({ cache, result: hit ? 'hit' : 'miss' });
  }

  compiledAnswer(result: 'compiled' | 'fallback' | 'uncompilable'): void {
    this.compiledAnswers.inc({ result });
  }

  readRouted(target: 'replica' | 'primary', reason: string): void {
    this.readRoutes.inc({ target, reason });
  }

  registerQueue(name: string, depth: () => number | Promise<number>): void {
    this.queues.set(name, depth);
  }

  /** Express middleware: counts every request when it finishes, and times GraphQL operations. */
  middleware() {
    return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void) => {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
        const route = path === '/graphql' || path.startsWith('/health/') ? path : 'other';
        this.httpRequests.inc({ method: req.method ?? 'GET', route, status: String(res.statusCode) });
        if (route !== '/graphql') return;
        const facts = peekFacts(req);
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.graphqlDuration.observe(
          { operation: this.operationLabel(facts?.operationName, facts?.operationType), type: facts?.operationType ?? 'none' },
          seconds,
        );
        for (const code of facts?.errorCodes ?? []) this.graphqlErrors.inc({ code });
      });
      next();
    };
  }

  private operationLabel(name: string | undefined, type: string | undefined): string {
    if (!type) return '(not executed)';
    if (!name) return '(anonymous)';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return '(other)';
    this.operations.add(name);
    return name;
  }
}

/** A small listener that answers GET /metrics, with an optional bearer token. */
export async function startMetricsServer(metrics: ServiceMetrics, port: number, token?: string, host = '0.0.0.0'): Promise<Server> {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  const server = createServer((req, res) => {
    void (async () => {
      if ((req.url ?? '').split('?')[0] !== '/metrics' || req.method !== 'GET') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at GET /metrics\n');
        return;
      }
      if (expected) {
        const given = Buffer.from(req.headers.authorization ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res
            .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
            .end('Send Authorization: Bearer <METRICS_TOKEN>\n');
          return;
        }
      }
      try {
        const body = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body);
      } catch {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export const metricsPortOf = (server: Server): number => (server.address() as AddressInfo).port;
