import { createHash } from 'node:crypto';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { CredentialIssuancePurpose } from '@digitalbazaar/vc';
import { compactVerify } from 'jose';
import jsigs from 'jsonld-signatures';
import { issuerIdOf, parseCredential, subjectsOf, type ParsedCredential } from '../domain/credential-input.js';
import { checkClrShape } from '../domain/clr.js';
import { checkRecipient, type HolderIdentity } from '../domain/recipient.js';
import { VerificationFailure, type StepResult, type VerificationReport, type VerificationStep } from '../domain/report.js';
import { checkShape } from '../domain/shape.js';
import { bitAt, decodeStatusList } from '../domain/status-list.js';
import { checkValidity, validityWindow, type ValidityWindow } from '../domain/validity.js';
import { BUNDLED_CONTEXTS, unknownContexts } from './contexts.js';
import { CRYPTOSUITE_KEYS, keyKindOf, type FetchJson, type KeyDirectory } from './key-directory.js';

export type CredentialStatusState = 'ACTIVE' | 'REVOKED' | 'SUSPENDED' | 'UNKNOWN';

export interface VerifiedCredential {
  format: ParsedCredential['format'];
  credential: Record<string, unknown>;
  issuerId: string;
  /** Identifies the signed credential (its signature), for idempotent imports. */
  digest: string;
  window: ValidityWindow;
  status: CredentialStatusState;
}

export interface VerificationResult {
  report: VerificationReport;
  /** Present when the proof checked out; `failure` then says whether a later step refused it. */
  verified?: VerifiedCredential;
  failure?: VerificationFailure;
}

type Doc = Record<string, unknown>;

const STATUS_ENTRY_TYPES = new Set(['BitstringStatusListEntry', 'StatusList2021Entry']);

/** At most this many proofs are checked on one document (a proof set of issuer and endorsers is small). */
const MAX_PROOFS = 4;

/**
 * Checks a credential with no trust in whoever submitted it, in the order the report shows: parse, shape (Open
 * Badges 3.0 data model, bundled contexts only), proof (eddsa-rdfc-2022 or VC-JWT, by a key of the issuer),
 * validity window, status (read from the issuer's status list, never taken from a library's verdict), recipient.
 * Registry trust is the caller's decision; this class only says what the credential proves.
 */
