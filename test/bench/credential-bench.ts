import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CredentialVerifier } from '../../src/credentials/verification/credential-verifier.js';
import { KeyDirectory } from '../../src/credentials/verification/key-directory.js';
import {
  achievementCredential,
  didKeyIssuer,
  ecdsaDidKeyIssuer,
  jwtCredential,
  signEcdsa,
  signedCredential,
  statusListCredential,
} from '../support/credential-factory.js';
import { statsOf, type Stats } from './measure.js';

/**
 * Credential verification with no network: 1,000 distinct Open Badges 3.0 credentials from 10 did:key issuers,
 * each with a revocation entry whose status list (signed, 16 KB of bits) is answered from memory, as the guarded
 * client's cache would. Measured per credential: the whole verification (parse, schema, proof, validity, status
 * list with its own proof, recipient), the same for VC-JWT, and beside them the cryptographic check alone
 * (RDF canonicalisation + Ed25519 verification of the credential's proof) as the floor.
 */
const COUNT = Number(process.env.BENCH_CREDENTIALS ?? 1000);
const BUDGET_MS = 50;

async function main(): Promise<void> {
  const issuers = await Promise.all(Array.from({ length: 10 }, () => didKeyIssuer()));
  const lists = new Map<string, unknown>();
  for (const [i, issuer] of issuers.entries()) {
    const url = `https://issuer-${i}.example/status/1`;
    lists.set(url, await statusListCredential(issuer, url, 'revocation', [131071]));
  }
  const fetchJson = async (url: string) => {
    const doc = lists.get(url);
    if (!doc) throw new Error(`no network in this bench: ${url}`);
    return doc;
  };
  const verifier = new CredentialVerifier(new KeyDirectory(fetchJson, () => undefined), fetchJson);
  const holder = { emails: ['ana.lopez@district.example'], dids: [] };
  const options = (i: number) => ({
    email: holder.emails[0],
    status: [{ purpose: 'revocation' as const, url: `https://issuer-${i % 10}.example/status/1`, index: i }],
  });

  const json: string[] = [];
  const jwts: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    json.push(await signedCredential(issuers[i % 10], options(i)));
    jwts.push(await jwtCredential(issuers[i % 10], options(i)));
  }
  // ecdsa-rdfc-2019 (P-256) beside them: a fifth as many, from 2 issuers, without a status entry.
  const ecdsaIssuers = await Promise.all([ecdsaDidKeyIssuer(), ecdsaDidKeyIssuer()]);
  const ecdsa: string[] = [];
  for (let i = 0; i < Math.ceil(COUNT / 5); i++) {
    ecdsa.push(
      JSON.stringify(await signEcdsa(achievementCredential(ecdsaIssuers[i % 2], { email: holder.emails[0] }), ecdsaIssuers[i % 2])),
    );
  }
  // Warm the JIT and the jsonld caches on a few, then measure every credential once.
  for (let i = 0; i < 20; i++) await verifier.verify(json[i], holder);

  const sample = async (items: string[], work: (s: string) => Promise<unknown>): Promise<Stats> => {
    const samples: number[] = [];
    for (const item of items) {
      const start = performance.now();
      await work(item);
      samples.push(performance.now() - start);
    }
    return statsOf(samples);
  };
  let failures = 0;
  const full = await sample(json, async (s) => {
    const r = await verifier.verify(s, holder);
    if (r.failure) failures++;
  });
  const jwt = await sample(jwts, async (s) => {
    const r = await verifier.verify(s, holder);
    if (r.failure) failures++;
  });
  const ecdsaFull = await sample(ecdsa, async (s) => {
    const r = await verifier.verify(s, holder);
    if (r.failure) failures++;
  });
  const parsed = json.map((s) => JSON.parse(s) as Record<string, unknown>);
  const cryptoSamples: number[] = [];
  for (const doc of parsed) {
    const start = performance.now();
    await verifier.checkDataIntegrity(doc);
    cryptoSamples.push(performance.now() - start);
  }
  const crypto = statsOf(cryptoSamples);
  if (failures) throw new Error(`${failures} credentials failed verification in the bench`);

  const rows: Array<[string, Stats]> = [
    ['verify (JSON-LD, full)', full],
    ['verify (VC-JWT, full)', jwt],
    ['verify (ecdsa, no status)', ecdsaFull],
    ['proof check alone', crypto],
  ];
  console.log(`\n== Credential verification: ${COUNT} credentials, no network`);
  console.log(`${'measure'.padEnd(26)}${'median ms'.padStart(11)}${'p95 ms'.padStart(10)}${'x proof'.padStart(9)}`);
  for (const [name, s] of rows) {
    console.log(
      `${name.padEnd(26)}${s.medianMs.toFixed(2).padStart(11)}${s.p95Ms.toFixed(2).padStart(10)}${(s.medianMs / crypto.medianMs).toFixed(2).padStart(9)}`,
    );
  }
  const within = full.medianMs < BUDGET_MS;
  console.log(`median per credential ${full.medianMs} ms: ${within ? 'within' : 'OVER'} the ${BUDGET_MS} ms budget`);
  mkdirSync('.bench', { recursive: true });
  const file = join('.bench', 'credential-bench.json');
  writeFileSync(
    file,
    JSON.stringify(
      { at: new Date().toISOString(), node: process.version, count: COUNT, budgetMs: BUDGET_MS, measures: Object.fromEntries(rows) },
      null,
      2,
    ),
  );
  console.log(`Wrote ${file}`);
  if (!within) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
