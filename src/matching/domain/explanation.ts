import {
  evidenceKindOf,
  isAttendance,
  isoOfDay,
  isTrustedAs,
  maxLevelShownBy,
  SCORING_KINDS,
  SCORING_VARIANTS,
  statusesAtLeast,
  type EvidenceKind,
  type PilotPart,
  type ScoringKind,
  type VerificationStatus,
} from './evidence-rules.js';
import type { ScoringPolicyValues } from './scoring-policy.js';
import type { CandidateScore, ItemCredit, RequirementScore, RequirementSpec, ServiceCheck } from './scoring.js';

/** Plain-language lines for people who will not read the numbers, and the gaps with what would close them. */

const STATUS_WORD: Record<VerificationStatus, string> = { VERIFIED: 'verified', ENDORSED: 'endorsed', SELF_REPORTED: 'self-reported' };

/** [noun as held, noun as advice, countable], from each kind's wording in the evidence kind registry. */
const KIND_WORDS = Object.fromEntries(SCORING_VARIANTS.map((v) => [v.scoringKind, [v.held, v.advice, v.countable]])) as Record<
  ScoringKind,
  [string, string, boolean]
>;

/** "course or workshop attendance": what the attendance kinds are called in the cap's sentence. */
const attendanceWords = (): string => joinOr(SCORING_VARIANTS.filter((v) => isAttendance(v.kind)).map((v) => v.held));
const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Who an explanation speaks to: a panel or HR reads about the candidate; the educator reads about themselves. */
export type Voice = 'third' | 'second';

function describeItem(i: ItemCredit, voice: Voice = 'third'): string {
  const [held, , countable] = KIND_WORDS[i.scoringKind];
  const noun = voice === 'second' ? held.replace(/\bthey\b/g, 'you') : held;
  const status = STATUS_WORD[i.fact.status];
  const article = countable ? (/^[aeiou]/.test(status) ? 'an ' : 'a ') : '';
  return `${article}${status} ${noun}`;
}

