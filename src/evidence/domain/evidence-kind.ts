import { badInput } from '../../common/app-error.js';
import type { EvidenceDetails } from './details.js';
import { checkDate, checkInt, checkOrder, MAX_NAME, MAX_TEXT, optionalText, requiredText } from './fields.js';

/**
 * THE vocabulary of evidence, defined once here: the kinds (one registry entry each), the verification statuses
 * and the pilot parts. Everything about a kind derives from its entry in EVIDENCE_KIND_REGISTRY:
 * - the GraphQL enum `EvidenceKind` and its descriptions (models/evidence-enums.ts),
 * - the `ck_evidence_kind` check constraint (evidence.entity.ts),
 * - the kind-specific details and their rules (details.ts),
 * - the scoring kinds, their weight slots, the default policy's weights and the policy's GraphQL weight fields
 *   (matching/domain/evidence-rules.ts, matching/domain/scoring-policy.ts, matching/dto, matching/models),
 * - the SQL weight mapping (weight slots) and the counting rules (ageing, attendance cap),
 * - the explanation wording (matching/domain/explanation.ts).
 * test/integration/evidence-kind-registry.spec.ts proves each of those covers every kind. README: "Adding an evidence kind".
 * Plain objects rather than TypeScript enums so the string values ('COURSE') stay assignable where rows and SQL hand them over.
 */

/** Strongest first: the matching module's weight slots follow this order. */
export const VerificationStatus = {
  VERIFIED: 'VERIFIED',
  ENDORSED: 'ENDORSED',
  SELF_REPORTED: 'SELF_REPORTED',
} as const;
export type VerificationStatus = (typeof VerificationStatus)[keyof typeof VerificationStatus];

/** The educator's part in a pilot. */
export const PilotPart = {
  LEAD: 'LEAD',
  CO_LEAD: 'CO_LEAD',
  MEMBER: 'MEMBER',
} as const;
export type PilotPart = (typeof PilotPart)[keyof typeof PilotPart];

export const MAX_COURSE_HOURS = 2000;
export const MAX_SESSIONS = 1000;
export const MAX_ATTENDEES = 100_000;
export const MAX_CLASSROOMS = 10_000;
export const MAX_TEACHERS = 100_000;
export const MAX_STUDENTS = 1_000_000;

/** One way a kind is weighed by the scoring policy (a pilot is weighed by the part the educator played). */
export interface ScoringVariantSpec {
  /**
   * This variant's row in the policy's weight table, counting from 0 in the order variants were added. It is
   * stored (evidence_claim_fact.weight_slot), so it is never renumbered: a new kind takes the next free number.
   */
  readonly slot: number;
  /** Set for a kind weighed by the educator's part (PILOT). */
  readonly pilotPart?: PilotPart;
  /** Its field in the policy's GraphQL weights (EvidenceKindWeights, EvidenceKindWeightsInput). */
  readonly weightField: string;
  /** Its weight in the default policy, and in the policy version the kind's migration publishes. */
  readonly defaultWeight: number;
  /** Describes the weight field in the schema. */
  readonly weightDescription: string;
  /** Explanation wording: the item as held ("pilot they led") and as advice ("a pilot you lead"). */
  readonly held: string;
  readonly advice: string;
  /** Countable nouns take "a"/"an" in explanations ("a verified certification"); "course attendance" does not. */
  readonly countable: boolean;
}

/** The kind-specific input group a client sends and the columns its fields fill. */
export interface DetailsSpec {
  /** The field of EvidenceInput/UpdateEvidenceInput that carries this kind's details. */
  readonly group: string;
  /** Input group field -> evidence column. */
  readonly columns: Readonly<Record<string, keyof EvidenceDetails>>;
  /** Checks the kind's columns and returns them; every other column of the row is then null. */
  readonly check: (d: Readonly<EvidenceDetails>) => Partial<EvidenceDetails>;
}

export interface EvidenceKindSpec {
  /** The GraphQL enum value's description. */
  readonly label: string;
  /** False: the kind counts in full until it expires (a credential); true: it loses weight with age. */
  readonly ages: boolean;
  /** Attendance shows exposure, not expertise: it never demonstrates a level above the policy's attendance cap. */
  readonly attendance: boolean;
  /** Null: the kind has no details beyond the common fields. */
  readonly details: DetailsSpec | null;
  /** Keyed by scoring kind: one entry (named like the kind) unless the kind is weighed by pilot part. */
  readonly scoring: Readonly<Record<string, ScoringVariantSpec>>;
}

