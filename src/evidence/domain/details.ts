import { badInput } from '../../common/app-error.js';
import { EvidenceKind, PilotPart } from './evidence-kind.js';
import { checkDate, checkInt, checkOrder, MAX_NAME, MAX_TEXT, optionalText, requiredText } from './fields.js';

export const MAX_COURSE_HOURS = 2000;
export const MAX_SESSIONS = 1000;
export const MAX_ATTENDEES = 100_000;
export const MAX_CLASSROOMS = 10_000;
export const MAX_TEACHERS = 100_000;
export const MAX_STUDENTS = 1_000_000;

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
  issuer: null, credentialId: null, issuedOn: null, expiresOn: null,
  pilotPart: null, classrooms: null, teachers: null, students: null, outcomes: null,
  sessions: null, attendees: null,
  venue: null,
  hours: null, provider: null,
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

/** Which input group belongs to which kind (an artifact has none), and which column each group field fills. */
const GROUPS: Record<Group, { kind: EvidenceKind; columns: Record<string, keyof EvidenceDetails> }> = {
  certification: { kind: EvidenceKind.CERTIFICATION, columns: { issuer: 'issuer', credentialId: 'credentialId', issuedOn: 'issuedOn', expiresOn: 'expiresOn' } },
  pilot: { kind: EvidenceKind.PILOT, columns: { part: 'pilotPart', classrooms: 'classrooms', teachers: 'teachers', students: 'students', outcomes: 'outcomes' } },
  professionalLearning: { kind: EvidenceKind.PROFESSIONAL_LEARNING, columns: { sessions: 'sessions', attendees: 'attendees' } },
  presentation: { kind: EvidenceKind.PRESENTATION, columns: { venue: 'venue' } },
  course: { kind: EvidenceKind.COURSE, columns: { hours: 'hours', provider: 'provider' } },
};

/**
 * Applies the client's kind-specific input onto `current` and checks the result against the rules of `kind`.
 * Only the group matching the kind may be given. Fields the group leaves out keep their current value (on
 * create the current value is NO_DETAILS), so the same call serves create and update.
 */
export function applyDetails(kind: EvidenceKind, current: Readonly<EvidenceDetails>, patches: DetailPatches): EvidenceDetails {
  const next: EvidenceDetails = { ...current };
  for (const group of Object.keys(GROUPS) as Group[]) {
    const patch = patches[group];
    if (patch === undefined || patch === null) continue;
    const { kind: groupKind, columns } = GROUPS[group];
    if (groupKind !== kind) throw badInput(`${group} details belong to ${groupKind} evidence, not ${kind}; give only the details of the item's kind`);
    for (const [field, column] of Object.entries(columns)) {
      const value = (patch as Record<string, unknown>)[field];
      if (value !== undefined) (next as unknown as Record<string, unknown>)[column] = value;
    }
  }
  return checkDetails(kind, next);
}

/** The per-kind rules: what each kind must carry, and that nothing of another kind is stored with it. */
export function checkDetails(kind: EvidenceKind, d: Readonly<EvidenceDetails>): EvidenceDetails {
  const out: EvidenceDetails = { ...NO_DETAILS };
  switch (kind) {
    case EvidenceKind.CERTIFICATION:
      out.issuer = requiredText(d.issuer, 'certification.issuer', MAX_NAME, 'A certification needs its issuer (certification.issuer)');
      out.credentialId = optionalText(d.credentialId, 'certification.credentialId', MAX_NAME);
      out.issuedOn = checkDate(d.issuedOn, 'certification.issuedOn');
      if (out.issuedOn === null) throw badInput('A certification needs the date it was issued (certification.issuedOn)');
      out.expiresOn = checkDate(d.expiresOn, 'certification.expiresOn');
      checkOrder(out.issuedOn, out.expiresOn, 'certification.issuedOn', 'certification.expiresOn');
      break;
    case EvidenceKind.PILOT:
      if (!d.pilotPart || !Object.values(PilotPart).includes(d.pilotPart)) {
        throw badInput("A pilot needs the educator's part in it (pilot.part): LEAD, CO_LEAD or MEMBER");
      }
      out.pilotPart = d.pilotPart;
      out.classrooms = checkInt(d.classrooms, 'pilot.classrooms', 0, MAX_CLASSROOMS);
      out.teachers = checkInt(d.teachers, 'pilot.teachers', 0, MAX_TEACHERS);
      out.students = checkInt(d.students, 'pilot.students', 0, MAX_STUDENTS);
      out.outcomes = optionalText(d.outcomes, 'pilot.outcomes', MAX_TEXT);
      break;
    case EvidenceKind.PROFESSIONAL_LEARNING:
      out.sessions = checkInt(d.sessions, 'professionalLearning.sessions', 1, MAX_SESSIONS);
      out.attendees = checkInt(d.attendees, 'professionalLearning.attendees', 1, MAX_ATTENDEES);
      if (out.sessions === null || out.attendees === null) {
        throw badInput('Professional learning for colleagues needs the number of sessions and of attendees, each at least 1 (professionalLearning.sessions, professionalLearning.attendees)');
      }
      break;
    case EvidenceKind.PRESENTATION:
      out.venue = requiredText(d.venue, 'presentation.venue', MAX_NAME, 'A conference presentation needs its venue or conference name (presentation.venue)');
      break;
    case EvidenceKind.ARTIFACT:
      break;
    case EvidenceKind.COURSE:
      out.hours = checkHours(d.hours);
      out.provider = optionalText(d.provider, 'course.provider', MAX_NAME);
      break;
    default:
      throw badInput(`Unknown evidence kind ${String(kind)}`);
  }
  return out;
}

function checkHours(hours: number | null): number {
  const rule = `A course or workshop needs its hours (course.hours): more than 0 and at most ${MAX_COURSE_HOURS}, in steps of 0.1`;
  if (hours === null || hours === undefined || !Number.isFinite(hours) || hours <= 0 || hours > MAX_COURSE_HOURS) throw badInput(rule);
  // The column keeps one decimal; refusing 1.25 beats silently storing 1.3.
  if (Math.abs(Math.round(hours * 10) - hours * 10) > 1e-9) throw badInput(rule);
  return hours;
}
