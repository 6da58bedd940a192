import { DEFAULT_GUARDED_HTTP_CONFIG, type GuardedHttpConfig } from '../common/http/guarded-http-client.js';

/**
 * One validated configuration object, read once at boot from the environment.
 * Secrets are marked so they are never printed.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Unset: the service runs its own embedded PostgreSQL. */
  databaseUrl?: string;
  embeddedPgPort: number;
  embeddedPgDir: string;
  /** Load the demo district when the database has no buildings yet. */
  seedDemo: boolean;
  /** secret */
  jwtSecret: string;
  jwtTtlSeconds: number;
  oidc?: { issuer: string; audience: string; jwksUrl: string };
  maxSignInFailures: number;
  lockoutSeconds: number;
  overextensionFteThreshold: number;
  maxQueryCost: number;
  maxQueryDepth: number;
  statementTimeoutMs: number;
  corsOrigins: string[];
  /** Structured logs: pino level (trace, debug, info, warn, error, fatal, silent). */
  logLevel: string;
  /** Prometheus metrics on their own port; unset: no metrics listener (0: any free port, for tests). */
  metricsPort?: number;
  /** secret. When set, a scrape must send `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** On SIGTERM: how long readiness reports draining before the listener closes, so load balancers stop sending. */
  shutdownDrainDelayMs: number;
  /** On SIGTERM: the longest in-flight requests may take before their connections are closed. */
  shutdownTimeoutMs: number;
  /** Every outbound call (did:web, JWKS, status lists, CASE providers) goes through the guarded client with these. */
  outboundHttp: GuardedHttpConfig;
}

export class ConfigError extends Error {}

const DEV_SECRET = 'pathways-development-secret-not-for-production-use';

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function outboundHttpConfig(env: NodeJS.ProcessEnv): GuardedHttpConfig {
  const d = DEFAULT_GUARDED_HTTP_CONFIG;
  const allowedHosts = list(env.OUTBOUND_HTTP_ALLOWED_HOSTS).map((h) => h.toLowerCase());
  for (const host of allowedHosts) {
    if (!/^(\*\.)?[a-z0-9.:[\]-]+$/.test(host) || host.includes('/')) {
      throw new ConfigError(`OUTBOUND_HTTP_ALLOWED_HOSTS entries must be hostnames or *.domain, got "${host}"`);
    }
  }
  return {
    allowedHosts,
    allowPrivateAddresses: bool(env, 'OUTBOUND_HTTP_ALLOW_PRIVATE', d.allowPrivateAddresses),
    allowPlainHttp: bool(env, 'OUTBOUND_HTTP_ALLOW_PLAIN_HTTP', d.allowPlainHttp),
    connectTimeoutMs: int(env, 'OUTBOUND_HTTP_CONNECT_TIMEOUT_MS', d.connectTimeoutMs, 1),
    totalTimeoutMs: int(env, 'OUTBOUND_HTTP_TIMEOUT_MS', d.totalTimeoutMs, 1),
    maxResponseBytes: int(env, 'OUTBOUND_HTTP_MAX_BYTES', d.maxResponseBytes, 1),
    maxRedirects: int(env, 'OUTBOUND_HTTP_MAX_REDIRECTS', d.maxRedirects, 0),
    cacheTtlMs: int(env, 'OUTBOUND_HTTP_CACHE_TTL_SECONDS', d.cacheTtlMs / 1000, 0) * 1000,
    cacheMaxEntries: d.cacheMaxEntries,
  };
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function logLevel(env: NodeJS.ProcessEnv, nodeEnv: AppConfig['nodeEnv']): string {
  const level = (env.LOG_LEVEL || (nodeEnv === 'test' ? 'error' : 'info')).toLowerCase();
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  return level;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const jwtSecret = env.JWT_SECRET ?? (nodeEnv === 'production' ? '' : DEV_SECRET);
  if (jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be set to at least 32 characters (there is no default in production)');
  }
  const oidcIssuer = env.OIDC_ISSUER;
  let oidc: AppConfig['oidc'];
  if (oidcIssuer) {
    if (!env.OIDC_AUDIENCE || !env.OIDC_JWKS_URL) {
      throw new ConfigError('OIDC_ISSUER needs OIDC_AUDIENCE and OIDC_JWKS_URL');
    }
    oidc = { issuer: oidcIssuer, audience: env.OIDC_AUDIENCE, jwksUrl: env.OIDC_JWKS_URL };
  }
  const threshold = Number(env.OVEREXTENSION_FTE_THRESHOLD ?? '0.4');
  if (!(threshold > 0 && threshold <= 1)) throw new ConfigError('OVEREXTENSION_FTE_THRESHOLD must be in (0, 1]');
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1),
    embeddedPgDir: env.EMBEDDED_PG_DIR ?? '.data/pg',
    seedDemo: bool(env, 'SEED_DEMO', !env.DATABASE_URL),
    jwtSecret,
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 900, 60),
    oidc,
    maxSignInFailures: int(env, 'SIGNIN_MAX_FAILURES', 5, 1),
    lockoutSeconds: int(env, 'SIGNIN_LOCKOUT_SECONDS', 900, 1),
    overextensionFteThreshold: threshold,
    maxQueryCost: int(env, 'GRAPHQL_MAX_COST', 5000, 1),
    maxQueryDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 1),
    statementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 0),
    corsOrigins: list(env.CORS_ORIGINS),
    outboundHttp: outboundHttpConfig(env),
    logLevel: logLevel(env, nodeEnv),
    metricsPort: env.METRICS_PORT ? int(env, 'METRICS_PORT', 0, 0) : undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownDrainDelayMs: int(env, 'SHUTDOWN_DRAIN_DELAY_MS', 0, 0),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 1),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