function checkHours(hours: number | null): number {
  const rule = `A course or workshop needs its hours (course.hours): more than 0 and at most ${MAX_COURSE_HOURS}, in steps of 0.1`;
  if (hours === null || hours === undefined || !Number.isFinite(hours) || hours <= 0 || hours > MAX_COURSE_HOURS) throw badInput(rule);
  // The column keeps one decimal; refusing 1.25 beats silently storing 1.3.
  if (Math.abs(Math.round(hours * 10) - hours * 10) > 1e-9) throw badInput(rule);
  return hours;
}

/**
 * Every evidence kind, one entry each. Adding a kind: add its entry here and write its migration (README,
 * "Adding an evidence kind"); the compiler and test/integration/evidence-kind-registry.spec.ts do the rest.
 */
export const EVIDENCE_KIND_REGISTRY = {
  CERTIFICATION: {
    label: 'A recognised certification',
    ages: false,
    attendance: false,
    details: {
      group: 'certification',
      columns: { issuer: 'issuer', credentialId: 'credentialId', issuedOn: 'issuedOn', expiresOn: 'expiresOn' },
      check: (d) => {
        const issuer = requiredText(d.issuer, 'certification.issuer', MAX_NAME, 'A certification needs its issuer (certification.issuer)');
        const credentialId = optionalText(d.credentialId, 'certification.credentialId', MAX_NAME);
        const issuedOn = checkDate(d.issuedOn, 'certification.issuedOn');
        if (issuedOn === null) throw badInput('A certification needs the date it was issued (certification.issuedOn)');
        const expiresOn = checkDate(d.expiresOn, 'certification.expiresOn');
        checkOrder(issuedOn, expiresOn, 'certification.issuedOn', 'certification.expiresOn');
        return { issuer, credentialId, issuedOn, expiresOn };
      },
    },
    scoring: {
      CERTIFICATION: {
        slot: 2,
        weightField: 'certification',
        defaultWeight: 1,
        weightDescription: 'A recognised certification',
        held: 'certification',
        advice: 'a certification',
        countable: true,
      },
    },
  },
  PILOT: {
    label: 'A pilot the educator led, co-led or took part in',
    ages: true,
    attendance: false,
    details: {
      group: 'pilot',
      columns: { part: 'pilotPart', classrooms: 'classrooms', teachers: 'teachers', students: 'students', outcomes: 'outcomes' },
      check: (d) => {
        if (!d.pilotPart || !Object.values(PilotPart).includes(d.pilotPart)) {
          throw badInput("A pilot needs the educator's part in it (pilot.part): LEAD, CO_LEAD or MEMBER");
        }
        return {
          pilotPart: d.pilotPart,
          classrooms: checkInt(d.classrooms, 'pilot.classrooms', 0, MAX_CLASSROOMS),
          teachers: checkInt(d.teachers, 'pilot.teachers', 0, MAX_TEACHERS),
          students: checkInt(d.students, 'pilot.students', 0, MAX_STUDENTS),
          outcomes: optionalText(d.outcomes, 'pilot.outcomes', MAX_TEXT),
        };
      },
    },
    scoring: {
      PILOT_LEAD: {
        slot: 0,
        pilotPart: 'LEAD',
        weightField: 'pilotLead',
        defaultWeight: 1,
        weightDescription: 'A pilot the educator led',
        held: 'pilot they led',
        advice: 'a pilot you lead',
        countable: true,
      },
      PILOT_CO_LEAD: {
        slot: 3,
        pilotPart: 'CO_LEAD',
        weightField: 'pilotCoLead',
        defaultWeight: 0.8,
        weightDescription: 'A pilot the educator co-led',
        held: 'pilot they co-led',
        advice: 'a pilot you co-lead',
        countable: true,
      },
      PILOT_MEMBER: {
        slot: 6,
        pilotPart: 'MEMBER',
        weightField: 'pilotMember',
        defaultWeight: 0.4,
        weightDescription: 'A pilot the educator took part in',
        held: 'pilot they took part in',
        advice: 'a pilot you take part in',
        countable: true,
      },
    },
  },
  PROFESSIONAL_LEARNING: {
    label: 'Professional learning designed and/or delivered for colleagues',
    ages: true,
    attendance: false,
    details: {
      group: 'professionalLearning',
      columns: { sessions: 'sessions', attendees: 'attendees' },
      check: (d) => {
        const sessions = checkInt(d.sessions, 'professionalLearning.sessions', 1, MAX_SESSIONS);
        const attendees = checkInt(d.attendees, 'professionalLearning.attendees', 1, MAX_ATTENDEES);
        if (sessions === null || attendees === null) {
          throw badInput(
            'Professional learning for colleagues needs the number of sessions and of attendees, each at least 1 (professionalLearning.sessions, professionalLearning.attendees)',
          );
        }
        return { sessions, attendees };
      },
    },
    scoring: {
      PROFESSIONAL_LEARNING: {
        slot: 1,
        weightField: 'professionalLearning',
        defaultWeight: 1,
        weightDescription: 'Professional learning the educator designed and delivered for colleagues',
        held: 'professional learning they designed and delivered',
        advice: 'professional learning you design and deliver for colleagues',
        countable: false,
      },
    },
  },
  PRESENTATION: {
    label: 'A conference presentation',
    ages: true,
    attendance: false,
    details: {
      group: 'presentation',
      columns: { venue: 'venue' },
      check: (d) => ({
        venue: requiredText(
          d.venue,
          'presentation.venue',
          MAX_NAME,
          'A conference presentation needs its venue or conference name (presentation.venue)',
        ),
      }),
    },
    scoring: {
      PRESENTATION: {
        slot: 4,
        weightField: 'presentation',
        defaultWeight: 0.6,
        weightDescription: 'A conference presentation',
        held: 'presentation',
        advice: 'a presentation',
        countable: true,
      },
    },
  },
  ARTIFACT: {
    label: 'A portfolio artifact',
    ages: true,
    attendance: false,
    details: null,
    scoring: {
      ARTIFACT: {
        slot: 5,
        weightField: 'artifact',
        defaultWeight: 0.6,
        weightDescription: 'A portfolio artifact (redesigned assessment, unit, tool evaluation ...)',
        held: 'artifact',
        advice: 'an artifact',
        countable: true,
      },
    },
  },
  COURSE: {
    label: 'A course or workshop attended, with hours',
    ages: true,
    attendance: true,
    details: {
      group: 'course',
      columns: { hours: 'hours', provider: 'provider' },
      check: (d) => ({ hours: checkHours(d.hours), provider: optionalText(d.provider, 'course.provider', MAX_NAME) }),
    },
    scoring: {
      COURSE: {
        slot: 7,
        weightField: 'course',
        defaultWeight: 0.1,
        weightDescription: 'Workshop or course attendance',
        held: 'course or workshop attendance',
        advice: 'a course or workshop',
        countable: false,
      },
    },
  },
} as const satisfies Record<string, EvidenceKindSpec>;

