import { districtToday } from '../common/clock.js';
import type { EvidenceKind, VerificationStatus } from '../evidence/domain/evidence-kind.js';
import {
  ARTIFACT_FORMS,
  ASSIGNMENTS,
  BUILDINGS,
  CERTIFICATIONS,
  COURSE_FORMATS,
  COURSE_PROVIDERS,
  DEMO_DOMAIN,
  DISTRICT,
  FIRST_NAMES,
  LAST_NAMES,
  PILOT_OUTCOMES,
  ROLES,
  TOPICS,
  UNESCO,
  VENUES,
  type CompetencyRef,
  type SchoolLevel,
  type Topic,
} from './demo-catalogue.js';
import { demoId, Prng } from './prng.js';

/**
 * The demo district as plain rows, computed from (seed, asOf) alone: no database, no clock.
 * Every date is relative to `asOf`, so closing dates stay in the future and "expired" stays expired
 * whenever the demo is loaded, and two runs with the same inputs are identical down to the ids.
 */
export interface DemoOptions {
  seed: number;
  /** The day the district is generated for (YYYY-MM-DD). */
  asOf: string;
}

export const DEFAULT_DEMO_SEED = 2026;
export const MIN_EVIDENCE = 3000;
export const HR_EMAIL = `hr@${DEMO_DOMAIN}`;
export const PANEL_EMAIL = `panel@${DEMO_DOMAIN}`;
export const COMPLIANCE_EMAIL = `compliance@${DEMO_DOMAIN}`;
export const ENDORSER_EMAIL = `principal.lincoln@${DEMO_DOMAIN}`;

// The evidence vocabulary is the evidence module's, defined once (the demo plans some of each kind it knows).
export type { EvidenceKind, VerificationStatus };

export interface PlannedBuilding {
  id: string;
  code: string;
  name: string;
  level: SchoolLevel;
}
export interface PlannedEducator {
  id: string;
  fullName: string;
  workEmail: string;
  buildingId: string;
  currentAssignment: string;
  hireDate: string;
}
export interface PlannedClaim {
  competency: CompetencyRef;
  level: number;
}
export interface PlannedEvidence {
  id: string;
  educatorId: string;
  kind: EvidenceKind;
  title: string;
  description: string;
  url: string | null;
  startedOn: string | null;
  endedOn: string | null;
  verificationStatus: VerificationStatus;
  verifiedBy: string | null;
  verifiedAt: string | null;
  issuer: string | null;
  credentialId: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  pilotPart: 'LEAD' | 'CO_LEAD' | 'MEMBER' | null;
  classrooms: number | null;
  teachers: number | null;
  students: number | null;
  outcomes: string | null;
  sessions: number | null;
  attendees: number | null;
  venue: string | null;
  hours: number | null;
  provider: string | null;
  claims: PlannedClaim[];
}
export interface PlannedRequirement {
  id: string;
  competency: CompetencyRef;
  minLevel: number;
  weight: number;
  kind: 'REQUIRED' | 'PREFERRED';
  position: number;
}
export interface PlannedRole {
  id: string;
  key: string;
  title: string;
  summary: string;
  buildingId: string | null;
  classroomFte: number;
  roleFte: number;
  stipend: number;
  openings: number;
  closingDate: string;
  status: 'OPEN' | 'DRAFT';
  internalOnly: boolean;
  minYearsOfService: number | null;
  requirements: PlannedRequirement[];
}
export interface PlannedAccount {
  id: string;
  email: string;
  displayName: string;
  personas: string[];
  educatorId: string | null;
  /** ENDORSER accounts: the buildings they endorse in. */
  endorserBuildingIds?: string[];
}

export interface DemoDistrict {
  options: DemoOptions;
  buildings: PlannedBuilding[];
  educators: PlannedEducator[];
  evidence: PlannedEvidence[];
  roles: PlannedRole[];
  accounts: PlannedAccount[];
  /** The domain brief's seed case and the persona accounts, for the README and the tests. */
  highlights: { candidateA: PlannedEducator; candidateB: PlannedEducator; panelEducator: PlannedEducator };
}

