import { createHash, randomUUID } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { importJWK, SignJWT } from 'jose';
import jsigs from 'jsonld-signatures';
import { signDataIntegrity, signVcJwt, type SigningKey } from '../../src/credentials/issuing/credential-signer.js';
import { encodeStatusList, statusListWith } from '../../src/credentials/domain/status-list.js';
import { BUNDLED_CONTEXTS } from '../../src/credentials/verification/contexts.js';

/** An issuer no one in Pathways controls: a fresh did:key, as a badge platform would have. */
export async function didKeyIssuer(): Promise<SigningKey> {
  const pair = await Ed25519Multikey.generate();
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  const did = `did:key:${exported.publicKeyMultibase}`;
  return {
    id: `${did}#${exported.publicKeyMultibase}`,
    controller: did,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}

/** An issuer whose DID is did:web on `host` (its DID document is served by the test). */
export async function didWebIssuer(host: string): Promise<SigningKey> {
  const did = `did:web:${encodeURIComponent(host)}`;
  const pair = await Ed25519Multikey.generate();
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  return {
    id: `${did}#key-1`,
    controller: did,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}

export function didDocumentOf(key: SigningKey): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: key.controller,
    verificationMethod: [{ id: key.id, type: 'Multikey', controller: key.controller, publicKeyMultibase: key.publicKeyMultibase }],
    assertionMethod: [key.id],
  };
}

export const sha256Email = (email: string, salt: string) =>
  `sha256$${createHash('sha256')
    .update(email + salt)
    .digest('hex')}`;

export interface CredentialOptions {
  email?: string;
  hashedEmail?: { email: string; salt: string };
  subjectId?: string;
  validFrom?: string;
  validUntil?: string;
  achievementId?: string;
  achievementType?: string;
  alignmentUrl?: string;
  status?: Array<{
    purpose: 'revocation' | 'suspension';
    url: string;
    index: number;
    type?: 'BitstringStatusListEntry' | 'StatusList2021Entry';
  }>;
  extraContext?: string;
  v1?: boolean;
}

/** An unsigned Open Badges 3.0 AchievementCredential from `issuer` to a recipient. */
export function achievementCredential(issuer: SigningKey, options: CredentialOptions = {}): Record<string, unknown> {
  const identifier = options.email
    ? [{ type: 'IdentityObject', identityHash: options.email, identityType: 'emailAddress', hashed: false }]
    : options.hashedEmail
      ? [
          {
            type: 'IdentityObject',
            identityHash: sha256Email(options.hashedEmail.email, options.hashedEmail.salt),
            identityType: 'emailAddress',
            hashed: true,
            salt: options.hashedEmail.salt,
          },
        ]
      : undefined;
  const status = options.status?.map((s) => ({
    id: `${s.url}#${s.index}`,
    type: s.type ?? 'BitstringStatusListEntry',
    statusPurpose: s.purpose,
    statusListIndex: String(s.index),
    statusListCredential: s.url,
  }));
  const context = options.v1
    ? [
        'https://www.w3.org/2018/credentials/v1',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        'https://w3id.org/security/data-integrity/v2',
      ]
    : ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
  if (options.extraContext) context.push(options.extraContext);
  if (options.status?.some((s) => s.type === 'StatusList2021Entry')) context.push('https://w3id.org/vc/status-list/2021/v1');
  return {
    '@context': context,
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'AchievementCredential'],
    issuer: { id: issuer.controller, type: ['Profile'], name: 'Example Learning Co' },
    name: 'AI in the Classroom Practitioner',
    ...(options.v1
      ? { issuanceDate: options.validFrom ?? '2024-01-01T00:00:00Z', ...(options.validUntil ? { expirationDate: options.validUntil } : {}) }
      : { validFrom: options.validFrom ?? '2024-01-01T00:00:00Z', ...(options.validUntil ? { validUntil: options.validUntil } : {}) }),
    credentialSubject: {
      ...(options.subjectId ? { id: options.subjectId } : {}),
      type: ['AchievementSubject'],
      ...(identifier ? { identifier } : {}),
      achievement: {
        id: options.achievementId ?? 'https://learning.example/achievements/ai-practitioner',
        type: ['Achievement'],
        name: 'AI in the Classroom Practitioner',
        description: 'Designs and evaluates classroom uses of generative AI.',
        criteria: { narrative: 'Completed a 30-hour practicum with a reviewed classroom pilot.' },
        ...(options.achievementType ? { achievementType: options.achievementType } : {}),
        ...(options.alignmentUrl
          ? { alignment: [{ type: ['Alignment'], targetName: 'Evaluates AI tools', targetUrl: options.alignmentUrl }] }
          : {}),
      },
    },
    ...(status ? { credentialStatus: status.length === 1 ? status[0] : status } : {}),
  };
}

