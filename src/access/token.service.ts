import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify, createRemoteJWKSet, type JWTPayload } from 'jose';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const LOCAL_ISSUER = 'pathways';
const LOCAL_AUDIENCE = 'pathways-api';

export type VerifiedToken =
  { source: 'local'; accountId: string; tokenVersion: number } | { source: 'oidc'; email: string; sessionKey: string };

/** Issues short-lived access tokens for local accounts and verifies local or district-IdP tokens. */
@Injectable()
export class TokenService {
  /** Imported once: given raw bytes, jose would import the key again on every sign and verify. */
  private readonly key: KeyObject;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /**
   * Local tokens already verified, by their exact text (a client sends the same token with every request until it
   * expires): the signature, issuer and audience of identical text verify the same way every time, so only the expiry
   * is checked again. Failures are never kept. What the token may do is still decided per request from the account
   * (disabled, token version), as before. Bounded; the oldest entries go first.
   */
  private readonly verified = new Map<string, { accountId: string; tokenVersion: number; exp: number }>();
  private static readonly MAX_VERIFIED = 10_000;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    if (config.oidc) this.jwks = createRemoteJWKSet(new URL(config.oidc.jwksUrl));
  }

  /** `tokenVersion` is the account's current one: bumping it on the account ends every token issued before. */
  async issue(accountId: string, tokenVersion = 0): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
    const token = await new SignJWT({ tv: tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(accountId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Throws when the token is not valid by signature, issuer, audience or expiry. */
  async verify(token: string): Promise<VerifiedToken> {
    const header = decodeHeader(token);
    if (header?.alg === 'HS256') {
      const known = this.verified.get(token);
      // jose refuses a token once now >= exp (no clock tolerance); the same test here.
      if (known && Math.floor(Date.now() / 1000) < known.exp)
        return { source: 'local', accountId: known.accountId, tokenVersion: known.tokenVersion };
      if (known) this.verified.delete(token);
      const { payload } = await jwtVerify(token, this.key, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      const tv = payload.tv ?? 0;
      if (!Number.isInteger(tv)) throw new Error('the token version is malformed');
      if (this.verified.size >= TokenService.MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { accountId: payload.sub as string, tokenVersion: tv as number, exp: payload.exp! });
      return { source: 'local', accountId: payload.sub as string, tokenVersion: tv as number };
    }
    if (!this.jwks || !this.config.oidc) throw new Error('single sign-on is not configured');
    const { payload } = await jwtVerify(token, this.jwks, {
      issuer: this.config.oidc.issuer,
      audience: this.config.oidc.audience,
      algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256', 'EdDSA'],
      requiredClaims: ['exp'],
    });
    // An address the identity provider has not verified could belong to anyone; refuse rather than trust it.
    if (payload.email_verified === false || payload.email_verified === 'false') throw new Error('the identity token email is not verified');
    const email = emailOf(payload);
    if (!email) throw new Error('the identity token carries no email');
    return { source: 'oidc', email, sessionKey: `${payload.iss}|${payload.sub ?? email}|${payload.sid ?? payload.iat ?? ''}` };
  }
}

function decodeHeader(token: string): { alg?: string } | undefined {
  try {
    return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Google puts the address in `email`; Entra ID in `email`, `preferred_username` or `upn`. */
function emailOf(payload: JWTPayload): string | undefined {
  for (const claim of ['email', 'preferred_username', 'upn']) {
    const v = payload[claim];
    if (typeof v === 'string' && v.includes('@')) return v.toLowerCase();
  }
  return undefined;
}
