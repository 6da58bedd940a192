import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { driver as didKeyDriver } from '@digitalbazaar/did-method-key';
import { importJWK, type JWK } from 'jose';
import { OutboundHttpError } from '../../common/http/guarded-http-client.js';
import { VerificationFailure } from '../domain/report.js';
import { DID_V1, MULTIKEY_V1 } from './contexts.js';

/** How an issuer's keys are found, as HR records it in the trusted-issuer registry. */
export type KeySource = { kind: 'DID' } | { kind: 'JWKS'; jwksUrl: string } | { kind: 'MULTIKEY'; publicKeyMultibase: string };

export type FetchJson = (url: string, options?: { fresh?: boolean }) => Promise<unknown>;

type Doc = Record<string, unknown>;
export type VerifyKey = Awaited<ReturnType<typeof importJWK>>;

const didKey = didKeyDriver();
didKey.use({ multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from as (k: Record<string, unknown>) => Promise<unknown> });
// P-256 and P-384 did:keys, for ecdsa-rdfc-2019 proofs and ES256/ES384 JWTs.
didKey.use({ multibaseMultikeyHeader: 'zDna', fromMultibase: EcdsaMultikey.from as (k: Record<string, unknown>) => Promise<unknown> });
didKey.use({ multibaseMultikeyHeader: 'z82L', fromMultibase: EcdsaMultikey.from as (k: Record<string, unknown>) => Promise<unknown> });

/** The kind of public key a verification method holds, as far as Pathways can use it. */
export type KeyKind = 'Ed25519' | 'P-256' | 'P-384' | 'OTHER';

export function keyKindOf(vm: Record<string, unknown>): KeyKind {
  const multibase = vm.publicKeyMultibase;
  if (typeof multibase !== 'string') return 'OTHER';
  if ((vm.type === 'Multikey' || vm.type === 'Ed25519VerificationKey2020') && multibase.startsWith('z6Mk')) return 'Ed25519';
  if (vm.type === 'Multikey' && multibase.startsWith('zDn')) return 'P-256';
  if (vm.type === 'Multikey' && multibase.startsWith('z82')) return 'P-384';
  return 'OTHER';
}

/** Which key kinds each Data Integrity cryptosuite Pathways verifies can be checked with. */
export const CRYPTOSUITE_KEYS: Readonly<Record<string, readonly KeyKind[]>> = {
  'eddsa-rdfc-2022': ['Ed25519'],
  'ecdsa-rdfc-2019': ['P-256', 'P-384'],
};

