import { DEFAULT_GUARDED_HTTP_CONFIG, type GuardedHttpConfig } from './outbound-http.config.js';

/**
 * One validated configuration object, read once at boot from the environment.
 * Secrets are marked so they are never printed.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  /** Interface to listen on. The public development secret is refused unless this is a loopback address. */
  host: string;
  /** Unset: the service runs its own embedded PostgreSQL. */
  databaseUrl?: string;
  /** Streaming replicas of DATABASE_URL for heavy reads (rankings, standings, capacity reports). */
  databaseReplicaUrls: string[];
  /** How long a heavy read waits for a replica to replay the primary's latest commit before using the primary. */
  replicaCatchUpWaitMs: number;
  embeddedPgPort: number;
  embeddedPgDir: string;
  /** Load the demo district when the database has no buildings yet. */
  seedDemo: boolean;
  /**
   * secret. Empty until resolveJwtSecret() has run when JWT_SECRET is unset in development: then a random
   * secret is generated once and kept in jwtSecretFile.
   */
  jwtSecret: string;
  jwtSecretFile: string;
  jwtTtlSeconds: number;
  oidc?: { issuer: string; audience: string; jwksUrl: string };
  /** Proxies whose X-Forwarded-For is believed (Express `trust proxy` values); empty: none. */
  trustedProxies: string[];
  /** Password checks (argon2, ~64 MB and a core each) allowed at once, and how many more may wait. */
  maxConcurrentHashes: number;
  maxQueuedHashes: number;
  maxSignInFailures: number;
  lockoutSeconds: number;
  overextensionFteThreshold: number;
  maxQueryCost: number;
  maxQueryDepth: number;
  maxQueryTokens: number;
  maxQueryAliases: number;
  maxQueryDirectives: number;
  maxQueryFields: number;
  maxQueryRepeatedPairs: number;
  statementTimeoutMs: number;
  /**
   * Heavy work (computing a ranking, reports, exports, imports, CASE exports): how many run at once per instance,
   * how many more may wait, and for how long; past that a request answers BUSY with a retry hint.
   */
  heavyMaxConcurrent: number;
  heavyMaxQueued: number;
  heavyQueueWaitMs: number;
  /**
   * Connections kept apart for the hottest cheap reads (the role list and its requirements), so they never wait
   * for a connection behind heavy work or a burst of other requests; 0 reads them from the main pool.
   */
  dbHotPoolSize: number;
  /** Large answers (rankings, standings) being built at once per instance, and how many more may wait (heavy-answers.ts). */
  heavyAnswersMaxConcurrent: number;
  heavyAnswersMaxQueued: number;
  /** How long a freed heavy slot waits at most for the cheap requests in flight to end (HeavyWorkLimiter.yieldTo); 0: not at all. */
  heavyYieldMs: number;
  /** Large answers executed by graphql-jit (compiled-answers.plugin.ts); false: graphql-js for everything. */
  compiledAnswers: boolean;
  /** Computed rankings kept in memory per instance (whole rankings, each role/building/day); 0 turns the cache off. */
  rankingCacheEntries: number;
  /** Leading candidates a computed ranking keeps (pages deeper than that compute a deeper one); 0: every candidate. */
  rankingCacheDepth: number;
  /** Scored standings kept in memory per instance (one per educator and district day, with a few built pages); 0 turns the cache off. */
  standingCacheEntries: number;
  /** Per-request budget: wall-clock time, and database time across all its statements (0: none). */
  requestTimeoutMs: number;
  requestDbTimeMs: number;
  corsOrigins: string[];
  /** Where Pathways is reachable from outside: set-password links and CASE URIs of native frameworks start with it. */
  publicBaseUrl: string;
  /** The largest CASE package an import accepts. */
  caseMaxPackageBytes: number;
  setPasswordLinkTtlHours: number;
  /** Days after a person's leaving date before HR may erase them (0: from the leaving date). */
  erasureRetentionDays: number;
  /** Email domains whose single sign-on users get an EDUCATOR account on first sign-in (matched by work email). */
  oidcAutoProvisionDomains: string[];
  /** Capacity report counts below this are shown to district leaders as "fewer than" it. */
  leaderMinCount: number;
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
  /** secret: seals the district's credential signing key; unset disables issuing. */
  credentialKeySecret?: string;
  /** How often imported credentials' status is re-checked, in hours; 0 turns the schedule off. */
  credentialRecheckHours: number;
  /** How often the sweep closing leavers' applications on their leaving date runs, in minutes; 0 turns it off. */
  leaverSweepMinutes: number;
  /** How often the change logs guarding the caches are pruned, in minutes (one instance at a time); 0 turns it off. */
  changeLogPruneMinutes: number;
  /** Change-log entries younger than this many minutes are kept by the pruning job. */
  changeLogRetentionMinutes: number;
  /** Serve the offline API console at /console (GraphiQL bundled with the service). On by default outside production. */
  consoleEnabled: boolean;
  /** secret (it may carry credentials). Unset: notifications wait in the outbox. */
  smtpUrl?: string;
  smtpFrom: string;
  smtpTimeoutMs: number;
  /** How often the outbox worker looks for due messages; 0 turns it off. */
  notificationPollMs: number;
  notificationBatchSize: number;
  notificationMaxAttempts: number;
  /** The first retry's delay; each further retry doubles it (capped at six hours). */
  notificationRetryBaseMs: number;
  /** HR may read the whole outbox through the API: on outside production, opt-in in production. */
  notificationOutboxApi: boolean;
}

