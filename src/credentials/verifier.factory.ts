import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GuardedHttpClient } from '../common/http/guarded-http-client.js';
import { TrustedIssuerEntity } from './entities/trusted-issuer.entity.js';
import { CredentialVerifier } from './verification/credential-verifier.js';
import { KeyDirectory, type KeySource } from './verification/key-directory.js';

export function keySourceOf(issuer: TrustedIssuerEntity): KeySource {
  if (issuer.keySource === 'JWKS') return { kind: 'JWKS', jwksUrl: issuer.jwksUrl! };
  if (issuer.keySource === 'MULTIKEY') return { kind: 'MULTIKEY', publicKeyMultibase: issuer.publicKeyMultibase! };
  return { kind: 'DID' };
}

/** A verifier wired to the current trusted-issuer registry and the one guarded outbound client. */
@Injectable()
export class VerifierFactory {
  constructor(
    private readonly db: DataSource,
    private readonly http: GuardedHttpClient,
  ) {}

  async create(now: () => Date = () => new Date()): Promise<{ verifier: CredentialVerifier; registry: Map<string, TrustedIssuerEntity> }> {
    const issuers = await this.db.getRepository(TrustedIssuerEntity).find();
    const registry = new Map(issuers.map((i) => [i.issuerId, i]));
    const fetchJson = (url: string, options?: { fresh?: boolean }) => this.http.getJson(url, options);
    // did:web is https; only a deployment that allows plain http outbound (a test or a local demo) resolves it over http.
    const didWebScheme = this.http.config.allowPlainHttp ? 'http' : 'https';
    const keys = new KeyDirectory(
      fetchJson,
      (id) => {
        const entry = registry.get(id);
        return entry ? keySourceOf(entry) : undefined;
      },
      didWebScheme,
    );
    return { verifier: new CredentialVerifier(keys, fetchJson, now), registry };
  }
}
