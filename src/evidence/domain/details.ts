import { badInput } from '../../common/app-error.js';
import { EVIDENCE_KINDS, kindSpec, type EvidenceKind, type PilotPart } from './evidence-kind.js';

export { MAX_ATTENDEES, MAX_CLASSROOMS, MAX_COURSE_HOURS, MAX_SESSIONS, MAX_STUDENTS, MAX_TEACHERS } from './evidence-kind.js';

/** The kind-specific columns of an evidence row; each is null unless the row's kind uses it. */
export interface EvidenceDetails {
  issuer: string | null;
  credentialId: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  pilotPart: PilotPart | null;
  classrooms: number | null;
  teachers: number | null;
  students: number | null;
  outcomes: string | null;
  sessions: number | null;
  attendees: number | null;
  venue: string | null;
  hours: number | null;
  provider: string | null;
}

export const NO_DETAILS: Readonly<EvidenceDetails> = Object.freeze({
  issuer: null,
  credentialId: null,
  issuedOn: null,
  expiresOn: null,
  pilotPart: null,
  classrooms: null,
  teachers: null,
  students: null,
  outcomes: null,
  sessions: null,
  attendees: null,
  venue: null,
  hours: null,
  provider: null,
});

type Patch<T> = { [K in keyof T]?: T[K] | null } | null | undefined;

/** The kind-specific groups a client sends; undefined means "not given", null inside a group clears a field. */
export interface DetailPatches {
  certification?: Patch<{ issuer: string; credentialId: string; issuedOn: string; expiresOn: string }>;
  pilot?: Patch<{ part: PilotPart; classrooms: number; teachers: number; students: number; outcomes: string }>;
  professionalLearning?: Patch<{ sessions: number; attendees: number }>;
  presentation?: Patch<{ venue: string }>;
  course?: Patch<{ hours: number; provider: string }>;
}

type Group = keyof DetailPatches;

/** The kind whose details each input group carries, from the registry (an artifact has none). */
const GROUP_KINDS = new Map<string, EvidenceKind>(
  EVIDENCE_KINDS.flatMap((k) => {
    const details = kindSpec(k).details;
    return details ? [[details.group, k] as const] : [];
  }),
);

/**
 * Applies the client's kind-specific input onto `current` and checks the result against the rules of `kind`.
 * Only the group matching the kind may be given. Fields the group leaves out keep their current value (on
 * create the current value is NO_DETAILS), so the same call serves create and update.
 */
export function applyDetails(kind: EvidenceKind, current: Readonly<EvidenceDetails>, patches: DetailPatches): EvidenceDetails {
  const next: EvidenceDetails = { ...current };
  for (const [group, groupKind] of GROUP_KINDS) {
    const patch = patches[group as Group];
    if (patch === undefined || patch === null) continue;
    if (groupKind !== kind)
      throw badInput(`${group} details belong to ${groupKind} evidence, not ${kind}; give only the details of the item's kind`);
    for (const [field, column] of Object.entries(kindSpec(kind).details?.columns ?? {})) {
      const value = (patch as Record<string, unknown>)[field];
      if (value !== undefined) (next as unknown as Record<string, unknown>)[column] = value;
    }
  }
  return checkDetails(kind, next);
}

/** The per-kind rules (each kind's `details.check` in the registry): what each kind must carry, and that nothing of another kind is stored with it. */
export function checkDetails(kind: EvidenceKind, d: Readonly<EvidenceDetails>): EvidenceDetails {
  if (!EVIDENCE_KINDS.includes(kind)) throw badInput(`Unknown evidence kind ${String(kind)}`);
  const details = kindSpec(kind).details;
  return { ...NO_DETAILS, ...(details ? details.check(d) : {}) };
}