// ---- dates (UTC, ISO strings) ----
/** The demo is generated for the district's day (see common/clock.ts). */
export const todayIso = districtToday;
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

const ref = (framework: typeof UNESCO | typeof DISTRICT, code: string): CompetencyRef => ({ framework, code });
const key = (c: CompetencyRef) => `${c.framework}/${c.code}`;

interface Ctx {
  rng: Prng;
  asOf: string;
  educator: PlannedEducator;
  building: PlannedBuilding;
  interests: Topic[];
  serial: () => number;
}

/** One to `max` distinct claims; a repeated competency keeps its highest level. */
function claims(entries: ReadonlyArray<PlannedClaim>, max = 3): PlannedClaim[] {
  const byKey = new Map<string, PlannedClaim>();
  for (const c of entries) {
    const prev = byKey.get(key(c.competency));
    if (!prev || prev.level < c.level) byKey.set(key(c.competency), c);
  }
  return [...byKey.values()].slice(0, max);
}

function blank(ctx: Ctx, kind: EvidenceKind, title: string): PlannedEvidence {
  return {
    id: demoId(`evidence:${ctx.educator.id}:${ctx.serial()}`),
    educatorId: ctx.educator.id,
    kind,
    title: title.slice(0, 200),
    description: '',
    url: null,
    startedOn: null,
    endedOn: null,
    verificationStatus: 'SELF_REPORTED',
    verifiedBy: null,
    verifiedAt: null,
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
    claims: [],
  };
}

/** Endorsements come from the building principal; verification from district HR. */
function verify(ctx: Ctx, e: PlannedEvidence, weights: readonly [number, number, number]): PlannedEvidence {
  const status = ctx.rng.weighted<VerificationStatus>([
    ['SELF_REPORTED', weights[0]],
    ['ENDORSED', weights[1]],
    ['VERIFIED', weights[2]],
  ]);
  return setStatus(ctx, e, status);
}
function setStatus(ctx: Ctx, e: PlannedEvidence, status: VerificationStatus): PlannedEvidence {
  e.verificationStatus = status;
  if (status === 'SELF_REPORTED') return e;
  const base = e.endedOn ?? e.issuedOn ?? e.startedOn ?? addDays(ctx.asOf, -30);
  e.verifiedBy = status === 'VERIFIED' ? HR_EMAIL : `principal.${ctx.building.code.toLowerCase()}@${DEMO_DOMAIN}`;
  e.verifiedAt = `${minDate(ctx.asOf, addDays(base, ctx.rng.int(3, 40)))}T15:00:00.000Z`;
  return e;
}

/** A day in the educator's time in the district, at most `yearsBack` years ago and at least `gap` days ago. */
function dayInCareer(ctx: Ctx, yearsBack = 8, gap = 7): string {
  const earliest = maxDate(ctx.educator.hireDate, addDays(ctx.asOf, -365 * yearsBack));
  const span = Math.max(0, daysBetween(earliest, addDays(ctx.asOf, -gap)));
  return addDays(earliest, ctx.rng.int(0, span));
}

const topicFor = (ctx: Ctx) => (ctx.rng.chance(0.75) ? ctx.rng.pick(ctx.interests) : ctx.rng.pick(TOPICS));
const atLevel = (refs: readonly CompetencyRef[], level: number) => refs.map((competency) => ({ competency, level }));

function course(ctx: Ctx, topic = ctx.rng.pick(TOPICS), hours?: number): PlannedEvidence {
  const { rng } = ctx;
  const format = rng.pick(COURSE_FORMATS);
  const h = hours ?? Math.round((format.hours[0] + rng.next() * (format.hours[1] - format.hours[0])) * 2) / 2;
  const e = blank(ctx, 'COURSE', `${format.name}: ${topic.label}`);
  e.hours = h;
  e.provider = rng.pick(COURSE_PROVIDERS);
  e.startedOn = dayInCareer(ctx);
  e.endedOn =
    format.name === 'Online course'
      ? minDate(ctx.asOf, addDays(e.startedOn, rng.int(14, 42)))
      : format.name === 'Summer institute'
        ? addDays(e.startedOn, rng.int(2, 4))
        : e.startedOn;
  e.description = `Attended ${h} hours: ${topic.label}.`;
  // Attendance shows exposure, never more than level 1.
  e.claims = claims(atLevel(rng.sample(topic.competencies, rng.int(1, 2)), 1));
  return verify(ctx, e, [55, 5, 40]);
}

