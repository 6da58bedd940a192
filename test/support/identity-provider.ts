import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';

export const OIDC_ISSUER = 'https://login.district.example/tenant';
export const OIDC_AUDIENCE = 'pathways-api-client';
const KID = 'district-1';

export type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface TokenOptions {
  /** Sign with another key (default: the provider's own). */
  key?: SigningKey;
  sub?: string;
  aud?: string;
  iss?: string;
  exp?: number | string;
}

/** A district identity provider for sign-in tests: a JWKS endpoint on loopback and the key behind it. */
export interface TestIdentityProvider {
  /** The OIDC_* settings that point the application at this provider (spread into startTestApp's env). */
  env: Record<string, string>;
  key: SigningKey;
  /** An identity token carrying `claims`, valid for ten minutes unless `opts` says otherwise. */
  idToken(claims: Record<string, unknown>, opts?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URL: `http://127.0.0.1:${port}/keys` },
    key: privateKey,
    idToken: (claims, opts = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: KID })
        .setIssuer(opts.iss ?? OIDC_ISSUER)
        .setAudience(opts.aud ?? OIDC_AUDIENCE)
        .setSubject(opts.sub ?? 'idp-subject-1')
        .setIssuedAt()
        .setExpirationTime(opts.exp ?? '10m')
        .sign(opts.key ?? privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A key the provider never published: tokens it signs must be refused. */
export async function strangerKey(): Promise<SigningKey> {
  return (await generateKeyPair('RS256')).privateKey;
}