export async function signedCredential(issuer: SigningKey, options: CredentialOptions = {}): Promise<string> {
  return JSON.stringify(await signDataIntegrity(achievementCredential(issuer, options), issuer));
}

export async function jwtCredential(issuer: SigningKey, options: CredentialOptions = {}): Promise<string> {
  return signVcJwt(achievementCredential(issuer, options), issuer);
}

/** A signed status list credential (Bitstring Status List, or StatusList2021 for the VC 1.1 form). */
export async function statusListCredential(
  issuer: SigningKey,
  url: string,
  purpose: 'revocation' | 'suspension',
  setBits: number[],
  kind: 'Bitstring' | 'StatusList2021' = 'Bitstring',
): Promise<Record<string, unknown>> {
  const bits = statusListWith(setBits);
  const doc =
    kind === 'Bitstring'
      ? {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id: url,
          type: ['VerifiableCredential', 'BitstringStatusListCredential'],
          issuer: issuer.controller,
          validFrom: '2024-01-01T00:00:00Z',
          credentialSubject: {
            id: `${url}#list`,
            type: 'BitstringStatusList',
            statusPurpose: purpose,
            encodedList: encodeStatusList(bits, true),
          },
        }
      : {
          '@context': [
            'https://www.w3.org/2018/credentials/v1',
            'https://w3id.org/vc/status-list/2021/v1',
            'https://w3id.org/security/data-integrity/v2',
          ],
          id: url,
          type: ['VerifiableCredential', 'StatusList2021Credential'],
          issuer: issuer.controller,
          issuanceDate: '2024-01-01T00:00:00Z',
          credentialSubject: {
            id: `${url}#list`,
            type: 'StatusList2021',
            statusPurpose: purpose,
            encodedList: encodeStatusList(bits, false),
          },
        };
  return signDataIntegrity(doc, issuer);
}

/** An issuer with a P-256 did:key, signing with ecdsa-rdfc-2019 (and ES256 for JWTs). */
export async function ecdsaDidKeyIssuer(curve: 'P-256' | 'P-384' = 'P-256'): Promise<SigningKey> {
  const pair = await EcdsaMultikey.generate({ curve });
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  const did = `did:key:${exported.publicKeyMultibase}`;
  return {
    id: `${did}#${exported.publicKeyMultibase}`,
    controller: did,
    publicKeyMultibase: exported.publicKeyMultibase,
    secretKeyMultibase: exported.secretKeyMultibase,
  };
}

/** Adds an ecdsa-rdfc-2019 Data Integrity proof made with a P-256 or P-384 `key` (bundled contexts only). */
export async function signEcdsa<T extends object>(document: T, key: SigningKey): Promise<T & { proof: object }> {
  const pair = await EcdsaMultikey.from({ ...key, type: 'Multikey', '@context': 'https://w3id.org/security/multikey/v1' });
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite: ecdsaRdfc2019 });
  return (await jsigs.sign(structuredClone(document), {
    suite,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader: async (url: string) => {
      const context = BUNDLED_CONTEXTS.get(url);
      if (!context) throw new Error(`${url} is not bundled`);
      return { contextUrl: null, documentUrl: url, document: context };
    },
  })) as T & { proof: object };
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(text: string): Uint8Array {
  let n = 0n;
  for (const ch of text) n = n * 58n + BigInt(BASE58.indexOf(ch));
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 255n));
    n >>= 8n;
  }
  return Uint8Array.from(bytes);
}

/** A compact JWT with any payload and header, signed (EdDSA) with an Ed25519 `key`: for JWTs an issuer got wrong. */
export async function signJwtAs(key: SigningKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const seed = base58(key.secretKeyMultibase.slice(1)).slice(2, 34);
  const x = base58(key.publicKeyMultibase.slice(1)).slice(2);
  const privateKey = await importJWK(
    { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: Buffer.from(x).toString('base64url') },
    'EdDSA',
  );
  return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: key.id, ...header }).sign(privateKey);
}
