import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { VerificationFailure } from './report.js';

// ajv and ajv-formats are CommonJS; loading them through require keeps their classes intact under native ESM.
// The schema is the 1EdTech file, vendored unchanged (see ../schemas/README.md for its source and licence).
const require = createRequire(import.meta.url);
const Ajv2019 = require('ajv/dist/2019.js') as new (options: Record<string, unknown>) => {
  addSchema(schema: object): unknown;
  compile(schema: object): ValidateFunction;
};
const addFormats = require('ajv-formats') as (ajv: unknown) => void;

export const OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA = require('../schemas/ob_v3p0_achievementcredential_schema.json') as {
  $id: string;
} & Record<string, unknown>;

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

const ajv = new Ajv2019({ allErrors: false, strict: false });
addFormats(ajv);
ajv.addSchema(OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA);
const validateAchievement = ajv.compile({ $ref: OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA.$id });
/** The EndorsementCredential class of the same official model (the definition the endorsement schema is generated from). */
const validateEndorsement = ajv.compile({ $ref: `${OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA.$id}#/$defs/EndorsementCredential` });
const validateStatusEntry = ajv.compile({ $ref: `${OB3_ACHIEVEMENT_CREDENTIAL_SCHEMA.$id}#/$defs/CredentialStatus` });

/** How many lone values may be wrapped into sets before the document is judged malformed. */
const MAX_SET_REWRITES = 64;

function explain(error: ErrorObject | undefined, what: string): string {
  if (!error) return `The credential does not match the Open Badges 3.0 ${what} schema`;
  const at = error.instancePath ? error.instancePath.replace(/^\//, '').replace(/\//g, '.') : 'the credential';
  return `${at} ${error.message ?? 'is invalid'} (Open Badges 3.0 ${what} schema)`;
}

function pointerParent(root: unknown, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string } | null {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = parts.pop();
  if (key === undefined) return null;
  let node: unknown = root;
  for (const part of parts) {
    if (!node || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return node && typeof node === 'object' ? { parent: node as Record<string, unknown>, key } : null;
}

/**
 * The document as the official schema reads it. The 1EdTech schema checks the compacted JSON-LD form, where every
 * property of multiplicity [0..*] is an array; JSON-LD treats a lone value and a one-element array alike, so a lone value
 * where the schema expects an array is wrapped (the signed document itself is never changed). A VC 1.1 envelope is read
 * as its VC 2.0 equivalent (issuanceDate/expirationDate as validFrom/validUntil), since the final schema names only VC
 * 2.0. Several status entries (which VC 2.0 allows: revocation and suspension) are each checked as a CredentialStatus.
 */
function schemaView(credential: Record<string, unknown>): { view: Record<string, unknown>; statusEntries: unknown[] } {
  const view = structuredClone(credential);
  const context = view['@context'];
  if (Array.isArray(context) && context[0] === VC_V1) {
    view['@context'] = [VC_V2, ...context.slice(1)];
    if ('issuanceDate' in view && !('validFrom' in view)) view.validFrom = view.issuanceDate;
    if ('expirationDate' in view && !('validUntil' in view)) view.validUntil = view.expirationDate;
    delete view.issuanceDate;
    delete view.expirationDate;
  }
  const statusEntries = Array.isArray(view.credentialStatus) ? view.credentialStatus : [];
  if (statusEntries.length) view.credentialStatus = statusEntries[0];
  return { view, statusEntries };
}

function validateWithSets(validate: ValidateFunction, view: Record<string, unknown>): ErrorObject | null {
  for (let i = 0; i <= MAX_SET_REWRITES; i++) {
    if (validate(view)) return null;
    const error = validate.errors?.[0];
    const wantsArray = error?.keyword === 'type' && (error.params as { type?: unknown }).type === 'array';
    const target = wantsArray ? pointerParent(view, error.instancePath) : null;
    if (!target) return error ?? null;
    const { parent, key } = target;
    const value = (parent as Record<string, unknown>)[key];
    if (Array.isArray(value)) return error!;
    (parent as Record<string, unknown>)[key] = [value];
  }
  return validate.errors?.[0] ?? null;
}

const typesOf = (credential: Record<string, unknown>): string[] =>
  (Array.isArray(credential.type) ? credential.type : [credential.type]).filter((t): t is string => typeof t === 'string');

/**
 * The credential is an Open Badges 3.0 AchievementCredential (alias OpenBadgeCredential) by the official 1EdTech JSON
 * schema, in a VC 2.0 or VC 1.1 envelope, or a failure names the first property that is not.
 */
export function checkShape(credential: unknown): void {
  if (!credential || typeof credential !== 'object' || Array.isArray(credential)) {
    throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', 'The credential is not a JSON object');
  }
  const doc = credential as Record<string, unknown>;
  const { view, statusEntries } = schemaView(doc);
  const types = typesOf(doc);
  if (types.includes('EndorsementCredential')) {
    const endorsementError = validateWithSets(validateEndorsement, view);
    if (endorsementError) throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', explain(endorsementError, 'EndorsementCredential'));
    throw new VerificationFailure(
      'SHAPE',
      'SCHEMA_INVALID',
      'This is an EndorsementCredential (an endorsement of someone else); import the achievement credential it endorses',
    );
  }
  const error = validateWithSets(validateAchievement, view);
  if (error) throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', explain(error, 'AchievementCredential'));
  statusEntries.forEach((entry, i) => {
    if (!validateStatusEntry(entry)) {
      throw new VerificationFailure(
        'SHAPE',
        'SCHEMA_INVALID',
        explain(
          { ...validateStatusEntry.errors![0], instancePath: `/credentialStatus/${i}${validateStatusEntry.errors![0].instancePath}` },
          'AchievementCredential',
        ),
      );
    }
  });
}
