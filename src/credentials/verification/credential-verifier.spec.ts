import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_GUARDED_HTTP_CONFIG, GuardedHttpClient } from '../../common/http/guarded-http-client.js';
import {
  achievementCredential,
  didDocumentOf,
  didKeyIssuer,
  didWebIssuer,
  ecdsaDidKeyIssuer,
  jwtCredential,
  signEcdsa,
  signedCredential,
  statusListCredential,
} from '../../../test/support/credential-factory.js';
import { importJWK } from 'jose';
import { signDataIntegrity, type SigningKey } from '../issuing/credential-signer.js';
import { BUNDLED_CONTEXTS } from './contexts.js';
import { CredentialVerifier, type VerificationResult } from './credential-verifier.js';
import { KeyDirectory, type KeySource } from './key-directory.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/ob3/${name}`, import.meta.url)), 'utf8');
const VECTOR = fixture('1edtech-ob3-eddsa-test-vector.json');
const VECTOR_ISSUER = 'https://example.edu/issuers/565049';
const VECTOR_KEY = 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';

/** Serves status lists and DID documents the way an issuer's website would. */
let server: Server;
let base: string;
const documents = new Map<string, unknown>();
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    const doc = documents.get(req.url ?? '');
    if (doc === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const registry = new Map<string, KeySource>([[VECTOR_ISSUER, { kind: 'MULTIKEY', publicKeyMultibase: VECTOR_KEY }]]);

/** Loopback is reachable only because this test says so; production configuration refuses it. */
function verifier(
  now = new Date('2026-06-01T00:00:00Z'),
  http = new GuardedHttpClient({
    ...DEFAULT_GUARDED_HTTP_CONFIG,
    allowedHosts: ['127.0.0.1'],
    allowPrivateAddresses: true,
    allowPlainHttp: true,
    cacheTtlMs: 0,
  }),
) {
  const fetchJson = (url: string, o?: { fresh?: boolean }) => http.getJson(url, o);
  const scheme = http.config.allowPlainHttp ? 'http' : 'https';
  return new CredentialVerifier(new KeyDirectory(fetchJson, (id) => registry.get(id), scheme), fetchJson, () => now);
}

const holder = { emails: ['ana.lopez@district.example'], dids: ['did:example:ana'] };
const failed = (r: VerificationResult) => r.failure && { step: r.failure.step, reason: r.failure.reason };

describe('credential verification', () => {
  it('verifies the 1EdTech Open Badges 3.0 eddsa-rdfc-2022 test vector with no network', async () => {
    const r = await verifier().verify(VECTOR, null);
    expect(r.failure).toBeUndefined();
    expect(r.verified?.issuerId).toBe(VECTOR_ISSUER);
    expect(r.report.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['PARSE', 'PASSED'],
      ['SHAPE', 'PASSED'],
      ['PROOF', 'PASSED'],
      ['VALIDITY', 'PASSED'],
      ['STATUS', 'PASSED'],
    ]);
    expect(requests).toBe(0);
  });

  it('bundles the published Open Badges 3.0.3 context unchanged', () => {
    expect(BUNDLED_CONTEXTS.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')).toEqual(
      JSON.parse(fixture('official-context-3.0.3.json')),
    );
  });

  it('fails the vector when one byte of the signed content changes', async () => {
    const altered = VECTOR.replace('Teamwork Badge', 'Teamwork Badgf');
    expect(altered).not.toBe(VECTOR);
    expect(failed(await verifier().verify(altered, null))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it('fails the vector when one byte of the proof value changes', async () => {
    const altered = VECTOR.replace('z5x9aCBYovW3', 'z5x9aCBYovW4');
    expect(failed(await verifier().verify(altered, null))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it('verifies a did:key credential bound to the educator by plain and by hashed e-mail, and by DID', async () => {
    const issuer = await didKeyIssuer();
    for (const options of [
      { email: 'Ana.Lopez@district.example' },
      { hashedEmail: { email: 'ana.lopez@district.example', salt: 'pepper' } },
      { subjectId: 'did:example:ana' },
    ]) {
      const r = await verifier().verify(await signedCredential(issuer, options), holder);
      expect(r.failure).toBeUndefined();
      expect(r.report.steps.at(-1)).toMatchObject({ step: 'RECIPIENT', outcome: 'PASSED' });
    }
  });

  it('verifies a VC 1.1 envelope with a Data Integrity proof', async () => {
    const issuer = await didKeyIssuer();
    const r = await verifier().verify(await signedCredential(issuer, { v1: true, email: holder.emails[0] }), holder);
    expect(r.failure).toBeUndefined();
  });

  it("refuses another educator's credential at recipient binding", async () => {
    const issuer = await didKeyIssuer();
    const r = await verifier().verify(await signedCredential(issuer, { email: 'someone.else@district.example' }), holder);
    expect(failed(r)).toEqual({ step: 'RECIPIENT', reason: 'RECIPIENT_MISMATCH' });
    const hashed = await verifier().verify(
      await signedCredential(issuer, { hashedEmail: { email: 'someone.else@district.example', salt: 's' } }),
      holder,
    );
    expect(failed(hashed)).toEqual({ step: 'RECIPIENT', reason: 'RECIPIENT_MISMATCH' });
  });

  it('names expiry and not-yet-valid at the validity step', async () => {
    const issuer = await didKeyIssuer();
    const expired = await signedCredential(issuer, { email: holder.emails[0], validUntil: '2025-01-01T00:00:00Z' });
    expect(failed(await verifier().verify(expired, holder))).toEqual({ step: 'VALIDITY', reason: 'EXPIRED' });
    const future = await signedCredential(issuer, { email: holder.emails[0], validFrom: '2027-01-01T00:00:00Z' });
    expect(failed(await verifier().verify(future, holder))).toEqual({ step: 'VALIDITY', reason: 'NOT_YET_VALID' });
  });

  it("reads revocation and suspension from the issuer's status lists itself (Bitstring and StatusList2021)", async () => {
    const issuer = await didKeyIssuer();
    documents.set('/revocation', await statusListCredential(issuer, `${base}/revocation`, 'revocation', [7]));
    documents.set('/suspension', await statusListCredential(issuer, `${base}/suspension`, 'suspension', [3]));
    documents.set('/sl2021', await statusListCredential(issuer, `${base}/sl2021`, 'revocation', [9], 'StatusList2021'));
    const entry = (purpose: 'revocation' | 'suspension', index: number) => ({ purpose, url: `${base}/${purpose}`, index });
    const v = verifier();

    const active = await v.verify(
      await signedCredential(issuer, { email: holder.emails[0], status: [entry('revocation', 8), entry('suspension', 4)] }),
      holder,
    );
    expect(active.failure).toBeUndefined();
    expect(active.verified?.status).toBe('ACTIVE');

    const revoked = await v.verify(await signedCredential(issuer, { email: holder.emails[0], status: [entry('revocation', 7)] }), holder);
    expect(failed(revoked)).toEqual({ step: 'STATUS', reason: 'REVOKED' });
    const suspended = await v.verify(await signedCredential(issuer, { email: holder.emails[0], status: [entry('suspension', 3)] }), holder);
    expect(failed(suspended)).toEqual({ step: 'STATUS', reason: 'SUSPENDED' });
    const revoked2021 = await v.verify(
      await signedCredential(issuer, {
        v1: true,
        email: holder.emails[0],
        status: [{ purpose: 'revocation', url: `${base}/sl2021`, index: 9, type: 'StatusList2021Entry' }],
      }),
      holder,
    );
    expect(failed(revoked2021)).toEqual({ step: 'STATUS', reason: 'REVOKED' });
  });

  it("refuses a status entry whose index lies outside the issuer's list, or is not a number", async () => {
    const issuer = await didKeyIssuer();
    documents.set('/short', await statusListCredential(issuer, `${base}/short`, 'revocation', []));
    const outside = await verifier().verify(
      await signedCredential(issuer, { email: holder.emails[0], status: [{ purpose: 'revocation', url: `${base}/short`, index: 131072 }] }),
      holder,
    );
    expect(failed(outside)).toEqual({ step: 'STATUS', reason: 'STATUS_INVALID' });
    const doc = JSON.parse(
      await signedCredential(issuer, { email: holder.emails[0], status: [{ purpose: 'revocation', url: `${base}/short`, index: 1 }] }),
    );
    const { proof: _proof, ...unsigned } = doc;
    const notNumber = await signDataIntegrity(
      { ...unsigned, credentialStatus: { ...doc.credentialStatus, statusListIndex: 'first' } },
      issuer,
    );
    expect(failed(await verifier().verify(JSON.stringify(notNumber), holder))).toEqual({ step: 'STATUS', reason: 'STATUS_INVALID' });
  });

  it('refuses a status list signed by someone other than the issuer', async () => {
    const issuer = await didKeyIssuer();
    const impostor = await didKeyIssuer();
    documents.set('/forged', await statusListCredential(impostor, `${base}/forged`, 'revocation', []));
    const r = await verifier().verify(
      await signedCredential(issuer, { email: holder.emails[0], status: [{ purpose: 'revocation', url: `${base}/forged`, index: 1 }] }),
      holder,
    );
    expect(failed(r)).toEqual({ step: 'STATUS', reason: 'STATUS_INVALID' });
  });

  it('reports status "unknown" (not verified) when the status list cannot be reached', async () => {
    const issuer = await didKeyIssuer();
    const r = await verifier().verify(
      await signedCredential(issuer, { email: holder.emails[0], status: [{ purpose: 'revocation', url: `${base}/gone`, index: 1 }] }),
      holder,
    );
    expect(failed(r)).toEqual({ step: 'STATUS', reason: 'STATUS_UNKNOWN' });
    expect(r.verified?.status).toBe('UNKNOWN');
    expect(r.report.steps.find((s) => s.step === 'STATUS')?.outcome).toBe('UNKNOWN');
    expect(r.report.steps.at(-1)).toMatchObject({ step: 'RECIPIENT', outcome: 'PASSED' });
  });

  it('refuses a document naming an unknown context before checking anything else', async () => {
    const issuer = await didKeyIssuer();
    const doc = achievementCredential(issuer, { email: holder.emails[0], extraContext: 'https://evil.example/context.json' });
    const before = requests;
    const r = await verifier().verify(
      JSON.stringify({
        ...doc,
        proof: {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-rdfc-2022',
          verificationMethod: issuer.id,
          proofPurpose: 'assertionMethod',
          proofValue: 'z1',
        },
      }),
      holder,
    );
    expect(failed(r)).toEqual({ step: 'SHAPE', reason: 'UNKNOWN_CONTEXT' });
    expect(requests).toBe(before);
  });

  it('refuses a property no bundled context defines (JSON-LD safe mode)', async () => {
    const issuer = await didKeyIssuer();
    const doc = { ...achievementCredential(issuer, { email: holder.emails[0] }), madeUpClaim: 'trust me' };
    const signedElsewhere = JSON.stringify({
      ...doc,
      proof: {
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        created: '2024-01-01T00:00:00Z',
        verificationMethod: issuer.id,
        proofPurpose: 'assertionMethod',
        proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiiNKDgvDrpSXrFCA',
      },
    });
    const r = await verifier().verify(signedElsewhere, holder);
    expect(failed(r)).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
    expect(r.report.steps.at(-1)?.detail).toMatch(/no bundled context defines/);
  });

  it('refuses a proof whose key belongs to someone other than the issuer', async () => {
    const issuer = await didKeyIssuer();
    const other = await didKeyIssuer();
    const doc = achievementCredential(issuer, { email: holder.emails[0] });
    const signed = await signDataIntegrity(doc, other);
    expect(failed(await verifier().verify(JSON.stringify(signed), holder))).toEqual({ step: 'PROOF', reason: 'ISSUER_MISMATCH' });
  });

  it('treats bad input as coded refusals at the parse step', async () => {
    const v = verifier();
    expect(failed(await v.verify('{"@context": [', holder))).toEqual({ step: 'PARSE', reason: 'MALFORMED' });
    expect(failed(await v.verify('x'.repeat(5 * 1024 * 1024), holder))).toEqual({ step: 'PARSE', reason: 'TOO_LARGE' });
    expect(failed(await v.verify('not a credential', holder))).toEqual({ step: 'PARSE', reason: 'MALFORMED' });
    expect(failed(await v.verify('{"name": "no proof"}', holder))).toEqual({ step: 'PARSE', reason: 'UNSUPPORTED_FORMAT' });
    expect(failed(await v.verify('{}', holder))).toEqual({ step: 'PARSE', reason: 'UNSUPPORTED_FORMAT' });
  });

  it('refuses a credential that is not an Open Badges 3.0 achievement credential', async () => {
    const issuer = await didKeyIssuer();
    const doc = achievementCredential(issuer, { email: holder.emails[0] });
    delete ((doc.credentialSubject as Record<string, unknown>).achievement as Record<string, unknown>).criteria;
    const signed = await signDataIntegrity(doc, issuer);
    expect(failed(await verifier().verify(JSON.stringify(signed), holder))).toEqual({ step: 'SHAPE', reason: 'SCHEMA_INVALID' });
  });
});

describe('VC-JWT verification', () => {
  it('verifies an EdDSA vc+jwt from a did:key issuer, and fails when one byte changes', async () => {
    const issuer = await didKeyIssuer();
    const jwt = await jwtCredential(issuer, { email: holder.emails[0] });
    const r = await verifier().verify(jwt, holder);
    expect(r.failure).toBeUndefined();
    expect(r.report.format).toBe('VC_JWT');
    const [h, p, s] = jwt.split('.');
    const flipped = `${h}.${p}.${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`;
    expect(failed(await verifier().verify(flipped, holder))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it("verifies ES256 and RS256 JWTs against an issuer's JWKS fetched through the guarded client", async () => {
    for (const alg of ['ES256', 'RS256'] as const) {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      const issuerId = `${base}/issuers/${alg}`;
      documents.set(`/jwks/${alg}`, { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig' }] });
      registry.set(issuerId, { kind: 'JWKS', jwksUrl: `${base}/jwks/${alg}` });
      const vc = achievementCredential({ controller: issuerId } as SigningKey, { email: holder.emails[0] });
      const jwt = await new SignJWT({ vc, iss: issuerId, jti: vc.id as string })
        .setProtectedHeader({ alg, kid: 'k1', typ: 'JWT' })
        .sign(privateKey);
      const r = await verifier().verify(jwt, holder);
      expect(r.failure).toBeUndefined();
    }
  });

  it('refuses alg "none" and HMAC algorithms, and a shared-secret key', async () => {
    const issuer = await didKeyIssuer();
    const payload = Buffer.from(JSON.stringify(achievementCredential(issuer, { email: holder.emails[0] }))).toString('base64url');
    const header = (alg: string) => Buffer.from(JSON.stringify({ alg, typ: 'vc+jwt', kid: issuer.id })).toString('base64url');
    expect(failed(await verifier().verify(`${header('none')}.${payload}.`, holder))).toEqual({
      step: 'PROOF',
      reason: 'ALGORITHM_REFUSED',
    });
    const hs = await new SignJWT(achievementCredential(issuer, { email: holder.emails[0] }))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new Uint8Array(32));
    expect(failed(await verifier().verify(hs, holder))).toEqual({ step: 'PROOF', reason: 'ALGORITHM_REFUSED' });

    const issuerId = `${base}/issuers/oct`;
    documents.set('/jwks/oct', { keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'k1' }] });
    registry.set(issuerId, { kind: 'JWKS', jwksUrl: `${base}/jwks/oct` });
    const { privateKey } = await generateKeyPair('ES256');
    const jwt = await new SignJWT({
      vc: achievementCredential({ controller: issuerId } as SigningKey, { email: holder.emails[0] }),
      iss: issuerId,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(privateKey);
    expect(failed(await verifier().verify(jwt, holder))).toEqual({ step: 'PROOF', reason: 'WRONG_KEY_TYPE' });
  });

  it('refuses an issuer key of the wrong type for the algorithm', async () => {
    const { publicKey } = await generateKeyPair('RS256');
    const { privateKey } = await generateKeyPair('ES256');
    const issuerId = `${base}/issuers/mismatch`;
    documents.set('/jwks/mismatch', { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] });
    registry.set(issuerId, { kind: 'JWKS', jwksUrl: `${base}/jwks/mismatch` });
    const jwt = await new SignJWT({
      vc: achievementCredential({ controller: issuerId } as SigningKey, { email: holder.emails[0] }),
      iss: issuerId,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(privateKey);
    expect(failed(await verifier().verify(jwt, holder))).toEqual({ step: 'PROOF', reason: 'WRONG_KEY_TYPE' });
  });
});

describe('weak and mismatched JWT keys', () => {
  it('refuses an RS256 JWT from an issuer whose RSA key is under 2048 bits, and an ES256 JWT verified by a P-384 key', async () => {
    const { generateKeyPairSync, sign } = await import('node:crypto');
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const issuerId = `${base}/issuers/weak`;
    documents.set('/jwks/weak', { keys: [{ ...weak.publicKey.export({ format: 'jwk' }), kid: 'k1' }] });
    registry.set(issuerId, { kind: 'JWKS', jwksUrl: `${base}/jwks/weak` });
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ vc: achievementCredential({ controller: issuerId } as SigningKey, { email: holder.emails[0] }), iss: issuerId }),
    ).toString('base64url');
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), weak.privateKey).toString('base64url');
    const r = await verifier().verify(`${header}.${payload}.${signature}`, holder);
    expect(failed(r)).toEqual({ step: 'PROOF', reason: 'WRONG_KEY_TYPE' });
    expect(r.report.steps.at(-1)?.detail).toMatch(/1024 bits/);

    const p384 = await generateKeyPair('ES384');
    const curveIssuer = `${base}/issuers/curve`;
    documents.set('/jwks/curve', { keys: [{ ...(await exportJWK(p384.publicKey)), kid: 'k1' }] });
    registry.set(curveIssuer, { kind: 'JWKS', jwksUrl: `${base}/jwks/curve` });
    const { privateKey } = await generateKeyPair('ES256');
    const jwt = await new SignJWT({
      vc: achievementCredential({ controller: curveIssuer } as SigningKey, { email: holder.emails[0] }),
      iss: curveIssuer,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(privateKey);
    expect(failed(await verifier().verify(jwt, holder))).toEqual({ step: 'PROOF', reason: 'WRONG_KEY_TYPE' });
  });
});

describe('did:web', () => {
  it('resolves a did:web issuer through the guarded client', async () => {
    const host = new URL(base).host;
    const issuer = await didWebIssuer(host);
    documents.set('/.well-known/did.json', didDocumentOf(issuer));
    const r = await verifier().verify(await signedCredential(issuer, { email: holder.emails[0] }), holder);
    expect(r.failure).toBeUndefined();
  });

  it('refuses a did:web that points at a private address when private addresses are not allowed', async () => {
    const issuer = await didWebIssuer('10.0.0.8');
    const strict = new GuardedHttpClient({ ...DEFAULT_GUARDED_HTTP_CONFIG, allowedHosts: ['10.0.0.8'] });
    const before = requests;
    const r = await verifier(undefined, strict).verify(await signedCredential(issuer, { email: holder.emails[0] }), holder);
    expect(failed(r)).toEqual({ step: 'PROOF', reason: 'KEY_UNAVAILABLE' });
    expect(r.report.steps.at(-1)?.detail).toMatch(/PRIVATE_ADDRESS/);
    expect(requests).toBe(before);
  });

  it('refuses a did:key that is not Ed25519 for an eddsa-rdfc-2022 proof', async () => {
    const issuer = await didKeyIssuer();
    const p256 = 'did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169';
    const doc = { ...achievementCredential(issuer, { email: holder.emails[0] }), issuer: { id: p256, type: ['Profile'], name: 'x' } };
    const signed = await signDataIntegrity(doc, {
      ...issuer,
      id: `${p256}#zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169`,
      controller: p256,
    });
    expect(failed(await verifier().verify(JSON.stringify(signed), holder))).toEqual({ step: 'PROOF', reason: 'WRONG_KEY_TYPE' });
  });
});

describe('ecdsa-rdfc-2019 (P-256 and P-384 keys)', () => {
  it('verifies a credential signed with ecdsa-rdfc-2019 by a P-256 did:key, and fails when one byte changes', async () => {
    const issuer = await ecdsaDidKeyIssuer('P-256');
    expect(issuer.publicKeyMultibase.startsWith('zDn')).toBe(true);
    const signed = await signEcdsa(achievementCredential(issuer, { email: holder.emails[0] }), issuer);
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019' });
    const text = JSON.stringify(signed);
    const r = await verifier().verify(text, holder);
    expect(r.failure).toBeUndefined();
    expect(r.report.steps.find((s) => s.step === 'PROOF')?.detail).toMatch(/^ecdsa-rdfc-2019 proof/);

    const altered = text.replace('AI in the Classroom Practitioner', 'AI in the Classroom Practitionex');
    expect(failed(await verifier().verify(altered, holder))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
    const proofValue = (signed.proof as { proofValue: string }).proofValue;
    const flipped = text.replace(proofValue, `${proofValue.slice(0, 10)}${proofValue[10] === 'A' ? 'B' : 'A'}${proofValue.slice(11)}`);
    expect(failed(await verifier().verify(flipped, holder))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it('verifies a P-384 did:key ecdsa-rdfc-2019 proof', async () => {
    const issuer = await ecdsaDidKeyIssuer('P-384');
    const signed = await signEcdsa(achievementCredential(issuer, { email: holder.emails[0] }), issuer);
    expect((await verifier().verify(JSON.stringify(signed), holder)).failure).toBeUndefined();
  });

  it('refuses a proof whose cryptosuite does not fit the key type, naming WRONG_KEY_TYPE', async () => {
    const p256 = await ecdsaDidKeyIssuer('P-256');
    const signed = await signEcdsa(achievementCredential(p256, { email: holder.emails[0] }), p256);
    const claimsEddsa = { ...signed, proof: { ...(signed.proof as object), cryptosuite: 'eddsa-rdfc-2022' } };
    expect(failed(await verifier().verify(JSON.stringify(claimsEddsa), holder))).toEqual({ step: 'PROOF', reason: 'WRONG_KEY_TYPE' });
    const ed = await didKeyIssuer();
    const edSigned = await signDataIntegrity(achievementCredential(ed, { email: holder.emails[0] }), ed);
    const claimsEcdsa = { ...edSigned, proof: { ...(edSigned.proof as object), cryptosuite: 'ecdsa-rdfc-2019' } };
    expect(failed(await verifier().verify(JSON.stringify(claimsEcdsa), holder))).toEqual({ step: 'PROOF', reason: 'WRONG_KEY_TYPE' });
  });

  it('verifies an ES256 VC-JWT whose kid is a P-256 did:key', async () => {
    const issuer = await ecdsaDidKeyIssuer('P-256');
    const { d, x, y } = await p256Jwk(issuer);
    const key = await importJWK({ kty: 'EC', crv: 'P-256', d, x, y }, 'ES256');
    const jwt = await new SignJWT(achievementCredential(issuer, { email: holder.emails[0] }))
      .setProtectedHeader({ alg: 'ES256', typ: 'vc+jwt', kid: issuer.id })
      .setIssuer(issuer.controller)
      .sign(key);
    expect((await verifier().verify(jwt, holder)).failure).toBeUndefined();
  });
});

/** The private JWK of a P-256 Multikey, for signing a test JWT. */
async function p256Jwk(key: SigningKey): Promise<{ d: string; x: string; y: string }> {
  const EcdsaMultikey = await import('@digitalbazaar/ecdsa-multikey');
  const pair = await EcdsaMultikey.from({ ...key, type: 'Multikey', '@context': 'https://w3id.org/security/multikey/v1' });
  return (await EcdsaMultikey.toJwk({ keyPair: pair, secretKey: true })) as { d: string; x: string; y: string };
}

describe('credentials from issuers no one here wrote', () => {
  it("checks a VC 1.1 envelope's issuanceDate and expirationDate at the validity step", async () => {
    const issuer = await didKeyIssuer();
    const expired = await signedCredential(issuer, { v1: true, email: holder.emails[0], validUntil: '2025-06-01T00:00:00Z' });
    expect(failed(await verifier().verify(expired, holder))).toEqual({ step: 'VALIDITY', reason: 'EXPIRED' });
    const early = await signedCredential(issuer, { v1: true, email: holder.emails[0], validFrom: '2026-12-01T00:00:00Z' });
    expect(failed(await verifier().verify(early, holder))).toEqual({ step: 'VALIDITY', reason: 'NOT_YET_VALID' });
    const garbled = await signedCredential(issuer, { v1: true, email: holder.emails[0], validFrom: 'last Tuesday' });
    expect(failed(await verifier().verify(garbled, holder))).toEqual({ step: 'SHAPE', reason: 'SCHEMA_INVALID' });
  });

  it('verifies the Open Badges 3.0 JWT form (a vc claim with iss, jti, nbf and exp), and applies its exp', async () => {
    const issuer = await didKeyIssuer();
    const vc = achievementCredential(issuer, { email: holder.emails[0] });
    const key = await edPrivateKey(issuer);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ vc, ...claims }).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: issuer.id }).sign(key);
    const ok = await verifier().verify(await sign({ iss: issuer.controller, jti: vc.id, nbf: 1704067200, exp: 1893456000 }), holder);
    expect(ok.failure).toBeUndefined();
    expect(ok.verified?.window.validUntil?.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    const lapsed = await verifier().verify(await sign({ iss: issuer.controller, exp: 1735689600 }), holder);
    expect(failed(lapsed)).toEqual({ step: 'VALIDITY', reason: 'EXPIRED' });
    const otherId = await verifier().verify(
      await sign({ iss: issuer.controller, jti: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
      holder,
    );
    expect(failed(otherId)).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it('refuses a JWT whose exp is not a number, or whose sub is not the credential subject', async () => {
    const issuer = await didKeyIssuer();
    const vc = achievementCredential(issuer, { subjectId: 'did:example:ana' });
    const key = await edPrivateKey(issuer);
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ vc, iss: issuer.controller, ...claims }).setProtectedHeader({ alg: 'EdDSA', kid: issuer.id }).sign(key);
    expect(failed(await verifier().verify(await sign({ exp: '2020-01-01' }), holder))).toEqual({ step: 'PARSE', reason: 'MALFORMED' });
    expect(failed(await verifier().verify(await sign({ sub: 'did:example:someone-else' }), holder))).toEqual({
      step: 'PROOF',
      reason: 'PROOF_INVALID',
    });
    expect((await verifier().verify(await sign({ sub: 'did:example:ana' }), holder)).failure).toBeUndefined();
  });

  it("refuses a JWT whose iss is not the credential's issuer, even when the signature is good", async () => {
    const issuer = await didKeyIssuer();
    const other = await didKeyIssuer();
    const vc = achievementCredential(issuer, { email: holder.emails[0] });
    const jwt = await new SignJWT({ vc, iss: other.controller })
      .setProtectedHeader({ alg: 'EdDSA', kid: other.id })
      .sign(await edPrivateKey(other));
    expect(failed(await verifier().verify(jwt, holder))).toEqual({ step: 'PROOF', reason: 'ISSUER_MISMATCH' });
    // Signed by another key but claiming the issuer: the kid is not the issuer's.
    const forged = await new SignJWT({ vc, iss: issuer.controller })
      .setProtectedHeader({ alg: 'EdDSA', kid: other.id })
      .sign(await edPrivateKey(other));
    expect(failed(await verifier().verify(forged, holder))).toEqual({ step: 'PROOF', reason: 'ISSUER_MISMATCH' });
  });

  it("refuses duplicate proofs, a proof set with a stranger's proof, too many proofs and a wrong proof purpose", async () => {
    const issuer = await didKeyIssuer();
    const signed = await signDataIntegrity(achievementCredential(issuer, { email: holder.emails[0] }), issuer);
    const twice = { ...signed, proof: [signed.proof, signed.proof] };
    expect(failed(await verifier().verify(JSON.stringify(twice), holder))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
    const stranger = await didKeyIssuer();
    const { proof: strangerProof } = await signDataIntegrity(achievementCredential(issuer, { email: holder.emails[0] }), stranger);
    const mixed = { ...signed, proof: [signed.proof, strangerProof] };
    expect(failed(await verifier().verify(JSON.stringify(mixed), holder))?.step).toBe('PROOF');
    const many = { ...signed, proof: Array.from({ length: 5 }, (_, i) => ({ ...(signed.proof as object), proofValue: `z${i}` })) };
    expect(failed(await verifier().verify(JSON.stringify(many), holder))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
    const authentication = { ...signed, proof: { ...(signed.proof as object), proofPurpose: 'authentication' } };
    expect(failed(await verifier().verify(JSON.stringify(authentication), holder))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it("refuses a proof by a key the issuer's DID document does not declare", async () => {
    const host = new URL(base).host;
    const issuer = await didWebIssuer(host);
    documents.set('/.well-known/did.json', didDocumentOf(issuer));
    const impostorKey = await didKeyIssuer();
    const undeclared = { ...impostorKey, id: `${issuer.controller}#key-2`, controller: issuer.controller };
    const signed = await signDataIntegrity(achievementCredential(issuer, { email: holder.emails[0] }), undeclared);
    const r = await verifier().verify(JSON.stringify(signed), holder);
    expect(failed(r)).toEqual({ step: 'PROOF', reason: 'KEY_UNAVAILABLE' });
    expect(r.report.steps.at(-1)?.detail).toMatch(/does not declare the key/);
    // The declared key id with another key's signature fails the signature itself.
    const swapped = await signDataIntegrity(achievementCredential(issuer, { email: holder.emails[0] }), {
      ...impostorKey,
      id: issuer.id,
      controller: issuer.controller,
    });
    expect(failed(await verifier().verify(JSON.stringify(swapped), holder))).toEqual({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it("refuses a did:web issuer whose document is another DID's, or missing", async () => {
    const host = new URL(base).host;
    const issuer = await didWebIssuer(host);
    documents.set('/.well-known/did.json', { ...didDocumentOf(issuer), id: 'did:web:elsewhere.example' });
    expect(failed(await verifier().verify(await signedCredential(issuer, { email: holder.emails[0] }), holder))).toEqual({
      step: 'PROOF',
      reason: 'KEY_UNAVAILABLE',
    });
    documents.delete('/.well-known/did.json');
    expect(failed(await verifier().verify(await signedCredential(issuer, { email: holder.emails[0] }), holder))).toEqual({
      step: 'PROOF',
      reason: 'KEY_UNAVAILABLE',
    });
  });

  it('refuses deep nesting at the parse step without recursing into it', async () => {
    const deep = `{"proof": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(failed(await verifier().verify(deep, holder))).toEqual({ step: 'PARSE', reason: 'MALFORMED' });
    const issuer = await didKeyIssuer();
    const nested: Record<string, unknown> = achievementCredential(issuer, { email: holder.emails[0] });
    let node = nested.credentialSubject as Record<string, unknown>;
    for (let i = 0; i < 40; i++) node = (node.extra = {}) as Record<string, unknown>;
    expect(failed(await verifier().verify(JSON.stringify({ ...nested, proof: {} }), holder))).toEqual({
      step: 'PARSE',
      reason: 'MALFORMED',
    });
    const header = Buffer.from('{"alg":"EdDSA"}').toString('base64url');
    const payload = Buffer.from(`{"vc":${'{"a":'.repeat(50)}1${'}'.repeat(50)}}`).toString('base64url');
    expect(failed(await verifier().verify(`${header}.${payload}.c2ln`, holder))).toEqual({ step: 'PARSE', reason: 'MALFORMED' });
  });

  it('refuses a JSON array, a JWT payload that is not an object, and a credential without an issuer, each with its step', async () => {
    const v = verifier();
    expect(failed(await v.verify('[{"proof": {}}]', holder))).toEqual({ step: 'PARSE', reason: 'MALFORMED' });
    const header = Buffer.from('{"alg":"EdDSA"}').toString('base64url');
    expect(failed(await v.verify(`${header}.${Buffer.from('[1]').toString('base64url')}.c2ln`, holder))).toEqual({
      step: 'PARSE',
      reason: 'MALFORMED',
    });
    const issuer = await didKeyIssuer();
    const { issuer: _issuer, ...anonymous } = await signDataIntegrity(achievementCredential(issuer, { email: holder.emails[0] }), issuer);
    expect(failed(await v.verify(JSON.stringify(anonymous), holder))).toEqual({ step: 'SHAPE', reason: 'SCHEMA_INVALID' });
  });
});

async function edPrivateKey(key: SigningKey) {
  const seed = base58(key.secretKeyMultibase.slice(1)).slice(2, 34);
  const x = base58(key.publicKeyMultibase.slice(1)).slice(2);
  return importJWK(
    { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: Buffer.from(x).toString('base64url') },
    'EdDSA',
  );
}

function base58(text: string): Uint8Array {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = 0n;
  for (const ch of text) n = n * 58n + BigInt(alphabet.indexOf(ch));
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 255n));
    n >>= 8n;
  }
  return Uint8Array.from(bytes);
}