export class CredentialVerifier {
  constructor(
    private readonly keys: KeyDirectory,
    private readonly fetchJson: FetchJson,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(text: string, holder: HolderIdentity | null, options: { freshStatus?: boolean } = {}): Promise<VerificationResult> {
    const steps: StepResult[] = [];
    const report: VerificationReport = { checkedAt: this.now().toISOString(), format: 'UNKNOWN', steps };
    const pass = (step: VerificationStep, detail: string) => steps.push({ step, outcome: 'PASSED', detail });
    let current: VerificationStep = 'PARSE';
    let verified: VerifiedCredential | undefined;
    try {
      const parsed = parseCredential(text);
      report.format = parsed.format;
      pass('PARSE', parsed.format === 'VC_JWT' ? `VC-JWT signed with ${parsed.header.alg}` : 'JSON-LD credential with an embedded proof');

      current = 'SHAPE';
      const credential = parsed.credential;
      const unknown = unknownContexts(credential);
      if (unknown.length) {
        throw new VerificationFailure(
          'SHAPE',
          'UNKNOWN_CONTEXT',
          `Unknown JSON-LD context ${unknown.slice(0, 3).join(', ')}: only the published VC and Open Badges 3.0 contexts are accepted`,
        );
      }
      checkShape(credential);
      const window = validityWindow(credential);
      const issuerId = issuerIdOf(credential);
      pass('SHAPE', `Open Badges 3.0 credential from ${issuerId}`);

      current = 'PROOF';
      const digest = parsed.format === 'VC_JWT' ? await this.checkJwt(parsed, issuerId) : await this.checkDataIntegrity(credential);
      pass(
        'PROOF',
        parsed.format === 'VC_JWT' ? `signature by a key of ${issuerId}` : `${proofSuites(credential)} proof by a key of ${issuerId}`,
      );
      verified = { format: parsed.format, credential, issuerId, digest, window, status: 'UNKNOWN' };

      current = 'VALIDITY';
      const jwtWindow = parsed.format === 'VC_JWT' ? jwtValidity(parsed, window) : window;
      pass('VALIDITY', checkValidity(jwtWindow, this.now()));
      verified.window = jwtWindow;

      current = 'STATUS';
      const status = await this.checkStatus(credential, issuerId, !!options.freshStatus);
      verified.status = status.state;
      if (status.state === 'REVOKED')
        throw new VerificationFailure('STATUS', 'REVOKED', `The issuer has revoked this credential (${status.detail})`);
      if (status.state === 'SUSPENDED')
        throw new VerificationFailure('STATUS', 'SUSPENDED', `The issuer has suspended this credential (${status.detail})`);
      if (status.state === 'UNKNOWN') {
        steps.push({
          step: 'STATUS',
          outcome: 'UNKNOWN',
          reason: 'STATUS_UNKNOWN',
          detail: `${status.detail}; it will be checked again later`,
        });
      } else {
        pass('STATUS', status.detail);
      }

      current = 'RECIPIENT';
      if (holder) pass('RECIPIENT', checkRecipient(subjectsOf(credential), holder));
      const failure = status.state === 'UNKNOWN' ? new VerificationFailure('STATUS', 'STATUS_UNKNOWN', status.detail) : undefined;
      return { report, verified, failure };
    } catch (error) {
      const failure =
        error instanceof VerificationFailure
          ? error
          : new VerificationFailure(current, current === 'PROOF' ? 'PROOF_INVALID' : 'MALFORMED', 'The credential could not be checked');
      steps.push({ step: failure.step, outcome: 'FAILED', reason: failure.reason, detail: failure.message });
      return { report, verified, failure };
    }
  }

  /**
   * Verifies a Comprehensive Learner Record 2.0 (ClrCredential): its shape, its issuer's Data Integrity proof and its
   * validity window, then every credential it holds, each through the whole pipeline of `verify` (its own issuer's
   * proof, dates and status). The CLR is valid only when all of them are.
   */
  async verifyClr(
    text: string,
  ): Promise<{ report: VerificationReport; issuerId?: string; credentials: VerificationResult[]; failure?: VerificationFailure }> {
    const steps: StepResult[] = [];
    const report: VerificationReport = { checkedAt: this.now().toISOString(), format: 'UNKNOWN', steps };
    const credentials: VerificationResult[] = [];
    let current: VerificationStep = 'PARSE';
    try {
      const parsed = parseCredential(text);
      if (parsed.format !== 'DATA_INTEGRITY')
        throw new VerificationFailure('PARSE', 'UNSUPPORTED_FORMAT', 'A CLR is verified as JSON with a Data Integrity proof');
      report.format = parsed.format;
      steps.push({ step: 'PARSE', outcome: 'PASSED', detail: 'JSON-LD document with an embedded proof' });
      current = 'SHAPE';
      const clr = parsed.credential;
      const unknown = unknownContexts(clr);
      if (unknown.length)
        throw new VerificationFailure('SHAPE', 'UNKNOWN_CONTEXT', `Unknown JSON-LD context ${unknown.slice(0, 3).join(', ')}`);
      const nested = checkClrShape(clr);
      const issuerId = issuerIdOf(clr);
      steps.push({
        step: 'SHAPE',
        outcome: 'PASSED',
        detail: `CLR 2.0 ClrCredential from ${issuerId} holding ${nested.length} credential(s)`,
      });
      current = 'PROOF';
      await this.checkDataIntegrity(clr);
      steps.push({ step: 'PROOF', outcome: 'PASSED', detail: `${proofSuites(clr)} proof by a key of ${issuerId}` });
      current = 'VALIDITY';
      steps.push({ step: 'VALIDITY', outcome: 'PASSED', detail: checkValidity(validityWindow(clr), this.now()) });
      current = 'STATUS';
      for (const credential of nested) credentials.push(await this.verify(JSON.stringify(credential), null));
      const bad = credentials.findIndex((r) => r.failure);
      if (bad >= 0) {
        const f = credentials[bad].failure!;
        throw new VerificationFailure(f.step, f.reason, `Credential ${bad + 1} of the CLR failed at ${f.step.toLowerCase()}: ${f.message}`);
      }
      steps.push({ step: 'STATUS', outcome: 'PASSED', detail: `all ${nested.length} credential(s) in the CLR verified` });
      return { report, issuerId, credentials };
    } catch (error) {
      const failure =
        error instanceof VerificationFailure
          ? error
          : new VerificationFailure(current, current === 'PROOF' ? 'PROOF_INVALID' : 'MALFORMED', 'The CLR could not be checked');
      steps.push({ step: failure.step, outcome: 'FAILED', reason: failure.reason, detail: failure.message });
      return { report, credentials, failure };
    }
  }

  private documentLoader(problems: VerificationFailure[]) {
    return async (url: string) => {
      const context = BUNDLED_CONTEXTS.get(url);
      if (context) return { contextUrl: null, documentUrl: url, document: context };
      if (!/^(did:|https?:)/.test(url)) throw new Error(`${url} cannot be loaded`);
      try {
        return { contextUrl: null, documentUrl: url, document: await this.keys.dataIntegrityDocument(url) };
      } catch (error) {
        if (error instanceof VerificationFailure) problems.push(error);
        throw error;
      }
    };
  }

  /**
   * Verifies a Data Integrity proof (eddsa-rdfc-2022 with an Ed25519 key, ecdsa-rdfc-2019 with a P-256 or P-384 key);
   * every proof of a proof set must hold. Returns the digest of the proof value(s).
   */
  async checkDataIntegrity(document: Doc): Promise<string> {
    const proofs = (Array.isArray(document.proof) ? document.proof : [document.proof]) as Doc[];
    if (proofs.length === 0 || proofs.length > MAX_PROOFS) {
      throw new VerificationFailure(
        'PROOF',
        'PROOF_INVALID',
        `A credential carries 1 to ${MAX_PROOFS} proofs; this one has ${proofs.length}`,
      );
    }
    const seen = new Set<string>();
    for (const proof of proofs) {
      if (!proof || typeof proof !== 'object' || Array.isArray(proof))
        throw new VerificationFailure('PROOF', 'PROOF_INVALID', 'A proof is not an object');
      const suite = typeof proof.cryptosuite === 'string' ? proof.cryptosuite : '';
      if (proof.type !== 'DataIntegrityProof' || !(suite in CRYPTOSUITE_KEYS)) {
        throw new VerificationFailure(
          'PROOF',
          'PROOF_INVALID',
          `Proof type ${String(proof.type)} ${suite} is not supported (use DataIntegrityProof with eddsa-rdfc-2022 or ecdsa-rdfc-2019)`,
        );
      }
      if (typeof proof.proofValue !== 'string') throw new VerificationFailure('PROOF', 'PROOF_INVALID', 'The proof has no proofValue');
      if (seen.has(proof.proofValue))
        throw new VerificationFailure('PROOF', 'PROOF_INVALID', 'The same proof appears twice; a proof set lists each proof once');
      seen.add(proof.proofValue);
      if (typeof proof.verificationMethod !== 'string')
        throw new VerificationFailure('PROOF', 'PROOF_INVALID', 'The proof names no verificationMethod');
      if (proof.proofPurpose !== 'assertionMethod') {
        throw new VerificationFailure(
          'PROOF',
          'PROOF_INVALID',
          `A credential's proof must have proofPurpose "assertionMethod", not "${String(proof.proofPurpose)}"`,
        );
      }
      // The key must exist in its controller's document and be of a kind the cryptosuite uses, before any canonicalisation.
      const { method } = await this.keys.verificationMethod(proof.verificationMethod);
      const kind = keyKindOf(method);
      if (!CRYPTOSUITE_KEYS[suite].includes(kind)) {
        throw new VerificationFailure(
          'PROOF',
          'WRONG_KEY_TYPE',
          `The key ${proof.verificationMethod} (${kind === 'OTHER' ? 'an unsupported key type' : kind}) cannot make a ${suite} proof, which needs ${CRYPTOSUITE_KEYS[suite].join(' or ')}`,
        );
      }
    }
    const problems: VerificationFailure[] = [];
    let result: Awaited<ReturnType<typeof jsigs.verify>>;
    try {
      result = await jsigs.verify(document, {
        suite: [new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 })],
        purpose: new CredentialIssuancePurpose(),
        documentLoader: this.documentLoader(problems),
      });
    } catch {
      throw problems[0] ?? new VerificationFailure('PROOF', 'PROOF_INVALID', 'The proof could not be checked');
    }
    const each = (result.results ?? []) as Array<{ verified?: boolean }>;
    if (!result.verified || each.length !== proofs.length || each.some((r) => !r.verified)) {
      if (problems[0]) throw problems[0];
      const messages = (result.error?.errors ?? [result.error]).map((e) => e?.message ?? '').filter(Boolean);
      const reason = messages.some((m) => /issuer must match/i.test(m)) ? 'ISSUER_MISMATCH' : 'PROOF_INVALID';
      const detail = messages.some((m) => /safe mode/i.test(m))
        ? 'The credential uses a property no bundled context defines'
        : reason === 'ISSUER_MISMATCH'
          ? 'The proof was made with a key that does not belong to the issuer'
          : 'The signature does not match the credential (it was altered or signed with another key)';
      throw new VerificationFailure('PROOF', reason, detail);
    }
    return createHash('sha256')
      .update(proofs.map((p) => p.proofValue).join('.'))
      .digest('hex');
  }

  private async checkJwt(parsed: Extract<ParsedCredential, { format: 'VC_JWT' }>, issuerId: string): Promise<string> {
    if (parsed.claims.iss !== undefined && parsed.claims.iss !== issuerId) {
      throw new VerificationFailure('PROOF', 'ISSUER_MISMATCH', `The JWT iss (${parsed.claims.iss}) is not the credential's issuer`);
    }
    if (parsed.claims.jti !== undefined && typeof parsed.credential.id === 'string' && parsed.claims.jti !== parsed.credential.id) {
      throw new VerificationFailure('PROOF', 'PROOF_INVALID', "The JWT jti is not the credential's id");
    }
    const subjectIds = subjectsOf(parsed.credential)
      .map((s) => s.id)
      .filter((id): id is string => typeof id === 'string');
    if (parsed.claims.sub !== undefined && subjectIds.length && !subjectIds.includes(parsed.claims.sub)) {
      throw new VerificationFailure('PROOF', 'PROOF_INVALID', `The JWT sub (${parsed.claims.sub}) is not the credential's subject`);
    }
    const key = await this.keys.jwtKey(issuerId, parsed.header.kid, parsed.header.alg);
    try {
      await compactVerify(parsed.jwt, key, { algorithms: [parsed.header.alg] });
    } catch {
      throw new VerificationFailure(
        'PROOF',
        'PROOF_INVALID',
        'The JWT signature does not match (it was altered or signed with another key)',
      );
    }
    return createHash('sha256').update(parsed.jwt.split('.')[2]).digest('hex');
  }

  /** Reads every status entry from the issuer's own status list credential, whose proof is checked too. */
  private async checkStatus(credential: Doc, issuerId: string, fresh: boolean): Promise<{ state: CredentialStatusState; detail: string }> {
    const raw = credential.credentialStatus;
    if (raw === undefined) return { state: 'ACTIVE', detail: 'the credential has no status entry' };
    const entries = (Array.isArray(raw) ? raw : [raw]) as Doc[];
    const found: Array<{ state: CredentialStatusState; detail: string }> = [];
    for (const entry of entries) found.push(await this.readEntry(entry, issuerId, fresh));
    return (
      found.find((f) => f.state === 'REVOKED') ??
      found.find((f) => f.state === 'SUSPENDED') ??
      found.find((f) => f.state === 'UNKNOWN') ?? { state: 'ACTIVE', detail: found.map((f) => f.detail).join('; ') }
    );
  }

  private async readEntry(entry: Doc, issuerId: string, fresh: boolean): Promise<{ state: CredentialStatusState; detail: string }> {
    const type = String(entry.type);
    if (!STATUS_ENTRY_TYPES.has(type)) return { state: 'UNKNOWN', detail: `status type ${type} is not supported` };
    const purpose = String(entry.statusPurpose ?? '');
    const index = Number(entry.statusListIndex);
    const listUrl = entry.statusListCredential;
    if (!['revocation', 'suspension'].includes(purpose))
      return { state: 'ACTIVE', detail: `status purpose "${purpose}" does not affect validity` };
    if (typeof listUrl !== 'string' || !Number.isInteger(index) || index < 0) {
      throw new VerificationFailure(
        'STATUS',
        'STATUS_INVALID',
        'The status entry lacks a statusListCredential URL or a valid statusListIndex',
      );
    }
    let list: Doc;
    try {
      list = (await this.fetchJson(listUrl, { fresh })) as Doc;
    } catch {
      return { state: 'UNKNOWN', detail: `the status list ${listUrl} could not be retrieved` };
    }
    try {
      if (!list || typeof list !== 'object' || unknownContexts(list).length) throw new Error('unexpected document');
      if (issuerIdOf(list) !== issuerId) {
        throw new VerificationFailure('STATUS', 'STATUS_INVALID', `The status list ${listUrl} was not issued by the credential's issuer`);
      }
      await this.checkDataIntegrity(list);
      checkValidity(validityWindow(list), this.now());
      const subject = list.credentialSubject as Doc;
      if (subject?.statusPurpose !== purpose) throw new Error('purpose mismatch');
      const bits = decodeStatusList(String(subject.encodedList));
      if (index >= bits.length * 8) {
        throw new VerificationFailure(
          'STATUS',
          'STATUS_INVALID',
          `statusListIndex ${index} lies outside the status list ${listUrl} (${bits.length * 8} entries)`,
        );
      }
      const bit = bitAt(bits, index);
      const detail = `${purpose} bit ${index} of ${listUrl} is ${bit ? 'set' : 'clear'}`;
      if (!bit) return { state: 'ACTIVE', detail };
      return { state: purpose === 'revocation' ? 'REVOKED' : 'SUSPENDED', detail };
    } catch (error) {
      if (error instanceof VerificationFailure && error.reason === 'STATUS_INVALID') throw error;
      return { state: 'UNKNOWN', detail: `the status list ${listUrl} is not a valid, current status list credential of the issuer` };
    }
  }
}

function proofSuites(credential: Doc): string {
  const proofs = (Array.isArray(credential.proof) ? credential.proof : [credential.proof]) as Doc[];
  return [...new Set(proofs.map((p) => String(p.cryptosuite)))].join(' + ');
}

/** A JWT's nbf/exp narrow the credential's own window. */
function jwtValidity(parsed: Extract<ParsedCredential, { format: 'VC_JWT' }>, window: ValidityWindow): ValidityWindow {
  const nbf = parsed.claims.nbf !== undefined ? new Date(parsed.claims.nbf * 1000) : null;
  const exp = parsed.claims.exp !== undefined ? new Date(parsed.claims.exp * 1000) : null;
  const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));
  const earlier = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));
  return { validFrom: later(window.validFrom, nbf), validUntil: earlier(window.validUntil, exp) };
}
