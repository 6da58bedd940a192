import { badInput } from '../../common/app-error.js';
import { providerUri } from '../../case/domain/export-package.js';

/** The issuer DID for a district site: https://pathways.district.org -> did:web:pathways.district.org (ports as %3A). */
export function didWebFor(url: string): string {
  const u = new URL(url);
  const host = u.port ? `${u.hostname}%3A${u.port}` : u.hostname;
  const path = u.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...path].join(':');
}

/** The district's public site: https, or http only outside production (a test or a local demo). */
export function checkIssuerUrl(raw: string, production: boolean): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw badInput('url must be the district site where Pathways is served, for example https://pathways.district.org');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && !production)) throw badInput('url must use https');
  if (url.search || url.hash || url.username || url.password) throw badInput('url must not carry a query, fragment or credentials');
  if (url.pathname !== '/' && url.pathname !== '') throw badInput('url must be the site root, where /.well-known/did.json is served');
  return url.origin;
}

export const ISSUABLE = {
  PILOT: 'Led a classroom AI pilot',
  PROFESSIONAL_LEARNING: 'Designed and delivered professional learning for colleagues',
  PRESENTATION: 'Presented on AI in education',
} as const;

export interface IssuableEvidence {
  id: string;
  kind: string;
  pilotPart: string | null;
  verificationStatus: string;
  title: string;
  description: string;
  startedOn: string | null;
  endedOn: string | null;
  venue: string | null;
  sessions: number | null;
  attendees: number | null;
  classrooms: number | null;
  students: number | null;
}

/** Only VERIFIED evidence of a led pilot, designed-and-delivered PD or a presentation becomes a district credential. */
export function checkIssuable(e: IssuableEvidence): keyof typeof ISSUABLE {
  if (e.verificationStatus !== 'VERIFIED') throw badInput('Only VERIFIED evidence can become a district credential; verify it first');
  if (e.kind === 'PILOT' && e.pilotPart !== 'LEAD') throw badInput('A pilot credential is for the educator who led it (pilot part LEAD)');
  if (!(e.kind in ISSUABLE))
    throw badInput('District credentials cover led pilots, professional learning the educator designed and delivered, and presentations');
  return e.kind as keyof typeof ISSUABLE;
}

function criteriaFor(e: IssuableEvidence, kind: keyof typeof ISSUABLE): string {
  const facts: string[] = [];
  if (kind === 'PILOT')
    facts.push(
      `led a pilot${e.classrooms ? ` across ${e.classrooms} classroom(s)` : ''}${e.students ? ` reaching ${e.students} students` : ''}`,
    );
  if (kind === 'PROFESSIONAL_LEARNING')
    facts.push(`designed and delivered ${e.sessions ?? 1} session(s) for ${e.attendees ?? 1} colleague(s)`);
  if (kind === 'PRESENTATION') facts.push(`presented${e.venue ? ` at ${e.venue}` : ''}`);
  return `${ISSUABLE[kind]}: the educator ${facts.join(', ')}, and the district's HR office verified the evidence.`;
}

export interface Alignment {
  targetType: 'CFItem';
  targetUrl: string;
  targetName: string;
  targetCode: string;
  targetFramework: string;
}

/** A competency as CASE publishes it: its CFItem (stored URI, or the provider URI of its identifier) and its CFDocument. */
export interface CaseCompetency {
  code: string;
  name: string;
  itemIdentifier: string;
  itemUri: string | null;
  frameworkIdentifier: string;
  frameworkTitle: string;
  documentTitle: string | null;
}

/**
 * The Open Badges alignment to a competency's CASE item: the URI a CASE consumer resolves (an imported item keeps the
 * URI its publisher gave it; a native one is served by Pathways' CASE provider under the public base URL), with the
 * framework named as its CASE document is titled.
 */
export function caseAlignment(c: CaseCompetency, publicBaseUrl: string): Alignment {
  return {
    targetType: 'CFItem',
    targetUrl: c.itemUri ?? providerUri(publicBaseUrl, 'CFItems', c.itemIdentifier),
    targetName: c.name,
    targetCode: c.code,
    targetFramework: c.documentTitle ?? c.frameworkTitle,
  };
}

/** An Open Badges 3.0 AchievementCredential for one evidence item, ready to be signed. */
export function buildAchievementCredential(args: {
  credentialId: string;
  issuer: { did: string; name: string; url: string };
  educator: { fullName: string; email: string };
  evidence: IssuableEvidence;
  alignments: Alignment[];
  statusIndex: number;
  statusListUrl: string;
  issuedAt: Date;
}): Record<string, unknown> {
  const kind = checkIssuable(args.evidence);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: args.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: args.issuer.did, type: ['Profile'], name: args.issuer.name, url: args.issuer.url },
    name: args.evidence.title,
    validFrom: args.issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: args.educator.email, identityType: 'emailAddress', hashed: false }],
      achievement: {
        id: `${args.issuer.url}/credentials/achievements/${args.evidence.id}`,
        type: ['Achievement'],
        name: args.evidence.title,
        description: args.evidence.description || ISSUABLE[kind],
        criteria: { narrative: criteriaFor(args.evidence, kind) },
        ...(args.alignments.length ? { alignment: args.alignments.map((a) => ({ type: ['Alignment'], ...a })) } : {}),
      },
    },
    credentialStatus: {
      id: `${args.statusListUrl}#${args.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(args.statusIndex),
      statusListCredential: args.statusListUrl,
    },
  };
}
