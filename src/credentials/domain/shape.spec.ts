import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkShape, OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA } from './shape.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/ob3/${name}`, import.meta.url)), 'utf8');
const VECTOR = JSON.parse(fixture('1edtech-ob3-eddsa-test-vector.json')) as Record<string, unknown>;

const reasonOf = (doc: unknown) => {
  try {
    checkShape(doc);
    return 'PASSED';
  } catch (error) {
    return `${(error as { reason: string }).reason}: ${(error as Error).message}`;
  }
};

describe('shape: the official 1EdTech Open Badges 3.0 JSON schema', () => {
  it('is the published 2019-09 AchievementCredential schema', () => {
    expect(OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA.$id).toBe(
      'https://purl.imsglobal.org/spec/ob/v3p0/schema/json-ld/ob_v3p0_achievementcredential_schema.json',
    );
    expect(OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA.$schema).toBe('https://json-schema.org/draft/2019-09/schema#');
  });

  it('accepts the 1EdTech test vector, whose lone proof the schema reads as a one-element set', () => {
    expect(Array.isArray(VECTOR.proof)).toBe(false);
    expect(reasonOf(VECTOR)).toBe('PASSED');
  });

  it('reads a VC 1.1 envelope as its VC 2.0 equivalent', () => {
    const { validFrom, ...rest } = VECTOR;
    const v1 = {
      ...rest,
      '@context': ['https://www.w3.org/2018/credentials/v1', ...(VECTOR['@context'] as string[]).slice(1)],
      issuanceDate: validFrom,
    };
    expect(reasonOf(v1)).toBe('PASSED');
    expect(reasonOf({ ...v1, issuanceDate: 'yesterday' })).toMatch(/^SCHEMA_INVALID: validFrom must match format "date-time"/);
  });

  it('names the first property the schema refuses', () => {
    const subject = VECTOR.credentialSubject as Record<string, unknown>;
    const achievement = subject.achievement as Record<string, unknown>;
    const { criteria: _criteria, ...noCriteria } = achievement;
    expect(reasonOf({ ...VECTOR, credentialSubject: { ...subject, achievement: noCriteria } })).toMatch(
      /^SCHEMA_INVALID: credentialSubject.achievement must have required property 'criteria'/,
    );
    expect(reasonOf({ ...VECTOR, type: ['VerifiableCredential'] })).toMatch(/^SCHEMA_INVALID: type/);
    expect(reasonOf({ ...VECTOR, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://example.org/other.json'] })).toMatch(
      /^SCHEMA_INVALID: @context/,
    );
    const { validFrom: _v, ...undated } = VECTOR;
    expect(reasonOf(undated)).toMatch(/^SCHEMA_INVALID: .*validFrom/);
    expect(reasonOf([VECTOR])).toMatch(/^SCHEMA_INVALID/);
  });

  it('checks each of several status entries as a CredentialStatus', () => {
    const entry = {
      id: 'https://issuer.example/status/1#3',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '3',
      statusListCredential: 'https://issuer.example/status/1',
    };
    expect(reasonOf({ ...VECTOR, credentialStatus: [entry, { ...entry, statusPurpose: 'suspension' }] })).toBe('PASSED');
    expect(reasonOf({ ...VECTOR, credentialStatus: [entry, { type: 'BitstringStatusListEntry' }] })).toMatch(
      /^SCHEMA_INVALID: credentialStatus.1 must have required property 'id'/,
    );
  });

  it('checks an EndorsementCredential against the endorsement class, and says it is not an achievement', () => {
    const endorsement = {
      '@context': VECTOR['@context'],
      id: 'urn:uuid:0f9b1e3c-1d55-4a53-9c2d-7e4b0b0f7e11',
      type: ['VerifiableCredential', 'EndorsementCredential'],
      name: 'Endorsement of the Teamwork Badge',
      issuer: { id: 'https://state.example/issuer', type: ['Profile'] },
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: 'https://example.edu/achievements/1', type: ['EndorsementSubject'], endorsementComment: 'Good' },
    };
    expect(reasonOf(endorsement)).toMatch(/^SCHEMA_INVALID: This is an EndorsementCredential/);
    expect(reasonOf({ ...endorsement, credentialSubject: { type: ['EndorsementSubject'] } })).toMatch(
      /^SCHEMA_INVALID: credentialSubject must have required property 'id' \(Open Badges 3.0 EndorsementCredential schema\)/,
    );
  });
});
