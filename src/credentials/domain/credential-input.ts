import { VerificationFailure } from './report.js';

/** Largest credential accepted (a badge with an embedded image is well under this). */
export const MAX_CREDENTIAL_CHARS = 512 * 1024;

/** Algorithms accepted for VC-JWT: RSA (2048 bits or more, checked when the key is imported), ECDSA and EdDSA. */
export const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

export type ParsedCredential =
  | { format: 'DATA_INTEGRITY'; credential: Record<string, unknown> }
  | {
      format: 'VC_JWT';
      credential: Record<string, unknown>;
      jwt: string;
      header: { alg: string; kid?: string; typ?: string };
      claims: { iss?: string; nbf?: number; exp?: number; jti?: string; sub?: string };
    };

/** Deepest nesting of objects and arrays accepted (an Open Badges credential with endorsements is under 15 levels). */
export const MAX_NESTING = 32;

/** The deepest nesting of `{` and `[` in JSON text, outside strings: checked before parsing, so no parser recurses deeply. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function refuseDeepNesting(text: string, what: string): void {
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING)
    throw new VerificationFailure('PARSE', 'MALFORMED', `The ${what} nests ${depth} levels deep; at most ${MAX_NESTING} are accepted`);
}

const JWT_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function decodeSegment(segment: string, what: string): Record<string, unknown> {
  let value: unknown;
  const text = Buffer.from(segment, 'base64url').toString('utf8');
  refuseDeepNesting(text, `JWT ${what}`);
  try {
    value = JSON.parse(text);
  } catch {
    throw new VerificationFailure('PARSE', 'MALFORMED', `The JWT ${what} is not base64url-encoded JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new VerificationFailure('PARSE', 'MALFORMED', `The JWT ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function refuseAlgorithm(alg: unknown): asserts alg is string {
  if (typeof alg !== 'string') throw new VerificationFailure('PARSE', 'MALFORMED', 'The JWT header has no alg');
  if (alg.toLowerCase() === 'none')
    throw new VerificationFailure(
      'PROOF',
      'ALGORITHM_REFUSED',
      'An unsigned JWT (alg "none") proves nothing; ask the issuer for a signed credential',
    );
  if (/^HS/i.test(alg)) {
    throw new VerificationFailure(
      'PROOF',
      'ALGORITHM_REFUSED',
      `${alg} is a shared-secret algorithm: anyone holding the secret could have made it; a credential must be signed with the issuer's private key (RS256+, ES256 or EdDSA)`,
    );
  }
  if (!(JWT_ALGORITHMS as readonly string[]).includes(alg)) {
    throw new VerificationFailure('PROOF', 'ALGORITHM_REFUSED', `JWT algorithm ${alg} is not accepted (use ${JWT_ALGORITHMS.join(', ')})`);
  }
}

/**
 * Reads what an educator pasted or uploaded: a JSON-LD credential with an embedded proof, or a compact VC-JWT (the
 * VC 2.0 `vc+jwt` form whose payload is the credential, or the VC 1.1 / Open Badges 3.0 form with a `vc` claim).
 */
export function parseCredential(text: string): ParsedCredential {
  if (typeof text !== 'string' || text.trim() === '') throw new VerificationFailure('PARSE', 'MALFORMED', 'The credential is empty');
  if (text.length > MAX_CREDENTIAL_CHARS) {
    throw new VerificationFailure(
      'PARSE',
      'TOO_LARGE',
      `The credential is over ${MAX_CREDENTIAL_CHARS / 1024} KB; submit the credential itself, not a bundle of files`,
    );
  }
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    refuseDeepNesting(trimmed, 'credential');
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      throw new VerificationFailure('PARSE', 'MALFORMED', 'The credential is not valid JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new VerificationFailure('PARSE', 'MALFORMED', 'The credential is not a JSON object');
    const credential = value as Record<string, unknown>;
    if (!credential.proof) {
      throw new VerificationFailure(
        'PARSE',
        'UNSUPPORTED_FORMAT',
        'The credential has no proof; submit the signed credential (JSON with a Data Integrity proof, or a VC-JWT)',
      );
    }
    return { format: 'DATA_INTEGRITY', credential };
  }
  if (!JWT_PATTERN.test(trimmed)) {
    throw new VerificationFailure('PARSE', 'MALFORMED', 'The credential is neither JSON nor a compact JWT');
  }
  const [headerPart, payloadPart, signature] = trimmed.split('.');
  const header = decodeSegment(headerPart, 'header');
  refuseAlgorithm(header.alg);
  if (header.crit !== undefined)
    throw new VerificationFailure('PARSE', 'UNSUPPORTED_FORMAT', 'JWTs with critical header extensions are not supported');
  if (!signature) throw new VerificationFailure('PROOF', 'PROOF_INVALID', 'The JWT has no signature');
  const payload = decodeSegment(payloadPart, 'payload');
  const inner = payload.vc;
  const credential = (inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : payload) as Record<string, unknown>;
  for (const claim of ['nbf', 'exp', 'iat'] as const) {
    if (payload[claim] !== undefined && (typeof payload[claim] !== 'number' || !Number.isFinite(payload[claim]))) {
      throw new VerificationFailure('PARSE', 'MALFORMED', `The JWT ${claim} claim must be a number of seconds (NumericDate)`);
    }
  }
  for (const claim of ['iss', 'jti', 'sub'] as const) {
    if (payload[claim] !== undefined && typeof payload[claim] !== 'string')
      throw new VerificationFailure('PARSE', 'MALFORMED', `The JWT ${claim} claim must be a string`);
  }
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    format: 'VC_JWT',
    credential,
    jwt: trimmed,
    header: { alg: header.alg, kid: str(header.kid), typ: str(header.typ) },
    claims: { iss: str(payload.iss), nbf: num(payload.nbf), exp: num(payload.exp), jti: str(payload.jti), sub: str(payload.sub) },
  };
}

export function issuerIdOf(credential: Record<string, unknown>): string {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id;
  throw new VerificationFailure('SHAPE', 'SCHEMA_INVALID', 'The credential names no issuer');
}

export function subjectsOf(credential: Record<string, unknown>): Array<Record<string, unknown>> {
  const subject = credential.credentialSubject;
  const list = Array.isArray(subject) ? subject : [subject];
  return list.filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
}
