import { ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('refuses to start in production without a signing secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });

  it('refuses a short secret in any mode', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('accepts a long secret in production', () => {
    const secret = 'x'.repeat(48);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DATABASE_URL: 'postgres://db/pathways' });
    expect(config.jwtSecret).toBe(secret);
    expect(config.seedDemo).toBe(false);
  });

  it('uses the embedded database and the demo district when DATABASE_URL is unset', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
  });

  it('rejects malformed numbers and half-configured single sign-on', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_AUDIENCE/);
  });
});

describe('outbound HTTP configuration', () => {
  it('allows no host, no private address and no plain http by default', () => {
    const { outboundHttp } = loadConfig({});
    expect(outboundHttp.allowedHosts).toEqual([]);
    expect(outboundHttp.allowPrivateAddresses).toBe(false);
    expect(outboundHttp.allowPlainHttp).toBe(false);
  });

  it('reads the allow-list and limits, and refuses an entry that is a URL', () => {
    const { outboundHttp } = loadConfig({
      OUTBOUND_HTTP_ALLOWED_HOSTS: 'Badges.Example.org, *.issuer.example',
      OUTBOUND_HTTP_MAX_BYTES: '2048',
      OUTBOUND_HTTP_CACHE_TTL_SECONDS: '0',
    });
    expect(outboundHttp.allowedHosts).toEqual(['badges.example.org', '*.issuer.example']);
    expect(outboundHttp.maxResponseBytes).toBe(2048);
    expect(outboundHttp.cacheTtlMs).toBe(0);
    expect(() => loadConfig({ OUTBOUND_HTTP_ALLOWED_HOSTS: 'https://example.org/x' })).toThrow(/OUTBOUND_HTTP_ALLOWED_HOSTS/);
  });
});