function certification(ctx: Ctx, cert = ctx.rng.pick(CERTIFICATIONS), expired = false): PlannedEvidence {
  const { rng } = ctx;
  const e = blank(ctx, 'CERTIFICATION', cert.title);
  const issued = expired && cert.years ? addDays(ctx.asOf, -(cert.years * 365 + rng.int(30, 300))) : addDays(ctx.asOf, -rng.int(30, 900));
  e.issuer = cert.issuer;
  // Earned before joining the district is fine: credentials travel.
  e.issuedOn = issued;
  e.expiresOn = cert.years ? addDays(e.issuedOn, cert.years * 365) : null;
  const initials = cert.issuer
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('');
  e.credentialId = `${initials}-${e.issuedOn.slice(0, 4)}-${rng.int(10000, 99999)}`;
  e.url = `https://credentials.${DEMO_DOMAIN}/verify/${e.credentialId}`;
  e.description = `${cert.title}, issued by ${cert.issuer}.`;
  e.claims = claims(atLevel(rng.sample(cert.claims, rng.int(1, 3)), 2));
  return verify(ctx, e, [40, 0, 60]);
}

function pilot(ctx: Ctx, part: 'LEAD' | 'CO_LEAD' | 'MEMBER', topic = topicFor(ctx)): PlannedEvidence {
  const { rng } = ctx;
  const e = blank(ctx, 'PILOT', `Pilot: ${topic.label} (${ctx.building.name})`);
  e.pilotPart = part;
  e.classrooms = part === 'LEAD' ? rng.int(3, 12) : part === 'CO_LEAD' ? rng.int(2, 8) : rng.int(1, 3);
  e.teachers = e.classrooms + rng.int(0, 2);
  e.students = e.classrooms * rng.int(18, 30);
  e.startedOn = dayInCareer(ctx, 4, 60);
  const end = addDays(e.startedOn, rng.int(60, 180));
  e.endedOn = end < ctx.asOf ? end : null;
  // Draw unconditionally: the number of draws must not depend on asOf, or who-holds-what would change with the date.
  const outcome = rng.pick(PILOT_OUTCOMES);
  e.outcomes = e.endedOn ? outcome : null;
  const role = part === 'LEAD' ? 'Led' : part === 'CO_LEAD' ? 'Co-led' : 'Took part in';
  e.description = `${role} a ${e.classrooms}-classroom pilot of "${topic.label}" with ${e.students} students.`;
  const topical = rng.sample(topic.competencies, part === 'MEMBER' ? rng.int(1, 2) : rng.int(1, 2));
  e.claims =
    part === 'MEMBER'
      ? claims(atLevel(topical, 2))
      : claims([
          { competency: ref(DISTRICT, 'PILOT-LEAD'), level: part === 'LEAD' ? 3 : 2 },
          ...atLevel(topical, part === 'LEAD' ? rng.int(2, 3) : 2),
        ]);
  return verify(ctx, e, [30, 40, 30]);
}

function professionalLearning(ctx: Ctx, topic = topicFor(ctx)): PlannedEvidence {
  const { rng } = ctx;
  const e = blank(ctx, 'PROFESSIONAL_LEARNING', `Designed and led colleague PD: ${topic.label}`);
  e.sessions = rng.int(1, 6);
  e.attendees = Math.min(120, e.sessions * rng.int(6, 20));
  e.startedOn = dayInCareer(ctx, 5, 14);
  e.endedOn = minDate(ctx.asOf, addDays(e.startedOn, (e.sessions - 1) * rng.int(7, 21)));
  e.description = `${e.sessions} session(s) for ${e.attendees} colleagues: ${topic.label}.`;
  const designLevel = e.attendees >= 20 || e.sessions >= 3 ? 3 : 2;
  e.claims = claims([
    { competency: ref(DISTRICT, 'PL-DESIGN'), level: designLevel },
    ...atLevel(rng.sample(topic.competencies, rng.int(0, 2)), rng.int(2, 3)),
  ]);
  return verify(ctx, e, [35, 35, 30]);
}