export class ConfigError extends Error {}

/** Public (it is in the repository): only tests use it, and the service refuses it unless it listens on loopback. */
export const DEV_SECRET = 'pathways-development-secret-not-for-production-use';

/** A variable's value; an empty or blank value counts as unset, everywhere. */
function str(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = str(env, name);
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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

function credentialKeySecret(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env.CREDENTIAL_KEY_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < 32) throw new ConfigError('CREDENTIAL_KEY_SECRET must be at least 32 characters');
  return secret;
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

function logLevel(env: NodeJS.ProcessEnv, nodeEnv: AppConfig['nodeEnv']): string {
  const level = (env.LOG_LEVEL || (nodeEnv === 'test' ? 'error' : 'info')).toLowerCase();
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  return level;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = (str(env, 'NODE_ENV') ?? 'development') as AppConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const host = str(env, 'HOST') ?? (nodeEnv === 'test' ? '127.0.0.1' : '0.0.0.0');
  // Production needs a secret; tests use the public one; development generates one (resolveJwtSecret).
  const jwtSecret = str(env, 'JWT_SECRET') ?? (nodeEnv === 'test' ? DEV_SECRET : '');
  if (nodeEnv === 'production' && !jwtSecret) {
    throw new ConfigError('JWT_SECRET must be set to at least 32 characters (there is no default in production)');
  }
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters');
  if (jwtSecret === DEV_SECRET && !isLoopback(host)) {
    throw new ConfigError(
      `JWT_SECRET is the public development secret, which anyone can use to forge tokens; it is allowed only when HOST is a loopback address (HOST is "${host}"). Set JWT_SECRET to a random value of at least 32 characters.`,
    );
  }
  const oidcIssuer = str(env, 'OIDC_ISSUER');
  let oidc: AppConfig['oidc'];
  if (oidcIssuer) {
    const audience = str(env, 'OIDC_AUDIENCE');
    const jwksUrl = str(env, 'OIDC_JWKS_URL');
    if (!audience || !jwksUrl) throw new ConfigError('OIDC_ISSUER needs OIDC_AUDIENCE and OIDC_JWKS_URL');
    oidc = { issuer: oidcIssuer, audience, jwksUrl };
  }
  const threshold = Number(str(env, 'OVEREXTENSION_FTE_THRESHOLD') ?? '0.4');
  if (!(threshold > 0 && threshold <= 1)) throw new ConfigError('OVEREXTENSION_FTE_THRESHOLD must be in (0, 1]');
  const databaseUrl = str(env, 'DATABASE_URL');
  return {
    nodeEnv,
    port: int(env, 'PORT', 3000, 0),
    host,
    databaseUrl,
    databaseReplicaUrls: replicaUrls(env, databaseUrl),
    replicaCatchUpWaitMs: int(env, 'REPLICA_CATCH_UP_WAIT_MS', 50, 0),
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 54329, 1),
    embeddedPgDir: str(env, 'EMBEDDED_PG_DIR') ?? '.data/pg',
    seedDemo: bool(env, 'SEED_DEMO', !databaseUrl),
    jwtSecret,
    jwtSecretFile: str(env, 'JWT_SECRET_FILE') ?? '.data/jwt-secret',
    jwtTtlSeconds: int(env, 'JWT_TTL_SECONDS', 900, 60),
    oidc,
    trustedProxies: list(str(env, 'TRUSTED_PROXIES')),
    maxConcurrentHashes: int(env, 'SIGNIN_MAX_CONCURRENT_HASHES', 2, 1),
    maxQueuedHashes: int(env, 'SIGNIN_MAX_QUEUED_HASHES', 8, 0),
    maxSignInFailures: int(env, 'SIGNIN_MAX_FAILURES', 5, 1),
    lockoutSeconds: int(env, 'SIGNIN_LOCKOUT_SECONDS', 900, 1),
    overextensionFteThreshold: threshold,
    maxQueryCost: int(env, 'GRAPHQL_MAX_COST', 5000, 1),
    maxQueryDepth: int(env, 'GRAPHQL_MAX_DEPTH', 10, 1),
    maxQueryTokens: int(env, 'GRAPHQL_MAX_TOKENS', 5000, 100),
    maxQueryAliases: int(env, 'GRAPHQL_MAX_ALIASES', 50, 0),
    maxQueryDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 0),
    maxQueryFields: int(env, 'GRAPHQL_MAX_FIELDS', 2000, 10),
    maxQueryRepeatedPairs: int(env, 'GRAPHQL_MAX_REPEATED_PAIRS', 2000, 0),
    statementTimeoutMs: int(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 0),
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 10000, 0),
    heavyMaxConcurrent: int(env, 'HEAVY_MAX_CONCURRENT', 1, 1),
    heavyMaxQueued: int(env, 'HEAVY_MAX_QUEUED', 16, 0),
    heavyQueueWaitMs: int(env, 'HEAVY_QUEUE_WAIT_MS', 5000, 1),
    dbHotPoolSize: int(env, 'DB_HOT_POOL_SIZE', 2, 0),
    heavyAnswersMaxConcurrent: int(env, 'HEAVY_ANSWERS_MAX_CONCURRENT', 1, 1),
    heavyAnswersMaxQueued: int(env, 'HEAVY_ANSWERS_MAX_QUEUED', 64, 0),
    heavyYieldMs: int(env, 'HEAVY_YIELD_MS', 25, 0),
    compiledAnswers: bool(env, 'COMPILED_ANSWERS', true),
    rankingCacheEntries: int(env, 'RANKING_CACHE_ENTRIES', 64, 0),
    rankingCacheDepth: int(env, 'RANKING_CACHE_DEPTH', 500, 0),
    standingCacheEntries: int(env, 'STANDING_CACHE_ENTRIES', 128, 0),
    requestDbTimeMs: int(env, 'REQUEST_DB_TIME_MS', 8000, 0),
    publicBaseUrl: publicBaseUrl(env),
    caseMaxPackageBytes: int(env, 'CASE_MAX_PACKAGE_BYTES', 16 * 1024 * 1024, 1024),
    corsOrigins: list(str(env, 'CORS_ORIGINS')),
    outboundHttp: outboundHttpConfig(env),
    setPasswordLinkTtlHours: int(env, 'SET_PASSWORD_LINK_TTL_HOURS', 72, 1),
    erasureRetentionDays: int(env, 'ERASURE_RETENTION_DAYS', 0, 0),
    leaderMinCount: int(env, 'LEADER_MIN_COUNT', 5, 1),
    oidcAutoProvisionDomains: (env.OIDC_AUTO_PROVISION_DOMAINS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    credentialKeySecret: credentialKeySecret(env),
    credentialRecheckHours: int(env, 'CREDENTIAL_STATUS_RECHECK_HOURS', 24, 0),
    leaverSweepMinutes: int(env, 'LEAVER_SWEEP_MINUTES', 60, 0),
    changeLogPruneMinutes: int(env, 'CHANGE_LOG_PRUNE_MINUTES', 30, 0),
    changeLogRetentionMinutes: int(env, 'CHANGE_LOG_RETENTION_MINUTES', 60, 1),
    smtpUrl: smtpUrl(env),
    smtpFrom: str(env, 'SMTP_FROM') ?? 'Pathways <no-reply@pathways.local>',
    smtpTimeoutMs: int(env, 'SMTP_TIMEOUT_MS', 10000, 100),
    notificationPollMs: int(env, 'NOTIFICATION_POLL_MS', nodeEnv === 'test' ? 0 : 5000, 0),
    notificationBatchSize: int(env, 'NOTIFICATION_BATCH_SIZE', 20, 1),
    notificationMaxAttempts: int(env, 'NOTIFICATION_MAX_ATTEMPTS', 8, 1),
    notificationRetryBaseMs: int(env, 'NOTIFICATION_RETRY_BASE_MS', 60000, 1),
    notificationOutboxApi: bool(env, 'NOTIFICATION_OUTBOX_API', nodeEnv !== 'production'),
    logLevel: logLevel(env, nodeEnv),
    metricsPort: env.METRICS_PORT ? int(env, 'METRICS_PORT', 0, 0) : undefined,
    metricsToken: env.METRICS_TOKEN || undefined,
    shutdownDrainDelayMs: int(env, 'SHUTDOWN_DRAIN_DELAY_MS', 0, 0),
    shutdownTimeoutMs: int(env, 'SHUTDOWN_TIMEOUT_MS', 10000, 1),
    consoleEnabled: bool(env, 'CONSOLE_ENABLED', nodeEnv !== 'production'),
  };
}

function smtpUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = str(env, 'SMTP_URL');
  if (raw === undefined) return undefined;
  // The value may hold a password: the message names the rule, never the value.
  if (!/^smtps?:\/\/[^\s]+$/.test(raw))
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:password@host:587)');
  return raw;
}

function replicaUrls(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): string[] {
  const urls = list(str(env, 'DATABASE_REPLICA_URLS'));
  if (urls.length && !databaseUrl) throw new ConfigError('DATABASE_REPLICA_URLS needs DATABASE_URL (the primary they replicate)');
  for (const url of urls) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new ConfigError('DATABASE_REPLICA_URLS must be postgres:// URLs, separated by commas');
  }
  return urls;
}

function publicBaseUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.PUBLIC_BASE_URL || `http://localhost:${env.PORT || 3000}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new ConfigError(`PUBLIC_BASE_URL must be http or https, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

export const APP_CONFIG = Symbol('APP_CONFIG');
