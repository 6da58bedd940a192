import { randomUUID } from 'node:crypto';
import { achievementCredential, didKeyIssuer, signEcdsa, ecdsaDidKeyIssuer } from '../../../test/support/credential-factory.js';
import { signDataIntegrity } from '../issuing/credential-signer.js';
import { CredentialVerifier } from '../verification/credential-verifier.js';
import { KeyDirectory } from '../verification/key-directory.js';
import { buildClrCredential, clrContents } from './clr.js';

const offline = () => {
  const fetchJson = async (url: string) => {
    throw new Error(`no network in this test: ${url}`);
  };
  return new CredentialVerifier(new KeyDirectory(fetchJson, () => undefined), fetchJson, () => new Date('2026-06-01T00:00:00Z'));
};

describe('Comprehensive Learner Record 2.0', () => {
  it('signs a ClrCredential holding verified credentials that a separate verifier accepts, and refuses after one byte changes', async () => {
    const district = await didKeyIssuer();
    const vendor = await ecdsaDidKeyIssuer();
    const ownCredential = await signDataIntegrity(achievementCredential(district, { email: 'ana@district.example' }), district);
    const vendorCredential = await signEcdsa(achievementCredential(vendor, { email: 'ana@district.example' }), vendor);
    const { included, omitted } = clrContents([
      { source: 'ISSUED', sourceId: 'a', format: 'DATA_INTEGRITY', document: ownCredential, verified: true },
      { source: 'IMPORTED', sourceId: 'b', format: 'DATA_INTEGRITY', document: JSON.stringify(vendorCredential), verified: true },
      { source: 'IMPORTED', sourceId: 'c', format: 'VC_JWT', document: 'a.b.c', verified: true },
      {
        source: 'IMPORTED',
        sourceId: 'd',
        format: 'DATA_INTEGRITY',
        document: JSON.stringify(achievementCredential(vendor, { v1: true })),
        verified: true,
      },
      { source: 'IMPORTED', sourceId: 'e', format: 'DATA_INTEGRITY', document: '{}', verified: false },
    ]);
    expect(included).toHaveLength(2);
    expect(omitted).toEqual([
      { source: 'IMPORTED', sourceId: 'c', reason: 'JWT_ONLY' },
      { source: 'IMPORTED', sourceId: 'd', reason: 'VC_1_1_ENVELOPE' },
      { source: 'IMPORTED', sourceId: 'e', reason: 'NOT_VERIFIED' },
    ]);
    const clr = await signDataIntegrity(
      buildClrCredential({
        id: `urn:uuid:${randomUUID()}`,
        issuer: { did: district.controller, name: 'Lakeside USD', url: 'https://pathways.lakeside.example' },
        learner: { fullName: 'Ana Lopez', email: 'ana@district.example' },
        credentials: included,
        issuedAt: new Date('2026-05-01T00:00:00Z'),
      }),
      district,
    );
    const text = JSON.stringify(clr);
    const r = await offline().verifyClr(text);
    expect(r.failure).toBeUndefined();
    expect(r.issuerId).toBe(district.controller);
    expect(r.credentials.map((c) => c.verified?.issuerId)).toEqual([district.controller, vendor.controller]);

    const altered = text.replace('Comprehensive Learner Record of Ana Lopez', 'Comprehensive Learner Record of Ana Lopex');
    expect(altered).not.toBe(text);
    expect((await offline().verifyClr(altered)).failure).toMatchObject({ step: 'PROOF', reason: 'PROOF_INVALID' });
  });

  it('holds at most 100 credentials, listing the rest as left out', () => {
    const doc = { '@context': ['https://www.w3.org/ns/credentials/v2'], id: 'urn:x' };
    const many = Array.from({ length: 102 }, (_, i) => ({
      source: 'ISSUED' as const,
      sourceId: String(i),
      format: 'DATA_INTEGRITY' as const,
      document: doc,
      verified: true,
    }));
    const { included, omitted } = clrContents(many);
    expect(included).toHaveLength(100);
    expect(omitted).toEqual([
      { source: 'ISSUED', sourceId: '100', reason: 'OVER_LIMIT' },
      { source: 'ISSUED', sourceId: '101', reason: 'OVER_LIMIT' },
    ]);
  });
});
