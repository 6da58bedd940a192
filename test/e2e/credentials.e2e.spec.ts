import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Persona } from '../../src/access/persona.js';
import { APP_CONFIG } from '../../src/config/app-config.js';
import { DEFAULT_GUARDED_HTTP_CONFIG, GuardedHttpClient } from '../../src/common/http/guarded-http-client.js';
import { StatusRecheckService } from '../../src/credentials/status-recheck.service.js';
import { CredentialVerifier } from '../../src/credentials/verification/credential-verifier.js';
import { KeyDirectory } from '../../src/credentials/verification/key-directory.js';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import {
  achievementCredential,
  didDocumentOf,
  didKeyIssuer,
  didWebIssuer,
  ecdsaDidKeyIssuer,
  jwtCredential,
  signEcdsa,
  signJwtAs,
  signedCredential,
  statusListCredential,
} from '../support/credential-factory.js';
import { signDataIntegrity, type SigningKey } from '../../src/credentials/issuing/credential-signer.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const IMPORT = `mutation($input: ImportCredentialInput!) { importCredential(input: $input) {
  outcome alreadyImported
  evidence { id kind title verificationStatus certification { issuer issuedOn expiresOn } claims { level competency { code } } }
  credential { issuerId trusted status report { step outcome reason detail } } } }`;
const SAVE_ISSUER = `mutation($input: SaveTrustedIssuerInput!) { saveTrustedIssuer(input: $input) { id issuerId version achievementMappings { match value claims { level } } } }`;
const EVIDENCE_CREDENTIAL = `query($id: ID!) { evidence(id: $id) { id verificationStatus certification { expiresOn } credential { status report { step outcome reason } } } }`;

/** Serves issuers' status lists, as their websites would. */
let site: Server;
let siteUrl: string;
const documents = new Map<string, unknown>();

describe('verifiable credentials over HTTP', () => {
  let t: TestApp;
  let hr: string;
  let educatorId: string;
  let educatorEmail: string;
  let educator: string;
  let otherEducator: string;
  let comp: Record<string, string>;

  const counts = async () => {
    const [row] = await t.ds
      .query(`SELECT (SELECT count(*)::int FROM evidence) AS evidence, (SELECT count(*)::int FROM imported_credential) AS imported,
      (SELECT count(*)::int FROM audit_entry WHERE action = 'CREDENTIAL_IMPORTED') AS audits`);
    return row as { evidence: number; imported: number; audits: number };
  };
  const importAs = (token: string, credential: string, educator?: string) =>
    t.gql(IMPORT, { input: { credential, ...(educator ? { educatorId: educator } : {}) } }, token);

  beforeAll(async () => {
    site = createServer((req, res) => {
      const doc = documents.get(req.url ?? '');
      if (doc === undefined) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    // Loopback and plain http are reachable only because this test configures them; the defaults refuse both.
    t = await startTestApp({
      OUTBOUND_HTTP_ALLOWED_HOSTS: '127.0.0.1',
      OUTBOUND_HTTP_ALLOW_PRIVATE: 'true',
      OUTBOUND_HTTP_ALLOW_PLAIN_HTTP: 'true',
      OUTBOUND_HTTP_CACHE_TTL_SECONDS: '0',
      CREDENTIAL_KEY_SECRET: 'a-test-only-secret-that-is-long-enough-0123456789',
    });
    hr = (await t.signInAs([Persona.HR])).token;
    const building = await insertBuilding(t.ds);
    educatorId = await insertEducator(t.ds, { buildingId: building, name: 'Ana Lopez' });
    [{ work_email: educatorEmail }] = await t.ds.query('SELECT work_email FROM educator WHERE id = $1', [educatorId]);
    educator = (await t.signInAs([Persona.EDUCATOR], { educatorId })).token;
    const otherId = await insertEducator(t.ds, { buildingId: building });
    otherEducator = (await t.signInAs([Persona.EDUCATOR], { educatorId: otherId })).token;
    comp = await competencyIds(t.ds, ['ASSESS-REDESIGN', 'AI-TOOL-EVAL']);
  });
  afterAll(async () => {
    await t.close();
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
  });

  it('turns a credential from a trusted issuer into VERIFIED evidence with the mapped claims, and re-import is idempotent', async () => {
    const issuer = await didKeyIssuer();
    const caseUri = 'https://case.example/uri/6b1f3c52-ai-tool-evaluation';
    const saved = await t.gql(
      SAVE_ISSUER,
      {
        input: {
          issuerId: issuer.controller,
          displayName: 'Example Learning Co',
          keySource: 'DID',
          achievementMappings: [
            {
              match: 'ALIGNMENT',
              value: caseUri,
              evidenceKind: 'CERTIFICATION',
              claims: [{ competencyId: comp['AI-TOOL-EVAL'], level: 3 }],
            },
          ],
        },
      },
      hr,
    );
    expect(saved.errors).toBeUndefined();
    const credential = await signedCredential(issuer, { email: educatorEmail, alignmentUrl: caseUri, validUntil: '2099-01-01T00:00:00Z' });
    const before = await counts();

    const res = await importAs(educator, credential);
    expect(res.errors).toBeUndefined();
    const result = res.data.importCredential;
    expect(result).toMatchObject({ outcome: 'VERIFIED', alreadyImported: false });
    expect(result.evidence).toMatchObject({
      kind: 'CERTIFICATION',
      verificationStatus: 'VERIFIED',
      certification: { issuer: 'Example Learning Co', issuedOn: '2024-01-01', expiresOn: '2099-01-01' },
    });
    expect(result.evidence.claims).toEqual([{ level: 3, competency: { code: 'AI-TOOL-EVAL' } }]);
    expect(result.credential.report.map((s: { step: string }) => s.step)).toEqual([
      'PARSE',
      'SHAPE',
      'PROOF',
      'VALIDITY',
      'STATUS',
      'RECIPIENT',
      'ISSUER',
    ]);
    expect(await counts()).toEqual({ evidence: before.evidence + 1, imported: before.imported + 1, audits: before.audits + 1 });
    const [row] = await t.ds.query('SELECT verification_status, educator_id FROM evidence WHERE id = $1', [result.evidence.id]);
    expect(row).toEqual({ verification_status: 'VERIFIED', educator_id: educatorId });

    const again = await importAs(educator, `\n${credential}\n`);
    expect(again.data.importCredential).toMatchObject({ outcome: 'VERIFIED', alreadyImported: true, evidence: { id: result.evidence.id } });
    expect(await counts()).toEqual({ evidence: before.evidence + 1, imported: before.imported + 1, audits: before.audits + 1 });

    const shown = await t.gql(EVIDENCE_CREDENTIAL, { id: result.evidence.id }, educator);
    expect(shown.data.evidence.credential.status).toBe('ACTIVE');
  });

  it('stores a credential submitted twice at once only once', async () => {
    const issuer = await didKeyIssuer();
    const credential = await signedCredential(issuer, { email: educatorEmail });
    const before = await counts();
    const [a, b] = await Promise.all([importAs(educator, credential), importAs(hr, credential, educatorId)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.importCredential.evidence.id).toBe(b.data.importCredential.evidence.id);
    expect([a.data.importCredential.alreadyImported, b.data.importCredential.alreadyImported].sort()).toEqual([false, true]);
    expect(await counts()).toEqual({ evidence: before.evidence + 1, imported: before.imported + 1, audits: before.audits + 1 });
  });

  it('keeps a valid credential from an unknown issuer as SELF_REPORTED, marked for HR review', async () => {
    const issuer = await didKeyIssuer();
    const res = await importAs(hr, await jwtCredential(issuer, { email: educatorEmail }), educatorId);
    expect(res.errors).toBeUndefined();
    expect(res.data.importCredential.outcome).toBe('SELF_REPORTED');
    expect(res.data.importCredential.evidence.verificationStatus).toBe('SELF_REPORTED');
    expect(res.data.importCredential.credential.report.at(-1)).toMatchObject({
      step: 'ISSUER',
      outcome: 'UNKNOWN',
      reason: 'ISSUER_NOT_TRUSTED',
    });
    expect(res.data.importCredential.credential.report.at(-1).detail).toMatch(/signature valid, issuer not in the registry/);
  });

  it.each([
    ['expired', { validUntil: '2025-01-01T00:00:00Z' }, 'VALIDITY', 'EXPIRED'],
    ['not yet valid', { validFrom: '2099-01-01T00:00:00Z' }, 'VALIDITY', 'NOT_YET_VALID'],
    ['for someone else', { email: 'someone.else@elsewhere.example' }, 'RECIPIENT', 'RECIPIENT_MISMATCH'],
  ])('refuses a credential that is %s, naming the step, and writes nothing', async (_name, options, step, reason) => {
    const issuer = await didKeyIssuer();
    const before = await counts();
    const res = await importAs(educator, await signedCredential(issuer, { email: educatorEmail, ...options }));
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ step, reason });
    expect(res.errors![0].message).toMatch(new RegExp(step.toLowerCase()));
    expect(await counts()).toEqual(before);
  });

  it("refuses another educator's import of the same credential at recipient binding", async () => {
    const issuer = await didKeyIssuer();
    const res = await importAs(otherEducator, await signedCredential(issuer, { email: educatorEmail }));
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', step: 'RECIPIENT', reason: 'RECIPIENT_MISMATCH' });
  });

  it.each([
    ['malformed JSON', '{"@context": ["https://www.w3.org/ns/credentials/v2"', 'MALFORMED'],
    [
      'an unsigned JWT',
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"vc":{}}').toString('base64url')}.`,
      'ALGORITHM_REFUSED',
    ],
  ])('refuses %s with a code and writes nothing', async (_name, credential, reason) => {
    const before = await counts();
    const res = await importAs(educator, credential);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(await counts()).toEqual(before);
  });

  it('refuses a 5 MB document at the door, and a 600 KB one by size', async () => {
    const before = await counts();
    const huge = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${educator}` },
      body: JSON.stringify({ query: IMPORT, variables: { input: { credential: `{"x":"${'a'.repeat(5 * 1024 * 1024)}"}` } } }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const big = await importAs(educator, `{"x":"${'a'.repeat(600 * 1024)}"}`);
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0].message).toMatch(/KB/);
    expect(await counts()).toEqual(before);
  });

  it('keeps a credential whose status list is unreachable as STATUS_UNKNOWN, then verifies it on the scheduled re-check', async () => {
    const issuer = await didKeyIssuer();
    await t.gql(
      SAVE_ISSUER,
      { input: { issuerId: issuer.controller, displayName: 'Flaky Issuer', keySource: 'DID', achievementMappings: [] } },
      hr,
    );
    const listUrl = `${siteUrl}/flaky/status`;
    const credential = await signedCredential(issuer, {
      email: educatorEmail,
      status: [{ purpose: 'revocation', url: listUrl, index: 5 }],
    });
    const res = await importAs(educator, credential);
    expect(res.errors).toBeUndefined();
    expect(res.data.importCredential).toMatchObject({
      outcome: 'STATUS_UNKNOWN',
      evidence: { verificationStatus: 'SELF_REPORTED' },
      credential: { status: 'UNKNOWN' },
    });
    const evidenceId = res.data.importCredential.evidence.id;
    const [{ next_check_at }] = await t.ds.query('SELECT next_check_at FROM imported_credential WHERE evidence_id = $1', [evidenceId]);
    expect(new Date(next_check_at).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);

    documents.set('/flaky/status', await statusListCredential(issuer, listUrl, 'revocation', []));
    const recheck = t.app.get(StatusRecheckService);
    const summary = await recheck.runOnce(new Date(Date.now() + 2 * 3_600_000));
    expect(summary.ran).toBe(true);
    const shown = await t.gql(EVIDENCE_CREDENTIAL, { id: evidenceId }, educator);
    expect(shown.data.evidence).toMatchObject({ verificationStatus: 'VERIFIED', credential: { status: 'ACTIVE' } });

    // The issuer revokes it: the next re-check stops it counting, the evidence shows why, and the change is audited.
    documents.set('/flaky/status', await statusListCredential(issuer, listUrl, 'revocation', [5]));
    await recheck.runOnce(new Date(Date.now() + 30 * 3_600_000));
    const after = await t.gql(EVIDENCE_CREDENTIAL, { id: evidenceId }, educator);
    expect(after.data.evidence.verificationStatus).toBe('SELF_REPORTED');
    expect(after.data.evidence.credential.status).toBe('REVOKED');
    expect(after.data.evidence.credential.report.find((s: { step: string }) => s.step === 'STATUS')).toMatchObject({
      outcome: 'FAILED',
      reason: 'REVOKED',
    });
    expect(after.data.evidence.certification.expiresOn).not.toBeNull();
    const audits = await t.ds.query(
      `SELECT changes FROM audit_entry WHERE action = 'CREDENTIAL_STATUS_CHANGED' AND target_id = $1 ORDER BY id`,
      [evidenceId],
    );
    expect(audits.map((a: { changes: { to: string } }) => a.changes.to)).toEqual(['ACTIVE', 'REVOKED']);
    const [{ next_check_at: final }] = await t.ds.query('SELECT next_check_at FROM imported_credential WHERE evidence_id = $1', [
      evidenceId,
    ]);
    expect(final).toBeNull();
  });

  it('runs the re-check once across instances: concurrent sweeps never check a credential twice', async () => {
    const issuer = await didKeyIssuer();
    for (let i = 0; i < 3; i++) await importAs(educator, await signedCredential(issuer, { email: educatorEmail }));
    const due = new Date(Date.now() + 400 * 24 * 3_600_000);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM imported_credential WHERE next_check_at <= $1', [due]);
    const recheck = t.app.get(StatusRecheckService);
    const results = await Promise.all([recheck.runOnce(due), recheck.runOnce(due), recheck.runOnce(due)]);
    expect(results.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    expect(results.reduce((sum, r) => sum + r.checked, 0)).toBe(n);
  });

  it('issues a district credential that a separately constructed verifier accepts, and reports revoked after revocation', async () => {
    const setUp = await t.gql(
      `mutation($input: SetUpDistrictIssuerInput!) { setUpDistrictIssuer(input: $input) { did url publicKeyMultibase statusListUrl } }`,
      { input: { name: 'Lakeside Unified School District', url: t.baseUrl } },
      hr,
    );
    expect(setUp.errors).toBeUndefined();
    const { did, statusListUrl } = setUp.data.setUpDistrictIssuer;
    expect(did).toBe(`did:web:127.0.0.1%3A${new URL(t.baseUrl).port}`);
    const [stored] = await t.ds.query('SELECT sealed_secret_key, public_key_multibase FROM district_issuer');
    expect(stored.sealed_secret_key).toMatch(/^v1\./);
    expect(JSON.stringify(setUp)).not.toContain(stored.sealed_secret_key);

    const pilot = await insertEvidence(t.ds, {
      educatorId,
      kind: 'PILOT',
      pilotPart: 'LEAD',
      title: 'AI feedback pilot in 7th grade ELA',
      claims: [{ competencyId: comp['ASSESS-REDESIGN'], level: 3 }],
    });
    const issued = await t.gql(
      `mutation($input: IssueCredentialInput!) { issueCredential(input: $input) { id json jwt statusIndex } }`,
      { input: { evidenceId: pilot } },
      hr,
    );
    expect(issued.errors).toBeUndefined();
    const { id, json, jwt } = issued.data.issueCredential;
    const document = JSON.parse(json);
    // The alignment names the competency's CASE item (served by the CASE provider under the public base URL) and its framework's CASE document.
    const [caseRow] = await t.ds.query(
      `SELECT c.case_identifier::text AS item, f.title FROM competency c JOIN competency_framework f ON f.id = c.framework_id WHERE c.id = $1`,
      [comp['ASSESS-REDESIGN']],
    );
    expect(document.credentialSubject.achievement.alignment).toEqual([
      {
        type: ['Alignment'],
        targetType: 'CFItem',
        targetCode: 'ASSESS-REDESIGN',
        targetName: expect.any(String),
        targetUrl: `${t.app.get(APP_CONFIG).publicBaseUrl}/ims/case/v1p1/CFItems/${caseRow.item}`,
        targetFramework: caseRow.title,
      },
    ]);
    expect(JSON.stringify(document)).not.toContain('/competencies/');
    expect(document.credentialSubject.achievement.criteria.narrative).toMatch(/Led a classroom AI pilot/);

    // A verifier that knows nothing of Pathways but the public web: did:web and the status list over HTTP.
    const http = new GuardedHttpClient({
      ...DEFAULT_GUARDED_HTTP_CONFIG,
      allowedHosts: ['127.0.0.1'],
      allowPrivateAddresses: true,
      allowPlainHttp: true,
      cacheTtlMs: 0,
    });
    const fetchJson = (url: string, o?: { fresh?: boolean }) => http.getJson(url, o);
    const outsider = new CredentialVerifier(new KeyDirectory(fetchJson, () => undefined, 'http'), fetchJson);
    const holder = { emails: [educatorEmail], dids: [] };
    for (const form of [json, jwt]) {
      const r = await outsider.verify(form, holder);
      expect(r.failure).toBeUndefined();
      expect(r.verified?.issuerId).toBe(did);
    }
    expect((await fetch(statusListUrl)).status).toBe(200);

    const revoked = await t.gql(
      `mutation($input: RevokeIssuedCredentialInput!) { revokeIssuedCredential(input: $input) { revokedAt } }`,
      { input: { id, reason: 'Issued in error' } },
      hr,
    );
    expect(revoked.data.revokeIssuedCredential.revokedAt).not.toBeNull();
    for (const form of [json, jwt]) {
      const r = await outsider.verify(form, holder);
      expect(r.failure?.reason).toBe('REVOKED');
    }
  });

  it("exports the educator's verified portfolio as a CLR 2.0 signed by the district, verified by an outsider and refused after one byte changes", async () => {
    const EXPORT = `mutation($input: ExportClrInput!) { exportClr(input: $input) { json credentialCount omitted { source sourceId reason } } }`;
    // The district is an issuer (set up by the issuance test, or here when this test runs alone).
    await t.gql(
      `mutation($input: SetUpDistrictIssuerInput!) { setUpDistrictIssuer(input: $input) { did } }`,
      { input: { name: 'Lakeside Unified School District', url: t.baseUrl } },
      hr,
    );
    const pd = await insertEvidence(t.ds, {
      educatorId,
      kind: 'PROFESSIONAL_LEARNING',
      title: 'Prompting for feedback: a PD series',
      claims: [{ competencyId: comp['AI-TOOL-EVAL'], level: 2 }],
    });
    const issued = await t.gql(
      `mutation($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
      { input: { evidenceId: pd } },
      hr,
    );
    expect(issued.errors).toBeUndefined();
    // A trusted vendor's ecdsa-rdfc-2019 credential, imported and VERIFIED.
    const vendor = await ecdsaDidKeyIssuer();
    await t.gql(
      SAVE_ISSUER,
      { input: { issuerId: vendor.controller, displayName: 'P-256 Academy', keySource: 'DID', achievementMappings: [] } },
      hr,
    );
    const vendorCredential = JSON.stringify(await signEcdsa(achievementCredential(vendor, { email: educatorEmail }), vendor));
    expect((await importAs(educator, vendorCredential)).data.importCredential.outcome).toBe('VERIFIED');
    // A trusted issuer's VC-JWT: VERIFIED, but a JSON-LD record cannot embed a JWT, so it is listed as left out.
    const jwtVendor = await didKeyIssuer();
    await t.gql(
      SAVE_ISSUER,
      { input: { issuerId: jwtVendor.controller, displayName: 'JWT Academy', keySource: 'DID', achievementMappings: [] } },
      hr,
    );
    const jwtImport = await importAs(educator, await jwtCredential(jwtVendor, { email: educatorEmail }));
    expect(jwtImport.data.importCredential.outcome).toBe('VERIFIED');
    const [{ id: jwtImportId }] = await t.ds.query('SELECT id FROM imported_credential WHERE evidence_id = $1', [
      jwtImport.data.importCredential.evidence.id,
    ]);

    const auditsBefore = (await t.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'CLR_EXPORTED'`))[0].n;
    const res = await t.gql(EXPORT, { input: {} }, educator);
    expect(res.errors).toBeUndefined();
    const { json, credentialCount, omitted } = res.data.exportClr;
    const clr = JSON.parse(json);
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr['@context']).toContain('https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json');
    expect(clr.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' });
    const nested = clr.credentialSubject.verifiableCredential as Array<{ issuer: { id: string }; id: string }>;
    expect(nested).toHaveLength(credentialCount);
    // Every district credential not revoked, and every imported one that is VERIFIED; JWT-only imports are listed as left out.
    const [{ issuedLive }] = await t.ds.query(
      'SELECT count(*)::int AS "issuedLive" FROM issued_credential WHERE educator_id = $1 AND revoked_at IS NULL',
      [educatorId],
    );
    const verifiedImports: Array<{ format: string }> = await t.ds.query(
      `SELECT ic.format FROM imported_credential ic JOIN evidence e ON e.id = ic.evidence_id
        WHERE ic.educator_id = $1 AND ic.trusted AND ic.status = 'ACTIVE' AND e.verification_status = 'VERIFIED'`,
      [educatorId],
    );
    expect(credentialCount).toBe(issuedLive + verifiedImports.filter((r) => r.format === 'DATA_INTEGRITY').length);
    expect(nested.map((c) => c.issuer.id)).toContain(vendor.controller);
    expect(omitted).toContainEqual({ source: 'IMPORTED', sourceId: jwtImportId, reason: 'JWT_ONLY' });
    expect(nested.map((c) => c.issuer.id)).not.toContain(jwtVendor.controller);
    const revoked: Array<{ id: string }> = await t.ds.query(
      `SELECT document->>'id' AS id FROM issued_credential WHERE educator_id = $1 AND revoked_at IS NOT NULL`,
      [educatorId],
    );
    for (const r of revoked) expect(nested.map((c) => c.id)).not.toContain(r.id);
    const [{ n: auditsAfter }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'CLR_EXPORTED' AND target_id = $1`,
      [educatorId],
    );
    expect(auditsAfter).toBe(auditsBefore + 1);

    // A verifier built apart from the service, knowing only the public web: did:web and status lists over HTTP.
    const http = new GuardedHttpClient({
      ...DEFAULT_GUARDED_HTTP_CONFIG,
      allowedHosts: ['127.0.0.1'],
      allowPrivateAddresses: true,
      allowPlainHttp: true,
      cacheTtlMs: 0,
    });
    const fetchJson = (url: string, o?: { fresh?: boolean }) => http.getJson(url, o);
    const outsider = new CredentialVerifier(new KeyDirectory(fetchJson, () => undefined, 'http'), fetchJson);
    const ok = await outsider.verifyClr(json);
    expect(ok.failure).toBeUndefined();
    expect(ok.credentials).toHaveLength(credentialCount);
    const altered = json.replace('Comprehensive Learner Record of', 'Comprehensive Learner Record 0f');
    expect(altered).not.toBe(json);
    expect((await outsider.verifyClr(altered)).failure).toMatchObject({ step: 'PROOF', reason: 'PROOF_INVALID' });

    // HR exports anyone's; another educator cannot export Ana's.
    expect((await t.gql(EXPORT, { input: { educatorId } }, hr)).errors).toBeUndefined();
    expect(codeOf(await t.gql(EXPORT, { input: { educatorId } }, otherEducator))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(EXPORT, { input: {} }, otherEducator))).toBe('BAD_USER_INPUT');
  });

  it('accepts credentials from issuers no one here wrote, in every form it supports (did:web on an allowed host, ecdsa-rdfc-2019, the OB 3.0 JWT form, VC 1.1)', async () => {
    const webIssuer = await didWebIssuer(new URL(siteUrl).host);
    documents.set('/.well-known/did.json', didDocumentOf(webIssuer));
    const ecdsa = await ecdsaDidKeyIssuer();
    const ed = await didKeyIssuer();
    const vc = achievementCredential(ed, { email: educatorEmail });
    const forms: Array<[string, string]> = [
      ['did:web', await signedCredential(webIssuer, { email: educatorEmail })],
      ['ecdsa-rdfc-2019', JSON.stringify(await signEcdsa(achievementCredential(ecdsa, { email: educatorEmail }), ecdsa))],
      [
        'OB 3.0 JWT (vc claim)',
        await signJwtAs(ed, { vc, iss: ed.controller, jti: vc.id, nbf: 1704067200, exp: 4102444800 }, { typ: 'JWT' }),
      ],
      ['VC 1.1', await signedCredential(ed, { v1: true, email: educatorEmail, validUntil: '2099-01-01T00:00:00Z' })],
    ];
    for (const [form, credential] of forms) {
      const before = await counts();
      const res = await importAs(educator, credential);
      expect({ form, errors: res.errors }).toEqual({ form, errors: undefined });
      expect(res.data.importCredential).toMatchObject({
        outcome: 'SELF_REPORTED',
        alreadyImported: false,
        evidence: { verificationStatus: 'SELF_REPORTED' },
      });
      expect(await counts()).toEqual({ evidence: before.evidence + 1, imported: before.imported + 1, audits: before.audits + 1 });
    }
    documents.delete('/.well-known/did.json');

    // A trusted issuer whose keys are a JWKS on an allowed host (registered directly: the API wants https): VERIFIED.
    const jwksIssuer = `${siteUrl}/issuers/es256`;
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    documents.set('/jwks-es256', { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig' }] });
    await t.ds.query(
      `INSERT INTO trusted_issuer (issuer_id, display_name, key_source, jwks_url, version) VALUES ($1, 'ES256 Co', 'JWKS', $2, 1)`,
      [jwksIssuer, `${siteUrl}/jwks-es256`],
    );
    const jwksVc = achievementCredential({ controller: jwksIssuer } as SigningKey, { email: educatorEmail });
    const jwksJwt = await new SignJWT({ vc: jwksVc, iss: jwksIssuer, jti: jwksVc.id as string })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'JWT' })
      .sign(privateKey);
    const trusted = await importAs(educator, jwksJwt);
    expect(trusted.errors).toBeUndefined();
    expect(trusted.data.importCredential).toMatchObject({ outcome: 'VERIFIED', evidence: { verificationStatus: 'VERIFIED' } });
  });

  it('refuses credentials broken in ways an outside issuer gets wrong, each with the failing step named, writing nothing', async () => {
    const host = new URL(siteUrl).host;
    const webIssuer = await didWebIssuer(host);
    const ed = await didKeyIssuer();
    const other = await didKeyIssuer();
    const p256 = await ecdsaDidKeyIssuer();
    // A JWKS issuer whose key set holds an RSA key while its JWTs say ES256 (registered directly: the API wants https).
    const jwksIssuer = `${siteUrl}/issuers/jwks`;
    const { publicKey: rsaKey } = await generateKeyPair('RS256');
    documents.set('/jwks', { keys: [{ ...(await exportJWK(rsaKey)), kid: 'k1', use: 'sig' }] });
    await t.ds.query(
      `INSERT INTO trusted_issuer (issuer_id, display_name, key_source, jwks_url, version) VALUES ($1, 'JWKS Co', 'JWKS', $2, 1)`,
      [jwksIssuer, `${siteUrl}/jwks`],
    );
    const { privateKey: es256 } = await generateKeyPair('ES256');

    const signed = await signDataIntegrity(achievementCredential(ed, { email: educatorEmail }), ed);
    const ecdsaSigned = JSON.stringify(await signEcdsa(achievementCredential(p256, { email: educatorEmail }), p256));
    const undeclared = { ...other, id: `${webIssuer.controller}#key-2`, controller: webIssuer.controller };
    const cases: Array<[string, () => Promise<string>, string, string]> = [
      [
        'a JWT whose iss is not the credential issuer',
        async () => signJwtAs(other, { vc: achievementCredential(ed, { email: educatorEmail }), iss: other.controller }),
        'PROOF',
        'ISSUER_MISMATCH',
      ],
      [
        "a JWT signed by a key that is not the issuer's",
        async () => signJwtAs(other, { vc: achievementCredential(ed, { email: educatorEmail }), iss: ed.controller }),
        'PROOF',
        'ISSUER_MISMATCH',
      ],
      [
        'a JWT signed with ES256 by an issuer whose JWKS key is RSA',
        async () =>
          new SignJWT({ vc: achievementCredential({ controller: jwksIssuer } as SigningKey, { email: educatorEmail }), iss: jwksIssuer })
            .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
            .sign(es256),
        'PROOF',
        'WRONG_KEY_TYPE',
      ],
      ['the same proof twice', async () => JSON.stringify({ ...signed, proof: [signed.proof, signed.proof] }), 'PROOF', 'PROOF_INVALID'],
      [
        "a proof by a key the issuer's DID document does not declare",
        async () => {
          documents.set('/.well-known/did.json', didDocumentOf(webIssuer));
          return JSON.stringify(await signDataIntegrity(achievementCredential(webIssuer, { email: educatorEmail }), undeclared));
        },
        'PROOF',
        'KEY_UNAVAILABLE',
      ],
      [
        'a did:web whose document belongs to another DID',
        async () => {
          documents.set('/.well-known/did.json', { ...didDocumentOf(webIssuer), id: 'did:web:elsewhere.example' });
          return signedCredential(webIssuer, { email: educatorEmail });
        },
        'PROOF',
        'KEY_UNAVAILABLE',
      ],
      [
        'an ecdsa-rdfc-2019 credential with one byte changed',
        async () => ecdsaSigned.replace('AI in the Classroom Practitioner', 'AI in the Classroom Practitionex'),
        'PROOF',
        'PROOF_INVALID',
      ],
      [
        'an eddsa proof claiming a P-256 key',
        async () => {
          const doc = JSON.parse(ecdsaSigned);
          return JSON.stringify({ ...doc, proof: { ...doc.proof, cryptosuite: 'eddsa-rdfc-2022' } });
        },
        'PROOF',
        'WRONG_KEY_TYPE',
      ],
      [
        'a VC 1.1 credential past its expirationDate',
        async () => signedCredential(ed, { v1: true, email: educatorEmail, validUntil: '2025-01-01T00:00:00Z' }),
        'VALIDITY',
        'EXPIRED',
      ],
      [
        'a proof for authentication, not assertion',
        async () => JSON.stringify({ ...signed, proof: { ...(signed.proof as object), proofPurpose: 'authentication' } }),
        'PROOF',
        'PROOF_INVALID',
      ],
      [
        'an EndorsementCredential',
        async () =>
          JSON.stringify(
            await signDataIntegrity(
              {
                ...achievementCredential(ed),
                type: ['VerifiableCredential', 'EndorsementCredential'],
                credentialSubject: {
                  id: 'https://learning.example/achievements/ai-practitioner',
                  type: ['EndorsementSubject'],
                  endorsementComment: 'Rigorous',
                },
              },
              ed,
            ),
          ),
        'SHAPE',
        'SCHEMA_INVALID',
      ],
      ['nesting 10,000 levels deep', async () => `{"proof": {}, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'PARSE', 'MALFORMED'],
      [
        'an inline context',
        async () =>
          JSON.stringify({ ...signed, '@context': [...(signed['@context'] as string[]), { trusted: 'https://evil.example/trusted' }] }),
        'SHAPE',
        'UNKNOWN_CONTEXT',
      ],
    ];
    for (const [name, make, step, reason] of cases) {
      const credential = await make();
      const before = await counts();
      const res = await importAs(educator, credential);
      expect({ name, code: codeOf(res), step: res.errors?.[0].extensions?.step, reason: res.errors?.[0].extensions?.reason }).toEqual({
        name,
        code: 'BAD_USER_INPUT',
        step,
        reason,
      });
      expect(res.errors![0].message).toMatch(new RegExp(`refused at ${step.toLowerCase()}`));
      expect(await counts()).toEqual(before);
    }
    documents.delete('/.well-known/did.json');
  });

  it('refuses to issue for evidence that is not VERIFIED or not a led pilot, PD or presentation', async () => {
    const selfReported = await insertEvidence(t.ds, { educatorId, kind: 'PRESENTATION', status: 'SELF_REPORTED', claims: [] });
    const course = await insertEvidence(t.ds, { educatorId, kind: 'COURSE', claims: [] });
    for (const evidenceId of [selfReported, course]) {
      const res = await t.gql(
        `mutation($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
        { input: { evidenceId } },
        hr,
      );
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    }
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM issued_credential WHERE evidence_id = ANY($1)', [
      [selfReported, course],
    ]);
    expect(n).toBe(0);
  });
});
