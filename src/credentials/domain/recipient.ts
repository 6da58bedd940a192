import { createHash } from 'node:crypto';
import { VerificationFailure } from './report.js';

/** Who the importing educator is: their e-mail addresses and the DIDs HR has linked to them. */
export interface HolderIdentity {
  emails: string[];
  dids: string[];
}

interface IdentityObject {
  identityType?: unknown;
  identityHash?: unknown;
  hashed?: unknown;
  salt?: unknown;
}

const normalEmail = (s: string) => s.trim().toLowerCase();

function hashMatches(identityHash: string, salt: string, candidates: string[]): boolean {
  const m = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(identityHash.trim());
  if (!m || m[1].toLowerCase() !== 'sha256') return false;
  const expected = m[2].toLowerCase();
  // Issuers differ on case; both the address as stored and lower-cased are tried.
  return candidates.some((c) =>
    [c, c.toLowerCase()].some(
      (v) =>
        createHash('sha256')
          .update(v + salt)
          .digest('hex') === expected,
    ),
  );
}

/** The subjects' identifiers in readable form, for the report (hashes are shown as hashes). */
export function describeSubjects(subjects: Array<Record<string, unknown>>): string {
  return subjects
    .map((s) =>
      typeof s.id === 'string' ? s.id : Array.isArray(s.identifier) ? `${s.identifier.length} identity object(s)` : 'no identifier',
    )
    .join(', ');
}

/**
 * Recipient binding: at least one credential subject names the holder, by DID, by `mailto:` id, or by an
 * Open Badges IdentityObject of type emailAddress, plain or salted-sha256-hashed.
 */
export function checkRecipient(subjects: Array<Record<string, unknown>>, holder: HolderIdentity): string {
  const emails = holder.emails.map(normalEmail);
  const dids = new Set(holder.dids);
  for (const subject of subjects) {
    const id = subject.id;
    if (typeof id === 'string') {
      if (dids.has(id)) return `subject ${id} is a DID linked to the educator`;
      if (id.toLowerCase().startsWith('mailto:') && emails.includes(normalEmail(id.slice(7)))) return 'subject e-mail matches the educator';
    }
    const identifiers = Array.isArray(subject.identifier) ? (subject.identifier as IdentityObject[]) : [];
    for (const identity of identifiers) {
      if (!identity || typeof identity.identityHash !== 'string') continue;
      const type = String(identity.identityType ?? '');
      if (type !== 'emailAddress') continue;
      if (identity.hashed === true) {
        if (hashMatches(identity.identityHash, typeof identity.salt === 'string' ? identity.salt : '', holder.emails)) {
          return 'hashed e-mail identifier matches the educator';
        }
      } else if (emails.includes(normalEmail(identity.identityHash))) {
        return 'e-mail identifier matches the educator';
      }
    }
  }
  throw new VerificationFailure(
    'RECIPIENT',
    'RECIPIENT_MISMATCH',
    `The credential was issued to ${describeSubjects(subjects)}, not to this educator`,
  );
}