function presentation(ctx: Ctx, topic = topicFor(ctx)): PlannedEvidence {
  const { rng } = ctx;
  const venue = rng.pick(VENUES);
  const e = blank(ctx, 'PRESENTATION', `${topic.label}: what worked in my classroom`);
  e.venue = venue.name;
  e.startedOn = dayInCareer(ctx, 5, 14);
  e.endedOn = e.startedOn;
  e.description = `Presented at ${venue.name}.`;
  const [first, ...rest] = rng.sample(topic.competencies, rng.int(1, 2));
  e.claims = claims([{ competency: first, level: venue.level }, ...atLevel(rest, 2)]);
  return verify(ctx, e, [50, 25, 25]);
}

function artifact(ctx: Ctx, topic = topicFor(ctx)): PlannedEvidence {
  const { rng } = ctx;
  const form = rng.pick(ARTIFACT_FORMS);
  const e = blank(ctx, 'ARTIFACT', `${form}: ${topic.label}`);
  e.startedOn = dayInCareer(ctx, 4, 7);
  e.url = `https://portfolio.${DEMO_DOMAIN}/${ctx.educator.workEmail.split('@')[0]}/${e.id.slice(0, 8)}`;
  e.description = `${form} used with students, with notes on what changed.`;
  e.claims = claims(atLevel(rng.sample(topic.competencies, rng.int(1, 2)), 2));
  return verify(ctx, e, [60, 30, 10]);
}

const REVIEWED_TOOLS = [
  'an AI writing assistant',
  'an AI tutoring app',
  'an AI grading tool',
  'a lesson-planning chatbot',
  'a reading-level adapter',
];

/**
 * A written review of an AI tool: the evidence behind the superintendent's question ("who can
 * evaluate an AI tool for instructional alignment, bias and data privacy?").
 */
function toolReview(ctx: Ctx, focus: 'alignment' | 'bias'): PlannedEvidence {
  const { rng } = ctx;
  const tool = rng.pick(REVIEWED_TOOLS);
  const e = blank(
    ctx,
    'ARTIFACT',
    focus === 'alignment' ? `Instructional alignment and privacy review of ${tool}` : `Bias review of ${tool}`,
  );
  e.startedOn = dayInCareer(ctx, 3, 7);
  e.url = `https://portfolio.${DEMO_DOMAIN}/${ctx.educator.workEmail.split('@')[0]}/${e.id.slice(0, 8)}`;
  e.description = `Structured review of ${tool} for the building's AI tool review process.`;
  e.claims =
    focus === 'alignment'
      ? claims([
          { competency: ref(DISTRICT, 'AI-TOOL-EVAL'), level: rng.int(2, 3) },
          { competency: ref(DISTRICT, 'DATA-PRIVACY'), level: 2 },
          { competency: ref(UNESCO, '2.2'), level: 2 },
        ])
      : claims([
          { competency: ref(DISTRICT, 'AI-BIAS'), level: 2 },
          { competency: ref(DISTRICT, 'DATA-ETHICS'), level: 2 },
        ]);
  return verify(ctx, e, [20, 40, 40]);
}

type Profile = 'exposure' | 'practitioner' | 'certified' | 'leader' | 'evaluator';

/** Most educators hold workshop hours only; the odds of more scale with the building's adoption. */
function profileFor(rng: Prng, adoption: number): Profile {
  if (!rng.chance(Math.min(0.8, 0.32 * adoption))) return 'exposure';
  return rng.weighted<Profile>([
    ['practitioner', 50],
    ['certified', 22],
    ['leader', 18],
    ['evaluator', 10],
  ]);
}