type Registry = typeof EVIDENCE_KIND_REGISTRY;
export type EvidenceKind = keyof Registry;
/** The kinds the scoring policy weighs: one per kind, except a pilot, weighed by the educator's part. */
export type ScoringKind = { [K in EvidenceKind]: keyof Registry[K]['scoring'] & string }[EvidenceKind];

/** Every kind's entry, typed for generic code. */
export function kindSpec(kind: EvidenceKind): EvidenceKindSpec {
  return EVIDENCE_KIND_REGISTRY[kind];
}

export const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_REGISTRY) as EvidenceKind[];
export const EvidenceKind = Object.freeze(Object.fromEntries(EVIDENCE_KINDS.map((k) => [k, k]))) as { readonly [K in EvidenceKind]: K };
export const VERIFICATION_STATUSES = Object.values(VerificationStatus);
export const PILOT_PARTS = Object.values(PilotPart);

/** A scoring kind with the evidence kind it belongs to and its registry entry. */
export interface ScoringVariant extends ScoringVariantSpec {
  scoringKind: ScoringKind;
  kind: EvidenceKind;
}

/** Every scoring variant, in weight-slot order (the order of the policy's weight table and of gap advice ties). */
export const SCORING_VARIANTS: readonly ScoringVariant[] = EVIDENCE_KINDS.flatMap((kind) =>
  Object.entries(kindSpec(kind).scoring).map(([scoringKind, v]) => ({ ...v, scoringKind: scoringKind as ScoringKind, kind })),
).sort((a, b) => a.slot - b.slot);

/** `'A','B'` for a check constraint over one of these vocabularies. */
export const sqlValues = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(',');
