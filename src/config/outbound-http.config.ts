/**
 * The limits of the guarded outbound HTTP client (common/http/guarded-http-client.ts). The shape lives with the
 * configuration so config imports nothing from common; common imports config, never the other way round.
 */
export interface GuardedHttpConfig {
  /** Hostnames that may be called: exact (`example.org`) or a subdomain wildcard (`*.example.org`). Empty: none. */
  allowedHosts: string[];
  /** Allow loopback, private, link-local and other non-public addresses (tests, or a CASE server on the LAN). */
  allowPrivateAddresses: boolean;
  /** Allow `http:` URLs; `https:` is always allowed. */
  allowPlainHttp: boolean;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  /** 0 refuses every redirect. */
  maxRedirects: number;
  /** 0 turns the cache off. */
  cacheTtlMs: number;
  cacheMaxEntries: number;
}

export const DEFAULT_GUARDED_HTTP_CONFIG: GuardedHttpConfig = {
  allowedHosts: [],
  allowPrivateAddresses: false,
  allowPlainHttp: false,
  connectTimeoutMs: 3000,
  totalTimeoutMs: 10000,
  maxResponseBytes: 1024 * 1024,
  maxRedirects: 3,
  cacheTtlMs: 5 * 60 * 1000,
  cacheMaxEntries: 500,
};