export function joinOr(parts: string[], last = 'or'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${last} ${parts[parts.length - 1]}`;
}

const unique = (xs: string[]) => [...new Set(xs)];

/** "endorsed or verified" for a policy whose lowest qualifying status is ENDORSED. */
export function trustedWords(policy: Pick<ScoringPolicyValues, 'qualifyingStatus'>): string {
  return joinOr(
    statusesAtLeast(policy.qualifyingStatus)
      .reverse()
      .map((s) => STATUS_WORD[s]),
  );
}

/** Counting items not yet trusted enough whose verification alone would meet the requirement, strongest first. */
export function verifiableItems(r: RequirementScore, policy: Pick<ScoringPolicyValues, 'qualifyingStatus'>): ItemCredit[] {
  if (r.met) return [];
  return r.items.filter(
    (i) => i.state === 'COUNTS' && !isTrustedAs(i.fact.status, policy.qualifyingStatus) && i.countedLevel >= r.spec.minLevel,
  );
}

function onceVerifiedNote(r: RequirementScore, policy: ScoringPolicyValues, voice: Voice): string {
  const items = verifiableItems(r, policy);
  if (!items.length) return '';
  return ` Met once verified: ${voice === 'second' ? 'your ' : ''}${joinOr(unique(items.map((i) => describeItem(i, voice).replace(voice === 'second' ? /^an? / : /^$/, ''))), 'and')} would meet it once ${items.length > 1 ? 'one is' : 'it is'} ${trustedWords(policy)}.`;
}

export function requirementSummary(
  r: RequirementScore,
  competencyName: string,
  policy: ScoringPolicyValues,
  voice: Voice = 'third',
): string {
  const label = r.spec.kind === 'REQUIRED' ? 'Required' : 'Preferred';
  const you = voice === 'second';
  const [meets, doesNotMeet, shows, noEvidence] = you
    ? ['you meet', 'you do not meet', 'you show', 'you have no evidence yet']
    : ['meets', 'does not meet', 'shows', 'no evidence yet'];
  const counting = r.items.filter((i) => i.state === 'COUNTS');
  const sources = unique(
    counting
      .filter((i) => i.countedLevel > 0)
      .slice(0, 3)
      .map((i) => (i.fact.competencyId === r.spec.competencyId ? describeItem(i, voice) : `${describeItem(i, voice)} via crosswalk`)),
  );
  const through = sources.length ? ` through ${joinOr(sources, 'and')}` : '';
  const points = ` ${r.points} of ${r.maxPoints} points.`;
  let line: string;
  if (r.met) {
    line = `${label}: ${meets} level ${r.spec.minLevel} in ${competencyName} (${shows} level ${r.demonstratedLevel})${through}.`;
  } else if (r.untrustedLevel > r.demonstratedLevel) {
    const trustedPart =
      r.demonstratedLevel > 0
        ? `${shows} level ${r.demonstratedLevel} on ${trustedWords(policy)} evidence`
        : `${you ? 'you have ' : ''}no ${trustedWords(policy)} evidence yet`;
    line = `${label}: ${doesNotMeet} level ${r.spec.minLevel} in ${competencyName} yet: ${trustedPart}; evidence that is not yet ${trustedWords(policy)} shows level ${r.untrustedLevel}${through} and earns reduced points but cannot meet a requirement.`;
  } else if (r.demonstratedLevel > 0) {
    const attendanceOnly = counting.length > 0 && counting.every((i) => isAttendance(i.fact.kind));
    const cap = attendanceOnly ? `; ${attendanceWords()} alone can show at most level ${policy.attendanceCapLevel}` : '';
    line = `${label}: ${doesNotMeet} level ${r.spec.minLevel} in ${competencyName} yet: ${shows} level ${r.demonstratedLevel}${through}${cap}.`;
  } else {
    line = `${label}: ${noEvidence} of ${competencyName} at level ${r.spec.minLevel}.`;
  }
  const expired = r.items.filter((i) => i.state === 'EXPIRED');
  const expiredNote = expired.length
    ? ` Expired evidence no longer counts: ${joinOr(
        expired.map((i) => `${describeItem(i, voice)} (expired ${i.fact.expiresDay === null ? '' : isoOfDay(i.fact.expiresDay)})`),
        'and',
      )}.`
    : '';
  return `${line}${points}${onceVerifiedNote(r, policy, voice)}${expiredNote}`;
}

export function serviceSummary(s: ServiceCheck): string {
  return `Years of service: ${s.years} (this role asks for at least ${s.minYears}): ${s.met ? 'met' : 'not met'}.`;
}

export interface GapRemedy {
  scoringKind: ScoringKind;
  kind: EvidenceKind;
  pilotPart: PilotPart | null;
  /** Evidence at this level or above closes the gap. */
  level: number;
  kindWeight: number;
}

export interface Gap {
  spec: RequirementSpec;
  levelHeld: number;
  levelNeeded: number;
  remedies: GapRemedy[];
  /** Expired items that showed the needed level: renewing one would close the gap. */
  renewable: ItemCredit[];
  /** Items the educator holds whose verification would meet the requirement ("met once verified"). */
  verifiable: ItemCredit[];
  summary: string;
}

const remedyCache = new WeakMap<ScoringPolicyValues, Map<number, { remedies: GapRemedy[]; phrase: string }>>();

/** Remedies and their phrase per level, computed once per policy object (standing asks for hundreds of gaps). */
function remediesOf(level: number, policy: ScoringPolicyValues): { remedies: GapRemedy[]; phrase: string } {
  let byLevel = remedyCache.get(policy);
  if (!byLevel) remedyCache.set(policy, (byLevel = new Map()));
  let hit = byLevel.get(level);
  if (!hit) {
    const remedies = remediesFor(level, policy);
    const capNote = remedies.some((x) => isAttendance(x.kind))
      ? ''
      : ` ${capitalised(attendanceWords())} alone can show at most level ${policy.attendanceCapLevel}.`;
    hit = { remedies, phrase: `add ${joinOr(remedies.map((x) => KIND_WORDS[x.scoringKind][1]))} at level ${level} or higher.${capNote}` };
    byLevel.set(level, hit);
  }
  return hit;
}

/** Evidence kinds that can show `level`, strongest-weighted first (attendance only up to its cap). */
export function remediesFor(level: number, policy: ScoringPolicyValues): GapRemedy[] {
  return SCORING_KINDS.filter((k) => maxLevelShownBy(k, policy) >= level)
    .map((k) => ({ scoringKind: k, ...evidenceKindOf(k), level, kindWeight: policy.kindWeights[k] }))
    .sort((a, b) => b.kindWeight - a.kindWeight || SCORING_KINDS.indexOf(a.scoringKind) - SCORING_KINDS.indexOf(b.scoringKind));
}

/** Every unmet requirement (required and preferred) with the level held, the level needed and what would close it. */
export function gapsOf(c: CandidateScore, competencyName: (id: string) => string, policy: ScoringPolicyValues): Gap[] {
  return c.requirements
    .filter((r) => !r.met)
    .map((r) => {
      const needed = r.spec.minLevel;
      const { remedies, phrase } = remediesOf(needed, policy);
      const renewable = r.items.filter((i) => i.state === 'EXPIRED' && i.countedLevel >= needed);
      const name = competencyName(r.spec.competencyId);
      const verifiable = verifiableItems(r, policy);
      const verifyNote = verifiable.length
        ? ` Met once verified: you already hold ${joinOr(unique(verifiable.map((i) => describeItem(i, 'second'))), 'and')} at level ${needed} or higher; having ${verifiable.length > 1 ? 'one' : 'it'} ${trustedWords(policy)} would meet it.`
        : '';
      const renewNote = renewable.length
        ? ` Renewing ${describeItem(renewable[0], 'second').replace(/^an? /, 'the ')} that expired would also close it.`
        : '';
      const summary = `${r.spec.kind === 'REQUIRED' ? 'Required' : 'Preferred'}: to reach level ${needed} in ${name} (you show level ${r.demonstratedLevel} on ${trustedWords(policy)} evidence), ${phrase}${verifyNote}${renewNote}`;
      return { spec: r.spec, levelHeld: r.demonstratedLevel, levelNeeded: needed, remedies, renewable, verifiable, summary };
    });
}