/** did:web:example.org:issuers:1 -> https://example.org/issuers/1/did.json (port written as %3A in the DID). */
export function didWebUrl(did: string, scheme: 'https' | 'http' = 'https'): string {
  const parts = did.slice('did:web:'.length).split(':');
  if (!parts[0]) throw new VerificationFailure('PROOF', 'KEY_UNAVAILABLE', `${did} is not a did:web DID`);
  const host = decodeURIComponent(parts[0]);
  if (/[/?#@\s]/.test(host)) throw new VerificationFailure('PROOF', 'KEY_UNAVAILABLE', `${did} has an invalid host`);
  const path = parts.slice(1).map(decodeURIComponent);
  return path.length ? `${scheme}://${host}/${path.join('/')}/did.json` : `${scheme}://${host}/.well-known/did.json`;
}

function isEd25519Key(vm: Doc): boolean {
  return keyKindOf(vm) === 'Ed25519';
}

function splitUrl(url: string): { base: string; fragment: string | null } {
  const i = url.indexOf('#');
  return i < 0 ? { base: url, fragment: null } : { base: url.slice(0, i), fragment: url.slice(i + 1) };
}

function verificationMethods(doc: Doc): Doc[] {
  const list = Array.isArray(doc.verificationMethod) ? doc.verificationMethod : [];
  const asserted = Array.isArray(doc.assertionMethod) ? doc.assertionMethod.filter((m): m is Doc => !!m && typeof m === 'object') : [];
  return [...list, ...asserted] as Doc[];
}

function absolute(id: unknown, base: string): string {
  return typeof id === 'string' && id.startsWith('#') ? `${base}${id}` : String(id);
}

const outboundFailure = (error: unknown, what: string): VerificationFailure => {
  if (error instanceof VerificationFailure) return error;
  const detail = error instanceof OutboundHttpError ? `${error.code}: ${error.message}` : 'it could not be retrieved';
  return new VerificationFailure('PROOF', 'KEY_UNAVAILABLE', `The issuer's key (${what}) could not be obtained: ${detail}`);
};

/**
 * Finds issuers' keys: did:key locally, did:web and JWKS through the guarded HTTP client, and keys HR recorded in
 * the registry for issuers identified by a plain URL. Nothing else is ever fetched.
 */
export class KeyDirectory {
  constructor(
    private readonly fetchJson: FetchJson,
    /** Registry entries by issuer id. */
    private readonly sources: (issuerId: string) => KeySource | undefined,
    private readonly didWebScheme: 'https' | 'http' = 'https',
  ) {}

  /** A DID document or controller document, with every verification method's id made absolute. */
  async controllerDocument(id: string): Promise<Doc> {
    if (id.startsWith('did:key:')) {
      try {
        return await didKey.get({ did: id });
      } catch {
        throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', `${id} is not an Ed25519, P-256 or P-384 did:key`);
      }
    }
    if (id.startsWith('did:web:')) {
      const url = didWebUrl(id, this.didWebScheme);
      let doc: Doc;
      try {
        doc = (await this.fetchJson(url)) as Doc;
      } catch (error) {
        throw outboundFailure(error, url);
      }
      if (!doc || typeof doc !== 'object' || doc.id !== id) {
        throw new VerificationFailure('PROOF', 'KEY_UNAVAILABLE', `The DID document at ${url} is not the document of ${id}`);
      }
      return doc;
    }
    if (id.startsWith('did:'))
      throw new VerificationFailure('PROOF', 'KEY_UNAVAILABLE', `DID method of ${id} is not supported (did:key and did:web are)`);
    const source = this.sources(id);
    if (source?.kind === 'MULTIKEY') {
      const vm = {
        id: `${id}#${source.publicKeyMultibase}`,
        type: 'Multikey',
        controller: id,
        publicKeyMultibase: source.publicKeyMultibase,
      };
      return { '@context': [DID_V1, MULTIKEY_V1], id, verificationMethod: [vm], assertionMethod: [vm.id] };
    }
    let doc: Doc;
    try {
      doc = (await this.fetchJson(id)) as Doc;
    } catch (error) {
      throw outboundFailure(error, id);
    }
    if (!doc || typeof doc !== 'object' || doc.id !== id)
      throw new VerificationFailure('PROOF', 'KEY_UNAVAILABLE', `${id} did not answer with its own profile`);
    return doc;
  }

  /** The verification method `url` (a DID URL or URL#fragment), declared by its controller's document. */
  async verificationMethod(url: string): Promise<{ method: Doc; controller: Doc }> {
    const { base } = splitUrl(url);
    const controller = await this.controllerDocument(base);
    const method = verificationMethods(controller).find((m) => absolute(m.id, base) === url);
    if (!method) throw new VerificationFailure('PROOF', 'KEY_UNAVAILABLE', `${base} does not declare the key ${url}`);
    return { method: { ...method, id: url, controller: absolute(method.controller ?? base, base) }, controller };
  }

  /** The JSON-LD document jsonld-signatures asks for while checking a Data Integrity proof. */
  async dataIntegrityDocument(url: string): Promise<Doc> {
    const { base, fragment } = splitUrl(url);
    if (fragment === null) {
      const controller = await this.controllerDocument(base);
      const methods = verificationMethods(controller).map((m) => absolute(m.id, base));
      const assertion = (Array.isArray(controller.assertionMethod) ? controller.assertionMethod : []).map((m) =>
        typeof m === 'string' ? absolute(m, base) : absolute((m as Doc).id, base),
      );
      return {
        '@context': [DID_V1, MULTIKEY_V1],
        id: base,
        verificationMethod: verificationMethods(controller).map((m) => ({
          ...m,
          id: absolute(m.id, base),
          controller: absolute(m.controller ?? base, base),
        })),
        assertionMethod: assertion.length ? assertion : methods,
      };
    }
    const { method } = await this.verificationMethod(url);
    if (keyKindOf(method) === 'OTHER') {
      throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', `The key ${url} is not an Ed25519, P-256 or P-384 Multikey`);
    }
    return {
      '@context': MULTIKEY_V1,
      id: url,
      type: 'Multikey',
      controller: method.controller,
      publicKeyMultibase: method.publicKeyMultibase,
    };
  }

  /** The public key that must have signed a VC-JWT from `issuerId` with header `kid` and `alg`. */
  async jwtKey(issuerId: string, kid: string | undefined, alg: string): Promise<VerifyKey> {
    const source = this.sources(issuerId);
    let jwk: JWK | undefined;
    if (source?.kind === 'JWKS') {
      let set: { keys?: JWK[] };
      try {
        set = (await this.fetchJson(source.jwksUrl)) as { keys?: JWK[] };
      } catch (error) {
        throw outboundFailure(error, source.jwksUrl);
      }
      const keys = Array.isArray(set?.keys) ? set.keys : [];
      const candidates = keys.filter((k) => (kid ? k.kid === kid : true) && (!k.use || k.use === 'sig'));
      if (candidates.length !== 1) {
        throw new VerificationFailure(
          'PROOF',
          'KEY_UNAVAILABLE',
          kid ? `The issuer's key set has no key "${kid}"` : 'The JWT names no key (kid) and the issuer publishes several',
        );
      }
      jwk = candidates[0];
    } else {
      const keyId = kid ? (kid.startsWith('#') ? `${issuerId}${kid}` : kid) : undefined;
      if (!keyId || !keyId.startsWith(`${issuerId}#`)) {
        throw new VerificationFailure('PROOF', 'ISSUER_MISMATCH', `The JWT key id must be a key of the issuer ${issuerId}`);
      }
      const { method } = await this.verificationMethod(keyId);
      if (method.publicKeyJwk && typeof method.publicKeyJwk === 'object') {
        jwk = method.publicKeyJwk as JWK;
      } else if (isEd25519Key(method)) {
        const raw = Buffer.from(decodeMultikey(String(method.publicKeyMultibase)));
        jwk = { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') };
      } else if (keyKindOf(method) === 'P-256' || keyKindOf(method) === 'P-384') {
        try {
          const pair = await EcdsaMultikey.from({ ...method, '@context': MULTIKEY_V1, type: 'Multikey' });
          jwk = (await EcdsaMultikey.toJwk({ keyPair: pair })) as JWK;
        } catch {
          throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', `The key ${keyId} is not a valid ECDSA Multikey`);
        }
      } else {
        throw new VerificationFailure(
          'PROOF',
          'WRONG_KEY_TYPE',
          `The key ${keyId} is neither a JWK nor an Ed25519, P-256 or P-384 Multikey`,
        );
      }
    }
    return importIssuerJwk(jwk, alg);
  }
}

/** The 32 raw bytes of an Ed25519 Multikey (multibase base58btc, multicodec 0xed01). */
export function decodeMultikey(multibase: string): Uint8Array {
  const bytes = base58Decode(multibase.slice(1));
  if (bytes[0] !== 0xed || bytes[1] !== 0x01 || bytes.length !== 34) throw new Error('not an Ed25519 public Multikey');
  return bytes.slice(2);
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58Decode(text: string): Uint8Array {
  let n = 0n;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('not base58');
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 255n));
    n >>= 8n;
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

const KEY_TYPE_FOR: Record<string, string> = { RS: 'RSA', PS: 'RSA', ES: 'EC', Ed: 'OKP' };

/** Imports an issuer's JWK for `alg`, refusing symmetric and mismatched keys (jose refuses RSA under 2048 bits). */
export async function importIssuerJwk(jwk: JWK, alg: string): Promise<VerifyKey> {
  if (!jwk || typeof jwk !== 'object' || jwk.kty === 'oct')
    throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', 'The issuer key is a shared secret, not a public key');
  if (jwk.d !== undefined)
    throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', 'The issuer published a private key; it cannot be trusted');
  if (KEY_TYPE_FOR[alg.slice(0, 2)] !== jwk.kty)
    throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', `A ${jwk.kty} key cannot verify ${alg}`);
  if (jwk.kty === 'RSA') {
    const bits = typeof jwk.n === 'string' ? Buffer.from(jwk.n, 'base64url').length * 8 : 0;
    if (bits < 2048)
      throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', `The issuer's RSA key has ${bits} bits; 2048 or more are required`);
  }
  try {
    return await importJWK(jwk, alg);
  } catch (error) {
    throw new VerificationFailure('PROOF', 'WRONG_KEY_TYPE', `The issuer key does not fit ${alg}: ${(error as Error).message}`);
  }
}
