import { readFileSync } from 'node:fs';
import { ConfigError, DEV_SECRET, loadConfig } from './app-config.js';

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

  it('counts an empty variable as unset, everywhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '' })).toThrow(/JWT_SECRET must be set/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '   ' })).toThrow(/JWT_SECRET must be set/);
    const config = loadConfig({
      NODE_ENV: '',
      PORT: '',
      DATABASE_URL: '',
      JWT_SECRET: '',
      OIDC_ISSUER: '',
      EMBEDDED_PG_DIR: '',
      CORS_ORIGINS: '',
      TRUSTED_PROXIES: '',
    });
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      databaseUrl: undefined,
      jwtSecret: '',
      oidc: undefined,
      embeddedPgDir: '.data/pg',
      corsOrigins: [],
      trustedProxies: [],
    });
  });

  it('boots from the .env.example recipe as committed (every value empty or a default)', () => {
    const env: Record<string, string> = {};
    for (const line of readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').split('\n')) {
      const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (m) env[m[1]] = m[2];
    }
    expect(env).toHaveProperty('JWT_SECRET', '');
    const config = loadConfig(env);
    expect(config.jwtSecret).toBe('');
    expect(config.databaseUrl).toBeUndefined();
  });

  it('refuses the public development secret unless the service listens on loopback only', () => {
    expect(() => loadConfig({ JWT_SECRET: DEV_SECRET })).toThrow(/public development secret/);
    expect(() => loadConfig({ JWT_SECRET: DEV_SECRET, HOST: '0.0.0.0' })).toThrow(/loopback/);
    expect(() => loadConfig({ JWT_SECRET: DEV_SECRET, HOST: '::' })).toThrow(/loopback/);
    expect(loadConfig({ JWT_SECRET: DEV_SECRET, HOST: '127.0.0.1' }).jwtSecret).toBe(DEV_SECRET);
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(() => loadConfig({ NODE_ENV: 'test', HOST: '0.0.0.0' })).toThrow(/loopback/);
  });

  it('never falls back to the development secret outside tests', () => {
    expect(loadConfig({}).jwtSecret).toBe('');
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).jwtSecret).toBe('');
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
