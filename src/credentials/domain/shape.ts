import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { VerificationFailure } from './report.js';

// ajv and ajv-formats are CommonJS; loading them through require keeps their classes intact under native ESM.
const require = createRequire(import.meta.url);
const Ajv2019 = require('ajv/dist/2019.js') as new (options: Record<string, unknown>) => { compile(schema: object): ValidateFunction };
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

const uri = { type: 'string', format: 'uri' };
const dateTime = { type: 'string', format: 'date-time' };
const typeContaining = (name: string) => ({
  oneOf: [{ const: name }, { type: 'array', items: { type: 'string' }, contains: { const: name } }],
});

/**
 * The Open Badges 3.0 AchievementCredential (alias OpenBadgeCredential) data model's required shape, as JSON Schema:
 * a VC 1.1 or 2.0 envelope, an issuer Profile, one AchievementSubject with its Achievement (id, type, name,
 * description, criteria), and well-formed dates, status entries and proofs. Unknown extra properties are allowed, as
 * the specification allows extensions; JSON-LD safe mode then refuses any property no bundled context defines.
 */
export const OB3_CREDENTIAL_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  type: 'object',
  required: ['@context', 'id', 'type', 'issuer', 'credentialSubject', 'name'],
  properties: {
    '@context': {
      type: 'array',
      minItems: 2,
      items: [{ enum: ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/2018/credentials/v1'] }],
    },
    id: uri,
    type: {
      type: 'array',
      items: { type: 'string' },
      allOf: [
        { contains: { const: 'VerifiableCredential' } },
        { anyOf: [{ contains: { const: 'OpenBadgeCredential' } }, { contains: { const: 'AchievementCredential' } }] },
      ],
    },
    name: { type: 'string', minLength: 1 },
    issuer: {
      oneOf: [
        uri,
        { type: 'object', required: ['id', 'type'], properties: { id: uri, type: typeContaining('Profile'), name: { type: 'string' } } },
      ],
    },
    validFrom: dateTime,
    validUntil: dateTime,
    issuanceDate: dateTime,
    expirationDate: dateTime,
    credentialSubject: {
      type: 'object',
      required: ['achievement'],
      properties: {
        id: uri,
        type: typeContaining('AchievementSubject'),
        identifier: {
          type: 'array',
          items: {
            type: 'object',
            required: ['identityHash', 'identityType', 'hashed'],
            properties: { identityHash: { type: 'string' }, identityType: { type: 'string' }, hashed: { type: 'boolean' }, salt: { type: 'string' } },
          },
        },
        achievement: {
          type: 'object',
          required: ['id', 'type', 'name', 'description', 'criteria'],
          properties: {
            id: uri,
            type: typeContaining('Achievement'),
            name: { type: 'string', minLength: 1 },
            description: { type: 'string' },
            achievementType: { type: 'string' },
            criteria: { type: 'object', anyOf: [{ required: ['id'] }, { required: ['narrative'] }] },
            alignment: {
              type: 'array',
              items: { type: 'object', required: ['targetName', 'targetUrl'], properties: { targetUrl: uri, targetName: { type: 'string' } } },
            },
          },
        },
      },
    },
    credentialStatus: {
      oneOf: [
        { $ref: '#/$defs/status' },
        { type: 'array', items: { $ref: '#/$defs/status' } },
      ],
    },
    proof: {
      oneOf: [{ $ref: '#/$defs/proof' }, { type: 'array', minItems: 1, items: { $ref: '#/$defs/proof' } }],
    },
  },
  anyOf: [{ required: ['validFrom'] }, { required: ['issuanceDate'] }],
  $defs: {
    status: { type: 'object', required: ['type'], properties: { id: uri, type: { type: 'string' } } },
    proof: {
      type: 'object',
      required: ['type', 'verificationMethod', 'proofPurpose'],
      properties: { type: { type: 'string' }, verificationMethod: { type: 'string' }, proofPurpose: { type: 'string' } },
    },
  },
};

const ajv = new Ajv2019({ allErrors: false, strict: false });
addFormats(ajv);
const validate = ajv.compile(OB3_CREDENTIAL_SCHEMA);

function explain(error: ErrorObject | undefined): string {
  if (!error) return 'The credential does not match the Open Badges 3.0 data model';
  const at = error.instancePath ? error.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'the credential';
  return `${at} ${error.message ?? 'is invalid'} (Open Badges 3.0 data model)`;
}

/** The credential is an Open Badges 3.0 achievement credential in a VC 1.1 or 2.0 envelope, or a failure names why. */
export function checkShape(credential: unknown): void {
  if (!validate(credential)) throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', explain(validate.errors?.[0]));
}