function portfolio(ctx: Ctx, profile: Profile, certSerial: () => number): PlannedEvidence[] {
  const { rng } = ctx;
  const out: PlannedEvidence[] = [];
  const times = (n: number, f: () => PlannedEvidence) => {
    for (let i = 0; i < n; i++) out.push(f());
  };
  // Every eighth certification in the district is an expired one, so "a few expired" holds for any seed.
  const cert = () => certification(ctx, undefined, certSerial() % 8 === 7);
  switch (profile) {
    case 'exposure':
      times(rng.int(6, 11), () => course(ctx));
      break;
    case 'practitioner':
      times(rng.int(3, 7), () => course(ctx));
      times(rng.int(1, 3), () => artifact(ctx));
      if (rng.chance(0.3)) out.push(presentation(ctx));
      if (rng.chance(0.35)) out.push(pilot(ctx, 'MEMBER'));
      break;
    case 'certified':
      times(rng.int(3, 7), () => course(ctx));
      times(rng.chance(0.2) ? 2 : 1, cert);
      times(rng.int(0, 2), () => artifact(ctx));
      if (rng.chance(0.3)) out.push(presentation(ctx));
      if (rng.chance(0.25)) out.push(pilot(ctx, 'MEMBER'));
      break;
    case 'leader':
      times(rng.int(2, 6), () => course(ctx));
      times(rng.int(1, 3), () => professionalLearning(ctx));
      out.push(pilot(ctx, rng.chance(0.6) ? 'LEAD' : 'CO_LEAD'));
      times(rng.int(1, 2), () => artifact(ctx));
      times(rng.int(0, 2), () => presentation(ctx));
      if (rng.chance(0.4)) out.push(cert());
      break;
    case 'evaluator':
      times(rng.int(3, 6), () => course(ctx));
      out.push(toolReview(ctx, 'alignment'), toolReview(ctx, 'bias'));
      if (rng.chance(0.4)) out.push(certification(ctx, CERTIFICATIONS[1]));
      if (rng.chance(0.3)) out.push(presentation(ctx, TOPICS[4]));
      break;
  }
  return out;
}

function emailFor(fullName: string, taken: Set<string>): string {
  const base = fullName
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  let email = `${base}@${DEMO_DOMAIN}`;
  for (let n = 2; taken.has(email); n++) email = `${base}${n}@${DEMO_DOMAIN}`;
  taken.add(email);
  return email;
}

/** The brief's seed case and a panelist who is also an educator, placed at fixed spots. */
const SPECIALS = {
  candidateA: { fullName: 'Daniel Whitaker', building: 'LMS', assignment: 'Grade 8 social studies teacher', years: 15 },
  candidateB: { fullName: 'Maya Okafor', building: 'LMS', assignment: 'Grade 7 ELA teacher', years: 6 },
  panelEducator: { fullName: 'Luis Ortega', building: 'CHS', assignment: 'AP Computer Science teacher', years: 11 },
} as const;

/** Candidate A: fifteen years and 120 logged workshop hours, nothing else. */
const CANDIDATE_A_HOURS = [6, 12, 3, 24, 6, 4.5, 9, 15, 7.5, 3, 18, 12];

