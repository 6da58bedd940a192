import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { GuardedHttpConfig } from '../../config/outbound-http.config.js';

// The client's limits are configuration, so their shape lives in config/ (imports run common -> config only).
export { DEFAULT_GUARDED_HTTP_CONFIG, type GuardedHttpConfig } from '../../config/outbound-http.config.js';

export type OutboundHttpErrorCode =
  | 'BAD_URL'
  | 'HOST_NOT_ALLOWED'
  | 'PRIVATE_ADDRESS'
  | 'DNS_FAILED'
  | 'CONNECT_TIMEOUT'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'REDIRECT_REFUSED'
  | 'BAD_STATUS'
  | 'NOT_JSON'
  | 'NETWORK';

export class OutboundHttpError extends Error {
  constructor(
    readonly code: OutboundHttpErrorCode,
    message: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'OutboundHttpError';
  }
}

export interface GuardedResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

export interface GuardedRequestOptions {
  accept?: string;
  /** Skip the cache for this call (a scheduled re-check wants the current answer). */
  fresh?: boolean;
  /** A larger (or smaller) body limit for this call than the configured one, e.g. a CASE package. */
  maxBytes?: number;
}

export type HostResolver = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

/** Address ranges that are not the public internet (RFC 6890 special-purpose registries, IPv4 and IPv6). */
function nonPublicRanges(): BlockList {
  const list = new BlockList();
  const v4: Array<[string, number]> = [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.88.99.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4],
    ['240.0.0.0', 4],
  ];
  for (const [net, prefix] of v4) list.addSubnet(net, prefix, 'ipv4');
  const v6: Array<[string, number]> = [
    ['::', 128],
    ['::1', 128],
    ['64:ff9b:1::', 48],
    ['100::', 64],
    ['2001::', 23],
    ['2001:db8::', 32],
    ['fc00::', 7],
    ['fe80::', 10],
    ['fec0::', 10],
    ['ff00::', 8],
  ];
  for (const [net, prefix] of v6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

const NON_PUBLIC = nonPublicRanges();

/** True when the address is outside the public internet. IPv4-mapped and NAT64 IPv6 forms are judged as IPv4. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return NON_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return true;
  const lower = address.toLowerCase();
  const mapped = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return NON_PUBLIC.check(mapped[1], 'ipv4');
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (mappedHex) {
    const hi = parseInt(mappedHex[1], 16);
    const lo = parseInt(mappedHex[2], 16);
    return NON_PUBLIC.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return NON_PUBLIC.check(address, 'ipv6');
}

export function hostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return allowedHosts.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
    return host === p;
  });
}

const defaultResolver: HostResolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

interface CacheEntry {
  expiresAt: number;
  response: GuardedResponse;
}

/**
 * The one way Pathways calls out to the network (did:web documents, JWKS, status lists, CASE providers).
 * Every call is checked against a host allow-list, connects only to public addresses (checked after DNS resolution,
 * on the address actually dialled, so a rebinding answer cannot slip through), is bounded in time and size, and
 * re-checks every redirect hop. Successful answers are cached briefly so a burst of verifications costs one fetch.
 */
export class GuardedHttpClient {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    readonly config: GuardedHttpConfig,
    private readonly resolver: HostResolver = defaultResolver,
    private readonly now: () => number = Date.now,
  ) {}

  /** GET a URL and parse its body as JSON; any status other than 200 is an error. */
  async getJson(url: string, options: GuardedRequestOptions = {}): Promise<unknown> {
    const response = await this.get(url, { accept: 'application/json', ...options });
    if (response.status !== 200) {
      throw new OutboundHttpError('BAD_STATUS', `${url} answered HTTP ${response.status}`, url);
    }
    try {
      return JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new OutboundHttpError('NOT_JSON', `${url} did not answer with JSON`, url);
    }
  }

  /** GET a URL, following at most `maxRedirects` redirects, each re-checked like the first request. */
  async get(url: string, options: GuardedRequestOptions = {}): Promise<GuardedResponse> {
    const cacheKey = `${options.accept ?? ''} ${url}`;
    if (!options.fresh) {
      const hit = this.cache.get(cacheKey);
      if (hit && hit.expiresAt > this.now()) return hit.response;
      if (hit) this.cache.delete(cacheKey);
    }
    const deadline = this.now() + this.config.totalTimeoutMs;
    let current = url;
    for (let hop = 0; ; hop++) {
      const response = await this.fetchOnce(current, options.accept, deadline, options.maxBytes ?? this.config.maxResponseBytes);
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        if (hop >= this.config.maxRedirects) {
          throw new OutboundHttpError('REDIRECT_REFUSED', `${url} redirected more than ${this.config.maxRedirects} times`, url);
        }
        current = new URL(location, current).toString();
        continue;
      }
      if (response.status === 200) this.remember(cacheKey, response);
      return response;
    }
  }

  clearCache(): void {
    this.cache.clear();
  }

  private remember(key: string, response: GuardedResponse): void {
    if (this.config.cacheTtlMs <= 0 || this.config.cacheMaxEntries <= 0) return;
    this.cache.delete(key);
    while (this.cache.size >= this.config.cacheMaxEntries) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    this.cache.set(key, { expiresAt: this.now() + this.config.cacheTtlMs, response });
  }

  /** Parse and check a URL against scheme and allow-list rules before any network activity. */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundHttpError('BAD_URL', `"${raw.slice(0, 200)}" is not a URL`, raw);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && this.config.allowPlainHttp)) {
      throw new OutboundHttpError('BAD_URL', `${url.protocol} URLs are not allowed (use https)`, raw);
    }
    if (url.username || url.password) {
      throw new OutboundHttpError('BAD_URL', 'URLs with credentials are not allowed', raw);
    }
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (!hostAllowed(hostname, this.config.allowedHosts)) {
      throw new OutboundHttpError('HOST_NOT_ALLOWED', `${hostname} is not in the outbound allow-list`, raw);
    }
    if (isIP(hostname) && !this.config.allowPrivateAddresses && isNonPublicAddress(hostname)) {
      throw new OutboundHttpError('PRIVATE_ADDRESS', `${hostname} is not a public address`, raw);
    }
    return url;
  }

  private async resolvePublic(url: string, hostname: string): Promise<Array<{ address: string; family: number }>> {
    let addresses: Array<{ address: string; family: number }>;
    try {
      addresses = await this.resolver(hostname);
    } catch {
      throw new OutboundHttpError('DNS_FAILED', `${hostname} could not be resolved`, url);
    }
    if (addresses.length === 0) throw new OutboundHttpError('DNS_FAILED', `${hostname} has no address`, url);
    if (!this.config.allowPrivateAddresses && addresses.some((a) => isNonPublicAddress(a.address))) {
      throw new OutboundHttpError('PRIVATE_ADDRESS', `${hostname} resolves to a non-public address`, url);
    }
    return addresses;
  }

  private async fetchOnce(raw: string, accept: string | undefined, deadline: number, maxBytes: number): Promise<GuardedResponse> {
    const url = this.checkUrl(raw);
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(hostname) ? [{ address: hostname, family: isIP(hostname) }] : await this.resolvePublic(raw, hostname);
    const remaining = deadline - this.now();
    if (remaining <= 0) throw new OutboundHttpError('TIMEOUT', `${raw} took longer than ${this.config.totalTimeoutMs} ms`, raw);
    // The socket dials exactly the addresses checked above: no second DNS answer is consulted.
    const lookup: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      } else {
        callback(null, addresses[0].address, addresses[0].family);
      }
    };
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<GuardedResponse>((resolve, reject) => {
      let settled = false;
      const fail = (error: OutboundHttpError) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        request.destroy();
        reject(error);
      };
      const request = transport.request(url, {
        method: 'GET',
        agent: false,
        lookup,
        servername: isIP(hostname) ? undefined : hostname,
        headers: { accept: accept ?? '*/*', 'user-agent': 'Pathways' },
      });
      const totalTimer = setTimeout(
        () => fail(new OutboundHttpError('TIMEOUT', `${raw} took longer than ${this.config.totalTimeoutMs} ms`, raw)),
        remaining,
      );
      const connectTimer = setTimeout(
        () =>
          fail(
            new OutboundHttpError('CONNECT_TIMEOUT', `${raw} did not accept a connection within ${this.config.connectTimeoutMs} ms`, raw),
          ),
        Math.min(this.config.connectTimeoutMs, remaining),
      );
      request.on('socket', (socket) => {
        if (!socket.connecting) clearTimeout(connectTimer);
        else socket.once('connect', () => clearTimeout(connectTimer));
      });
      request.on('error', (err) =>
        fail(
          new OutboundHttpError('NETWORK', `${raw} could not be fetched (${(err as NodeJS.ErrnoException).code ?? 'network error'})`, raw),
        ),
      );
      request.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const declared = Number(response.headers['content-length'] ?? NaN);
        if (declared > maxBytes) {
          fail(new OutboundHttpError('TOO_LARGE', `${raw} is larger than ${maxBytes} bytes`, raw));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(new OutboundHttpError('TOO_LARGE', `${raw} is larger than ${maxBytes} bytes`, raw));
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', () => fail(new OutboundHttpError('NETWORK', `${raw} was cut off`, raw)));
        response.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(totalTimer);
          clearTimeout(connectTimer);
          resolve({ status, headers: response.headers, body: Buffer.concat(chunks), url: url.toString() });
        });
      });
      request.end();
    });
  }
}
