import { VerificationFailure } from './report.js';

export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** Why a portfolio credential is left out of a CLR. */
export type ClrOmission = 'JWT_ONLY' | 'VC_1_1_ENVELOPE' | 'NOT_VERIFIED' | 'OVER_LIMIT';

/** Most credentials one record holds (signing and checking a record is linear in its size). */
export const MAX_CLR_CREDENTIALS = 100;

export interface PortfolioCredential {
  /** Where it came from: issued by the district, or imported and verified. */
  source: 'ISSUED' | 'IMPORTED';
  sourceId: string;
  format: 'DATA_INTEGRITY' | 'VC_JWT';
  /** The signed credential as stored (JSON text or a compact JWT). */
  document: string | Record<string, unknown>;
  verified: boolean;
}

export interface ClrContents {
  included: Array<Record<string, unknown>>;
  omitted: Array<{ source: PortfolioCredential['source']; sourceId: string; reason: ClrOmission }>;
}

/**
 * Which of the educator's credentials go into a CLR 2.0: each verified credential embedded whole, with its own proof,
 * so a verifier can check every one as well as the CLR. A CLR is a JSON-LD document, so a credential held only as a
 * VC-JWT cannot be embedded, and a VC 1.1 credential cannot sit under the VC 2.0 envelope (their protected terms differ):
 * those are listed as omitted, with the reason, rather than re-signed by the district.
 */
export function clrContents(credentials: PortfolioCredential[]): ClrContents {
  const included: ClrContents['included'] = [];
  const omitted: ClrContents['omitted'] = [];
  for (const c of credentials) {
    const omit = (reason: ClrOmission) => omitted.push({ source: c.source, sourceId: c.sourceId, reason });
    if (!c.verified) {
      omit('NOT_VERIFIED');
      continue;
    }
    if (c.format !== 'DATA_INTEGRITY') {
      omit('JWT_ONLY');
      continue;
    }
    const doc = typeof c.document === 'string' ? (JSON.parse(c.document) as Record<string, unknown>) : c.document;
    const context = doc['@context'];
    if (!Array.isArray(context) || context[0] !== VC_V2) {
      omit('VC_1_1_ENVELOPE');
      continue;
    }
    if (included.length >= MAX_CLR_CREDENTIALS) {
      omit('OVER_LIMIT');
      continue;
    }
    included.push(doc);
  }
  return { included, omitted };
}

/** An unsigned ClrCredential (CLR 2.0) from the district about one educator, holding their verified credentials. */
export function buildClrCredential(args: {
  id: string;
  issuer: { did: string; name: string; url: string };
  learner: { fullName: string; email: string };
  credentials: Array<Record<string, unknown>>;
  issuedAt: Date;
}): Record<string, unknown> {
  if (!args.credentials.length) {
    throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', 'A Comprehensive Learner Record holds at least one verified credential');
  }
  const at = args.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    '@context': [VC_V2, CLR_V2_CONTEXT, OB_V3],
    id: args.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    issuer: { id: args.issuer.did, type: ['Profile'], name: args.issuer.name, url: args.issuer.url },
    name: `Comprehensive Learner Record of ${args.learner.fullName}`,
    description: `The verified achievements of ${args.learner.fullName} held by ${args.issuer.name}, each with its own issuer's proof.`,
    validFrom: at,
    awardedDate: at,
    credentialSubject: {
      type: ['ClrSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: args.learner.email, identityType: 'emailAddress', hashed: false }],
      verifiableCredential: args.credentials,
    },
  };
}

const typesOf = (doc: Record<string, unknown>): unknown[] => (Array.isArray(doc.type) ? doc.type : [doc.type]);

/** The CLR 2.0 ClrCredential's required shape: a VC 2.0 ClrCredential with a ClrSubject holding one or more credentials. */
export function checkClrShape(doc: Record<string, unknown>): Array<Record<string, unknown>> {
  const fail = (detail: string) => new VerificationFailure('SHAPE', 'SCHEMA_INVALID', `${detail} (CLR 2.0 ClrCredential)`);
  const context = doc['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2 || !context.includes(CLR_V2_CONTEXT)) {
    throw fail(`@context must start with ${VC_V2} and include ${CLR_V2_CONTEXT}`);
  }
  if (!typesOf(doc).includes('VerifiableCredential') || !typesOf(doc).includes('ClrCredential'))
    throw fail('type must include VerifiableCredential and ClrCredential');
  if (typeof doc.id !== 'string' || !doc.id) throw fail('id is required');
  if (typeof doc.name !== 'string' || !doc.name) throw fail('name is required');
  if (typeof doc.validFrom !== 'string') throw fail('validFrom is required');
  const subject = doc.credentialSubject as Record<string, unknown> | undefined;
  if (!subject || typeof subject !== 'object' || Array.isArray(subject) || !typesOf(subject).includes('ClrSubject')) {
    throw fail('credentialSubject must be a ClrSubject');
  }
  const list = subject.verifiableCredential;
  const credentials = (Array.isArray(list) ? list : list ? [list] : []) as unknown[];
  if (!credentials.length) throw fail('credentialSubject.verifiableCredential must hold at least one credential');
  if (credentials.some((c) => !c || typeof c !== 'object' || Array.isArray(c)))
    throw fail('each credentialSubject.verifiableCredential must be a credential object');
  return credentials as Array<Record<string, unknown>>;
}
