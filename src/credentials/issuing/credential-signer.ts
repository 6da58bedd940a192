import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { importJWK, SignJWT } from 'jose';
import jsigs from 'jsonld-signatures';
import { BUNDLED_CONTEXTS } from '../verification/contexts.js';
import { decodeMultikey } from '../verification/key-directory.js';

export interface SigningKey {
  /** The verification method id, `<issuer DID>#key-1`. */
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

export async function generateSigningKey(controller: string, id: string): Promise<SigningKey> {
  const pair = await Ed25519Multikey.generate({ controller, id });
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  return { id, controller, publicKeyMultibase: exported.publicKeyMultibase, secretKeyMultibase: exported.secretKeyMultibase };
}

const staticLoader = async (url: string) => {
  const document = BUNDLED_CONTEXTS.get(url);
  if (!document) throw new Error(`Signing refers to ${url}, which is not a bundled context`);
  return { contextUrl: null, documentUrl: url, document };
};

/** Adds an eddsa-rdfc-2022 Data Integrity proof made with `key` (offline: bundled contexts only). */
export async function signDataIntegrity<T extends object>(
  credential: T,
  key: SigningKey,
  created = new Date(),
): Promise<T & { proof: object }> {
  const pair = await Ed25519Multikey.from({ ...key, type: 'Multikey', '@context': 'https://w3id.org/security/multikey/v1' });
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite: eddsaRdfc2022, date: created });
  return (await jsigs.sign(structuredClone(credential), {
    suite,
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader: staticLoader,
  })) as T & { proof: object };
}

/** The same credential as a VC-JWT (`vc+jwt`, VC 2.0: the payload is the credential), signed with EdDSA. */
export async function signVcJwt(credential: Record<string, unknown>, key: SigningKey): Promise<string> {
  const secret = decodeSecretMultikey(key.secretKeyMultibase);
  const publicKey = decodeMultikey(key.publicKeyMultibase);
  const jwk = { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(secret).toString('base64url'), x: Buffer.from(publicKey).toString('base64url') };
  const privateKey = await importJWK(jwk, 'EdDSA');
  const { proof: _proof, ...payload } = credential;
  const issuer = typeof payload.issuer === 'string' ? payload.issuer : (payload.issuer as { id: string }).id;
  return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: key.id }).setIssuer(issuer).sign(privateKey);
}

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** The 32-byte seed inside an Ed25519 secret Multikey (multicodec 0x8026). */
function decodeSecretMultikey(multibase: string): Uint8Array {
  let n = 0n;
  for (const ch of multibase.slice(1)) n = n * 58n + BigInt(ALPHABET.indexOf(ch));
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 255n));
    n >>= 8n;
  }
  if (bytes[0] !== 0x80 || bytes[1] !== 0x26) throw new Error('not an Ed25519 secret Multikey');
  return Uint8Array.from(bytes.slice(2, 34));
}