function candidateBEvidence(ctx: Ctx): PlannedEvidence[] {
  const { asOf } = ctx;
  const cert = certification(ctx, CERTIFICATIONS[0]);
  cert.issuedOn = addDays(asOf, -400);
  cert.expiresOn = addDays(cert.issuedOn, 3 * 365);
  cert.credentialId = `IAIE-${cert.issuedOn.slice(0, 4)}-40722`;
  cert.url = `https://credentials.${DEMO_DOMAIN}/verify/${cert.credentialId}`;
  cert.claims = claims([
    { competency: ref(DISTRICT, 'AI-TOOL-EVAL'), level: 2 },
    { competency: ref(UNESCO, '4.2'), level: 2 },
    { competency: ref(UNESCO, '2.2'), level: 2 },
  ]);
  setStatus(ctx, cert, 'VERIFIED');

  const p = pilot(ctx, 'LEAD', TOPICS[1]);
  Object.assign(p, {
    title: 'Pilot: AI-supported feedback in Grade 7 ELA (Lincoln Middle School)',
    classrooms: 6,
    teachers: 5,
    students: 142,
    startedOn: addDays(asOf, -330),
    endedOn: addDays(asOf, -150),
    outcomes: 'Students received feedback within two days instead of two weeks; revision rates rose from 40% to 75%.',
    description: 'Led the building pilot of AI-supported feedback on student writing across six classrooms.',
    claims: claims([
      { competency: ref(DISTRICT, 'PILOT-LEAD'), level: 3 },
      { competency: ref(DISTRICT, 'AI-FEEDBACK'), level: 3 },
      { competency: ref(DISTRICT, 'ASSESS-REDESIGN'), level: 2 },
    ]),
  });
  setStatus(ctx, p, 'VERIFIED');

  const pl = professionalLearning(ctx, TOPICS[1]);
  Object.assign(pl, {
    title: 'Designed and led colleague PD: AI-supported feedback and assessment redesign',
    sessions: 4,
    attendees: 36,
    startedOn: addDays(asOf, -120),
    endedOn: addDays(asOf, -60),
    description: 'A four-session series for colleagues on AI-supported feedback and redesigning assessments where AI is available.',
    claims: claims([
      { competency: ref(DISTRICT, 'PL-DESIGN'), level: 3 },
      { competency: ref(DISTRICT, 'AI-FEEDBACK'), level: 3 },
      { competency: ref(DISTRICT, 'ASSESS-REDESIGN'), level: 3 },
    ]),
  });
  setStatus(ctx, pl, 'ENDORSED');

  return [cert, p, pl, course(ctx, TOPICS[0], 6), course(ctx, TOPICS[2], 12)];
}

export function generateDemoDistrict(options: Partial<DemoOptions> = {}): DemoDistrict {
  const opts: DemoOptions = { seed: options.seed ?? DEFAULT_DEMO_SEED, asOf: options.asOf ?? todayIso() };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf)) throw new Error(`asOf must be YYYY-MM-DD, got "${opts.asOf}"`);
  const rng = new Prng(opts.seed);
  const { asOf } = opts;

  const buildings: PlannedBuilding[] = BUILDINGS.map((b) => ({
    id: demoId(`building:${b.code}`),
    code: b.code,
    name: b.name,
    level: b.level,
  }));
  const byCode = new Map(buildings.map((b) => [b.code, b]));
  const emails = new Set([HR_EMAIL, PANEL_EMAIL]);
  const reservedNames = new Set<string>(Object.values(SPECIALS).map((s) => s.fullName));
  const usedNames = new Set<string>(reservedNames);
  const educators: PlannedEducator[] = [];
  const evidence: PlannedEvidence[] = [];
  const exposureOnly: Ctx[] = [];
  let certCount = 0;
  const certSerial = () => certCount++;
  const specials: Partial<Record<keyof typeof SPECIALS, PlannedEducator>> = {};

  const contextFor = (educator: PlannedEducator, building: PlannedBuilding): Ctx => {
    let n = 0;
    return { rng, asOf, educator, building, interests: rng.sample(TOPICS, 2), serial: () => n++ };
  };

  for (const spec of BUILDINGS) {
    const building = byCode.get(spec.code)!;
    const here = Object.entries(SPECIALS).filter(([, s]) => s.building === spec.code);
    for (let i = 0; i < spec.staff; i++) {
      const special = here[i] as [keyof typeof SPECIALS, (typeof SPECIALS)[keyof typeof SPECIALS]] | undefined;
      let fullName: string;
      if (special) fullName = special[1].fullName;
      else
        do fullName = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        while (usedNames.has(fullName));
      usedNames.add(fullName);
      const years = special
        ? special[1].years
        : rng.weighted([
            [rng.int(0, 3), 20],
            [rng.int(4, 10), 35],
            [rng.int(11, 20), 30],
            [rng.int(21, 32), 15],
          ] as const);
      // Hired in late summer; specials get exactly their years of service (plus a few months) on asOf.
      let hireDate = special
        ? addDays(asOf, -(years * 365 + Math.floor(years / 4) + 80))
        : `${Number(asOf.slice(0, 4)) - years}-08-${String(rng.int(10, 28)).padStart(2, '0')}`;
      if (hireDate > asOf) hireDate = `${Number(hireDate.slice(0, 4)) - 1}${hireDate.slice(4)}`;
      const educator: PlannedEducator = {
        id: demoId(`educator:${fullName}:${spec.code}:${i}`),
        fullName,
        workEmail: emailFor(fullName, emails),
        buildingId: building.id,
        currentAssignment: special ? special[1].assignment : rng.pick(ASSIGNMENTS[spec.level]),
        hireDate,
      };
      educators.push(educator);
      const ctx = contextFor(educator, building);
      if (special?.[0] === 'candidateA') {
        CANDIDATE_A_HOURS.forEach((h, k) => evidence.push(course(ctx, TOPICS[k % TOPICS.length], h)));
      } else if (special?.[0] === 'candidateB') {
        evidence.push(...candidateBEvidence(ctx));
      } else {
        const profile = special?.[0] === 'panelEducator' ? 'leader' : profileFor(rng, spec.adoption);
        evidence.push(...portfolio(ctx, profile, certSerial));
        if (profile === 'exposure') exposureOnly.push(ctx);
      }
      if (special) specials[special[0]] = educator;
    }
  }
  // Top up with workshop hours so any seed meets the promised volume.
  while (evidence.length < MIN_EVIDENCE) evidence.push(course(rng.pick(exposureOnly)));

  const roles: PlannedRole[] = ROLES.map((r) => ({
    id: demoId(`role:${r.key}`),
    key: r.key,
    title: r.title,
    summary: r.summary,
    buildingId: r.building ? byCode.get(r.building)!.id : null,
    classroomFte: r.classroomFte,
    roleFte: r.roleFte,
    stipend: r.stipend,
    openings: r.openings,
    closingDate: addDays(asOf, r.closesInDays),
    status: r.status,
    internalOnly: true,
    minYearsOfService: r.minYearsOfService ?? null,
    requirements: r.requirements.map((q, position) => ({
      id: demoId(`requirement:${r.key}:${q.code}`),
      competency: ref(DISTRICT, q.code),
      minLevel: q.minLevel,
      weight: q.weight,
      kind: q.kind,
      position,
    })),
  }));

  const { candidateA, candidateB, panelEducator } = specials as Required<typeof specials>;
  const accounts: PlannedAccount[] = [
    { id: demoId('account:hr'), email: HR_EMAIL, displayName: 'Harriet Ruiz (HR)', personas: ['HR'], educatorId: null },
    { id: demoId('account:panel'), email: PANEL_EMAIL, displayName: 'Pat Nguyen (panel)', personas: ['PANELIST'], educatorId: null },
    {
      id: demoId('account:candidate-b'),
      email: candidateB.workEmail,
      displayName: candidateB.fullName,
      personas: ['EDUCATOR'],
      educatorId: candidateB.id,
    },
    {
      id: demoId('account:panel-educator'),
      email: panelEducator.workEmail,
      displayName: panelEducator.fullName,
      personas: ['PANELIST', 'EDUCATOR'],
      educatorId: panelEducator.id,
    },
    {
      id: demoId('account:compliance'),
      email: COMPLIANCE_EMAIL,
      displayName: 'Cora Banks (compliance)',
      personas: ['COMPLIANCE'],
      educatorId: null,
    },
    {
      id: demoId('account:endorser'),
      email: ENDORSER_EMAIL,
      displayName: 'Elena Brooks (principal, Lincoln Middle)',
      personas: ['ENDORSER'],
      educatorId: null,
      endorserBuildingIds: [byCode.get('LMS')!.id],
    },
  ];

  return { options: opts, buildings, educators, evidence, roles, accounts, highlights: { candidateA, candidateB, panelEducator } };
}
