import {
  dayOf,
  VERIFICATION_STATUSES,
  type ClaimFact,
  type EvidenceKind,
  type PilotPart,
  type VerificationStatus,
} from './evidence-rules.js';
import { gapsOf, requirementSummary, serviceSummary } from './explanation.js';
import { compareCandidates, isOverextended, rankCandidates, sharedRanks } from './ranking.js';
import { DEFAULT_SCORING_POLICY, type ScoringPolicyValues } from './scoring-policy.js';
import {
  ageFactor,
  corroboratedPoints,
  rankingKeyOf,
  scoreCandidate,
  totalCredit,
  yearsOfService,
  type CandidateScore,
  type RoleSpec,
} from './scoring.js';
import { Prng } from '../../seed/prng.js';

const AS_OF = '2025-06-01';
const ctx = (policy: ScoringPolicyValues = DEFAULT_SCORING_POLICY) => ({ policy, asOfDay: dayOf(AS_OF), asOf: AS_OF });

let n = 0;
function fact(competencyId: string, kind: EvidenceKind, level: number, over: Partial<ClaimFact> & { part?: PilotPart } = {}): ClaimFact {
  n++;
  return {
    evidenceId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    competencyId,
    kind,
    pilotPart: kind === 'PILOT' ? (over.part ?? 'LEAD') : null,
    status: 'VERIFIED',
    claimedLevel: level,
    startDay: dayOf('2024-09-01'),
    ageFromDay: dayOf('2025-03-01'),
    expiresDay: null,
    ...over,
  };
}

/** Groups facts by the role's requirement competencies, as the repository does. */
function score(
  role: RoleSpec,
  educatorId: string,
  facts: ClaimFact[],
  opts: { hireDate?: string; policy?: ScoringPolicyValues; explain?: boolean } = {},
): CandidateScore {
  const factsByRequirement = role.requirements.map((r) => facts.filter((f) => f.competencyId === r.competencyId));
  return scoreCandidate(
    role,
    { educatorId, hireDate: opts.hireDate ?? '2010-08-01', factsByRequirement },
    ctx(opts.policy),
    opts.explain ?? true,
  );
}

const TOOL = 'tool-eval';
const ASSESS = 'assess-redesign';
const PL = 'pl-design';
const BIAS = 'ai-bias';

const coachRole: RoleSpec = {
  roleId: 'innovation-coach',
  minYearsOfService: null,
  requirements: [
    { requirementId: 'r1', competencyId: TOOL, kind: 'REQUIRED', minLevel: 2, weight: 1 },
    { requirementId: 'r2', competencyId: ASSESS, kind: 'REQUIRED', minLevel: 2, weight: 1 },
    { requirementId: 'r3', competencyId: PL, kind: 'REQUIRED', minLevel: 2, weight: 1 },
  ],
};

describe('property 1: demonstrated beats attended', () => {
  it('no amount of course attendance shows a level above the cap, so a level-2 requirement stays unmet', () => {
    const courses = Array.from({ length: 60 }, () => fact(TOOL, 'COURSE', 4, { hours: 2 } as Partial<ClaimFact>));
    const result = score(coachRole, 'a', courses);
    expect(result.requirements[0]).toMatchObject({ demonstratedLevel: 1, met: false });
    expect(result.qualified).toBe(false);
    expect(result.requirements[0].items.every((i) => i.cappedByAttendance && i.countedLevel === 1)).toBe(true);
  });

  it('attendance meets a requirement at or below the cap, and the cap comes from the policy', () => {
    const role: RoleSpec = { ...coachRole, requirements: [{ ...coachRole.requirements[0], minLevel: 1 }] };
    expect(score(role, 'a', [fact(TOOL, 'COURSE', 3)]).qualified).toBe(true);
    const cap2 = { ...DEFAULT_SCORING_POLICY, attendanceCapLevel: 2 };
    expect(score(coachRole, 'a', [fact(TOOL, 'COURSE', 3)], { policy: cap2 }).requirements[0]).toMatchObject({
      demonstratedLevel: 2,
      met: true,
    });
  });

  it('one verified led pilot at level 2 outscores forty verified courses on the same competency', () => {
    const role: RoleSpec = { ...coachRole, requirements: [coachRole.requirements[0]] };
    const pilot = score(role, 'b', [fact(TOOL, 'PILOT', 2)]);
    const courses = score(
      role,
      'a',
      Array.from({ length: 40 }, () => fact(TOOL, 'COURSE', 4)),
    );
    expect(pilot.score).toBeGreaterThan(courses.score);
  });
});

describe('property 2: required competencies gate qualification', () => {
  const role: RoleSpec = {
    roleId: 'r',
    minYearsOfService: null,
    requirements: [
      { requirementId: 'q1', competencyId: TOOL, kind: 'REQUIRED', minLevel: 2, weight: 1 },
      { requirementId: 'q2', competencyId: BIAS, kind: 'PREFERRED', minLevel: 2, weight: 10 },
    ],
  };

  it('a candidate missing a required competency is not qualified whatever else they hold', () => {
    const strongElsewhere = score(role, 'x', [fact(BIAS, 'CERTIFICATION', 4), fact(BIAS, 'PILOT', 4), fact(TOOL, 'PILOT', 1)]);
    expect(strongElsewhere.qualified).toBe(false);
    expect(strongElsewhere.requiredMet).toBe(0);
  });

  it('every qualified candidate ranks above every unqualified one, even with a far lower score', () => {
    const unqualifiedHigh = score(role, '0-first-by-id', [
      fact(BIAS, 'CERTIFICATION', 4),
      fact(BIAS, 'PILOT', 4),
      fact(BIAS, 'PROFESSIONAL_LEARNING', 4),
    ]);
    const qualifiedLow = score(role, 'z-last-by-id', [fact(TOOL, 'ARTIFACT', 2, { status: 'ENDORSED' })]);
    expect(unqualifiedHigh.score).toBeGreaterThan(qualifiedLow.score * 10);
    expect(rankCandidates([unqualifiedHigh, qualifiedLow], 'EDUCATOR_ID').map((c) => c.educatorId)).toEqual([
      'z-last-by-id',
      '0-first-by-id',
    ]);
  });

  it('a role with only preferred requirements qualifies everyone', () => {
    const prefOnly: RoleSpec = { ...role, requirements: [role.requirements[1]] };
    expect(score(prefOnly, 'x', []).qualified).toBe(true);
  });
});

const KINDS: EvidenceKind[] = ['CERTIFICATION', 'PILOT', 'PROFESSIONAL_LEARNING', 'PRESENTATION', 'ARTIFACT', 'COURSE'];
const COMPS = [TOOL, ASSESS, PL, BIAS];

function randomCase(rand: () => number) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const role: RoleSpec = {
    roleId: 'random',
    minYearsOfService: rand() < 0.3 ? 5 : null,
    requirements: COMPS.slice(0, 1 + Math.floor(rand() * 4)).map((c, i) => ({
      requirementId: `r${i}`,
      competencyId: c,
      kind: rand() < 0.7 ? 'REQUIRED' : 'PREFERRED',
      minLevel: 1 + Math.floor(rand() * 4),
      weight: Math.round(rand() * 300) / 100 + 0.01,
    })),
  };
  const randomFact = () =>
    fact(pick(COMPS), pick(KINDS), 1 + Math.floor(rand() * 4), {
      part: pick(['LEAD', 'CO_LEAD', 'MEMBER'] as const),
      status: pick(VERIFICATION_STATUSES),
      ageFromDay: dayOf('2012-01-01') + Math.floor(rand() * 5000),
      expiresDay: rand() < 0.3 ? dayOf('2024-01-01') + Math.floor(rand() * 1000) : null,
    });
  const facts = Array.from({ length: Math.floor(rand() * 12) }, randomFact);
  return { role, facts, randomFact, pick };
}

const UPGRADE: Record<VerificationStatus, VerificationStatus> = { SELF_REPORTED: 'ENDORSED', ENDORSED: 'VERIFIED', VERIFIED: 'VERIFIED' };

describe('property 3: monotonic', () => {
  const random = new Prng(7);
  const rand = () => random.next();

  it('adding evidence, raising a claimed level or verifying never lowers the score (2,000 random cases)', () => {
    for (let t = 0; t < 2000; t++) {
      const { role, facts, randomFact } = randomCase(rand);
      const before = score(role, 'e', facts, { explain: false });
      const added = score(role, 'e', [...facts, randomFact()], { explain: false });
      expect(added.score).toBeGreaterThanOrEqual(before.score);
      if (!facts.length) continue;
      const i = Math.floor(rand() * facts.length);
      const raised = facts.map((f, j) => (j === i ? { ...f, claimedLevel: Math.min(4, f.claimedLevel + 1) } : f));
      expect(score(role, 'e', raised, { explain: false }).score).toBeGreaterThanOrEqual(before.score);
      const verified = facts.map((f, j) => (j === i ? { ...f, status: UPGRADE[f.status] } : f));
      expect(score(role, 'e', verified, { explain: false }).score).toBeGreaterThanOrEqual(before.score);
      // Qualification is monotonic too, in adding evidence and in verifying it.
      if (before.qualified) expect(added.qualified).toBe(true);
      if (before.qualified) expect(score(role, 'e', verified, { explain: false }).qualified).toBe(true);
    }
  });

  it('expiry may lower a score', () => {
    const cert = fact(TOOL, 'CERTIFICATION', 3);
    const live = score(coachRole, 'e', [cert]).score;
    const expired = score(coachRole, 'e', [{ ...cert, expiresDay: dayOf('2025-01-01') }]).score;
    expect(expired).toBeLessThan(live);
  });
});

describe('property 3b: qualification rests on trusted evidence', () => {
  const single: RoleSpec = { roleId: 'r', minYearsOfService: null, requirements: [coachRole.requirements[0]] };

  it('an undated self-reported level-4 artifact earns reduced points but does not meet the requirement', () => {
    const claim = fact(TOOL, 'ARTIFACT', 4, { status: 'SELF_REPORTED', startDay: null, ageFromDay: null });
    const r = score(single, 'e', [claim]);
    expect(r.qualified).toBe(false);
    expect(r.requirements[0]).toMatchObject({ met: false, demonstratedLevel: 0, untrustedLevel: 4, metOnceVerified: true });
    expect(r.score).toBe(24); // 100 x 0.6 (artifact) x 0.4 (self-reported)
    expect(r.requirements[0].items).toHaveLength(1);
  });

  it('does not let self-reported evidence outrank a verified candidate who meets the requirement', () => {
    const selfReported = score(single, '0-self', [
      fact(TOOL, 'CERTIFICATION', 4, { status: 'SELF_REPORTED' }),
      fact(TOOL, 'PILOT', 4, { status: 'SELF_REPORTED' }),
    ]);
    const verifiedLower = score(single, 'z-verified', [
      fact(TOOL, 'PRESENTATION', 2, { status: 'ENDORSED', ageFromDay: dayOf('2012-01-01') }),
    ]);
    expect(selfReported.score).toBeGreaterThan(verifiedLower.score * 2);
    expect(rankCandidates([selfReported, verifiedLower], 'EDUCATOR_ID').map((c) => c.educatorId)).toEqual(['z-verified', '0-self']);
  });

  it('follows the policy: VERIFIED leaves endorsed evidence short, SELF_REPORTED restores the old meaning', () => {
    const endorsed = [fact(TOOL, 'PILOT', 3, { status: 'ENDORSED' })];
    expect(score(single, 'e', endorsed).qualified).toBe(true);
    expect(
      score(single, 'e', endorsed, { policy: { ...DEFAULT_SCORING_POLICY, qualifyingStatus: 'VERIFIED' } }).requirements[0],
    ).toMatchObject({ met: false, metOnceVerified: true, untrustedLevel: 3 });
    expect(
      score(single, 'e', [fact(TOOL, 'PILOT', 3, { status: 'SELF_REPORTED' })], {
        policy: { ...DEFAULT_SCORING_POLICY, qualifyingStatus: 'SELF_REPORTED' },
      }).qualified,
    ).toBe(true);
  });

  it('is "met once verified" only when unverified items reach the level', () => {
    const low = score(single, 'e', [fact(TOOL, 'PILOT', 1, { status: 'SELF_REPORTED' })]);
    expect(low.requirements[0]).toMatchObject({ met: false, metOnceVerified: false, untrustedLevel: 1 });
  });

  it('self-reported evidence alone never qualifies for a role with a required competency (2,000 random cases)', () => {
    const random = new Prng(13);
    const rand = () => random.next();
    for (let t = 0; t < 2000; t++) {
      const { role, facts } = randomCase(rand);
      const selfOnly = facts.map((f) => ({ ...f, status: 'SELF_REPORTED' as const }));
      const r = score(role, 'e', selfOnly, { explain: false });
      if (role.requirements.some((q) => q.kind === 'REQUIRED')) expect(r.qualified).toBe(false);
      expect(r.requirements.every((q) => !q.met)).toBe(true);
    }
  });
});

describe('property 4: expired credentials do not count', () => {
  it('leaves an expired certification out of level and points but lists it, marked expired', () => {
    const cert = fact(TOOL, 'CERTIFICATION', 3, { expiresDay: dayOf('2025-05-31') });
    const r = score(coachRole, 'e', [cert]);
    expect(r.requirements[0]).toMatchObject({ demonstratedLevel: 0, met: false, points: 0 });
    expect(r.requirements[0].items).toHaveLength(1);
    expect(r.requirements[0].items[0]).toMatchObject({ state: 'EXPIRED', points: 0, creditPermille: 0 });
    expect(requirementSummary(r.requirements[0], 'AI tool evaluation', DEFAULT_SCORING_POLICY)).toMatch(
      /Expired evidence no longer counts: a verified certification \(expired 2025-05-31\)/,
    );
  });

  it('still counts a credential on its expiry day, in full (certifications do not age)', () => {
    const cert = fact(TOOL, 'CERTIFICATION', 2, { expiresDay: dayOf(AS_OF), ageFromDay: dayOf('2015-01-01') });
    expect(score(coachRole, 'e', [cert]).requirements[0]).toMatchObject({ met: true, points: 100 });
  });
});

describe('property 5: deterministic', () => {
  it('gives the same order for the same data in any input order, ties broken by the documented rule', () => {
    const random = new Prng(11);
    const rand = () => random.next();
    const cands: CandidateScore[] = [];
    for (let i = 0; i < 200; i++) {
      const { facts } = randomCase(rand);
      cands.push(score(coachRole, `ed-${String(i).padStart(3, '0')}`, facts, { explain: false }));
    }
    const once = rankCandidates([...cands], DEFAULT_SCORING_POLICY.tieBreak).map((c) => c.educatorId);
    for (let k = 0; k < 5; k++) {
      const shuffled = [...cands].sort(() => rand() - 0.5);
      expect(rankCandidates(shuffled, DEFAULT_SCORING_POLICY.tieBreak).map((c) => c.educatorId)).toEqual(once);
    }
  });

  it('breaks equal scores by required requirements met, then requirements met, then educator id', () => {
    const base = { qualified: false, score: 50, requiredMet: 1, metCount: 1 };
    const cmp = compareCandidates('REQUIRED_MET_THEN_EDUCATOR_ID');
    const ordered = [
      { ...base, educatorId: 'c' },
      { ...base, educatorId: 'a', requiredMet: 2, metCount: 2 },
      { ...base, educatorId: 'b' },
      { ...base, educatorId: 'd', metCount: 3 },
    ].sort(cmp);
    expect(ordered.map((c) => c.educatorId)).toEqual(['a', 'd', 'b', 'c']);
    const byId = [
      { ...base, educatorId: 'c' },
      { ...base, educatorId: 'a', requiredMet: 2 },
    ].sort(compareCandidates('EDUCATOR_ID'));
    expect(byId.map((c) => c.educatorId)).toEqual(['a', 'c']);
  });
});

describe('property 6: explained', () => {
  it('requirement contributions add up to the score and item points add up to each contribution (random cases)', () => {
    const random = new Prng(23);
    const rand = () => random.next();
    for (let t = 0; t < 1000; t++) {
      const { role, facts } = randomCase(rand);
      const r = score(role, 'e', facts);
      expect(r.requirements.reduce((s, q) => s + q.points, 0)).toBe(r.score);
      for (const q of r.requirements) {
        expect(q.items.reduce((s, i) => s + i.points, 0)).toBe(q.points);
        expect(Number.isInteger(q.points)).toBe(true);
        expect(q.points).toBeLessThanOrEqual(q.maxPoints);
      }
      expect(score(role, 'e', facts, { explain: false }).score).toBe(r.score);
      const factsByRequirement = role.requirements.map((q) => facts.filter((f) => f.competencyId === q.competencyId));
      expect(rankingKeyOf(role, { educatorId: 'e', hireDate: '2010-08-01', factsByRequirement }, ctx())).toEqual({
        educatorId: 'e',
        score: r.score,
        qualified: r.qualified,
        requiredMet: r.requiredMet,
        metCount: r.metCount,
      });
    }
  });

  it('shows each item with its factors and gives each requirement a plain-language line', () => {
    const r = score(coachRole, 'e', [
      fact(TOOL, 'PILOT', 3, { part: 'CO_LEAD', status: 'ENDORSED', ageFromDay: dayOf('2020-06-01') }),
      fact(TOOL, 'COURSE', 3, { status: 'SELF_REPORTED', ageFromDay: dayOf(AS_OF) }),
    ]);
    const [pilot, course] = r.requirements[0].items;
    expect(pilot).toMatchObject({
      scoringKind: 'PILOT_CO_LEAD',
      kindWeight: 0.8,
      verificationFactor: 0.75,
      levelFactor: 1,
      countedLevel: 3,
    });
    expect(pilot.ageFactor).toBeCloseTo(0.5, 2);
    expect(pilot.creditPermille).toBe(Math.round(1000 * 0.8 * 0.75 * pilot.ageFactor));
    expect(course).toMatchObject({
      scoringKind: 'COURSE',
      countedLevel: 1,
      cappedByAttendance: true,
      levelFactor: 0.5,
      creditPermille: 20,
    });
    expect(requirementSummary(r.requirements[0], 'AI tool evaluation', DEFAULT_SCORING_POLICY)).toBe(
      `Required: meets level 2 in AI tool evaluation (shows level 3) through an endorsed pilot they co-led and self-reported course or workshop attendance. ${r.requirements[0].points} of 100 points.`,
    );
    expect(requirementSummary(r.requirements[1], 'Assessment redesign', DEFAULT_SCORING_POLICY)).toBe(
      'Required: no evidence yet of Assessment redesign at level 2. 0 of 100 points.',
    );
  });

  it('counts the strongest item in full and a quarter of the others, at most doubling it, never past full credit', () => {
    expect(corroboratedPoints(100, [])).toBe(0);
    expect(corroboratedPoints(100, [1000])).toBe(100);
    expect(corroboratedPoints(100, [400, 400])).toBe(50); // 400 + 400/4
    expect(corroboratedPoints(100, [200, 400])).toBe(45); // order does not matter
    expect(corroboratedPoints(150, [5])).toBe(1); // 0.75 rounds half up
    expect(corroboratedPoints(100, [900, 900, 900])).toBe(100); // capped at full credit
    expect(totalCredit(50, 50 * 40)).toBe(100); // forty workshops: corroboration at most doubles the strongest
    expect(totalCredit(600, 600 + 3)).toBe(600); // 3/4 rounds down
  });

  it('ages evidence by half-life with a floor, and not at all for certifications', () => {
    const c = ctx();
    expect(ageFactor({ kind: 'PILOT', ageFromDay: dayOf(AS_OF) }, c)).toBe(1);
    expect(ageFactor({ kind: 'PILOT', ageFromDay: dayOf('2015-06-01') }, c)).toBeCloseTo(0.25, 2);
    expect(ageFactor({ kind: 'PILOT', ageFromDay: dayOf('1990-01-01') }, c)).toBe(0.25);
    expect(ageFactor({ kind: 'CERTIFICATION', ageFromDay: dayOf('1990-01-01') }, c)).toBe(1);
    expect(
      ageFactor(
        { kind: 'PILOT', ageFromDay: dayOf('1990-01-01') },
        ctx({ ...DEFAULT_SCORING_POLICY, ageing: { halfLifeYears: null, minimumFactor: 0 } }),
      ),
    ).toBe(1);
  });
});

describe('property 7: no protected attributes or proxies', () => {
  it('reads nothing about the person but their id and, only when asked for, their hire date', () => {
    const facts = [fact(TOOL, 'PILOT', 2), fact(ASSESS, 'CERTIFICATION', 2)];
    const junior = score(coachRole, 'e', facts, { hireDate: '2024-08-01' });
    const senior = score(coachRole, 'e', facts, { hireDate: '1990-08-01' });
    expect(junior.score).toBe(senior.score);
    expect(junior.qualified).toBe(senior.qualified);
    expect(junior.service).toBeNull();
  });

  it('uses years of service only when the role sets a minimum, and then as a visible, gating line', () => {
    const role: RoleSpec = { ...coachRole, minYearsOfService: 5, requirements: [coachRole.requirements[0]] };
    const facts = [fact(TOOL, 'PILOT', 2)];
    const junior = score(role, 'e', facts, { hireDate: '2021-09-01' });
    const senior = score(role, 'e', facts, { hireDate: '2019-09-01' });
    expect(junior.service).toEqual({ minYears: 5, years: 3, met: false });
    expect(junior.qualified).toBe(false);
    expect(senior.qualified).toBe(true);
    expect(junior.score).toBe(senior.score);
    expect(serviceSummary(junior.service!)).toBe('Years of service: 3 (this role asks for at least 5): not met.');
    expect(yearsOfService('2019-06-02', '2025-06-01')).toBe(5);
    expect(yearsOfService('2019-06-01', '2025-06-01')).toBe(6);
  });
});

describe('property 8: overextension is a flag', () => {
  it('flags at or above the threshold, without float drift', () => {
    expect(isOverextended(0.1 + 0.2 + 0.1, 0.4)).toBe(true);
    expect(isOverextended(0.39, 0.4)).toBe(false);
    expect(isOverextended(0, 0.4)).toBe(false);
  });
});

describe('property 9: the seed case', () => {
  const candidateA = [
    // 15 years, 120 workshop hours across the role's competencies, nothing else.
    ...Array.from({ length: 20 }, (_, i) => fact([TOOL, ASSESS, PL][i % 3], 'COURSE', 2 + (i % 2), { status: 'VERIFIED' })),
  ];
  const candidateB = [
    fact(TOOL, 'CERTIFICATION', 2, { status: 'VERIFIED' }),
    fact(TOOL, 'PILOT', 3, { part: 'LEAD', status: 'VERIFIED' }),
    fact(ASSESS, 'PILOT', 2, { part: 'LEAD', status: 'VERIFIED' }),
    fact(ASSESS, 'PROFESSIONAL_LEARNING', 2, { status: 'ENDORSED' }),
    fact(PL, 'PROFESSIONAL_LEARNING', 3, { status: 'ENDORSED' }),
  ];

  it('B is qualified and ranks above A, who is not qualified and whose gaps name all three competencies', () => {
    const a = score(coachRole, 'candidate-a', candidateA, { hireDate: '2010-08-01' });
    const b = score(coachRole, 'candidate-b', candidateB, { hireDate: '2019-08-01' });
    expect(b.qualified).toBe(true);
    expect(a.qualified).toBe(false);
    expect(rankCandidates([a, b], DEFAULT_SCORING_POLICY.tieBreak).map((c) => c.educatorId)).toEqual(['candidate-b', 'candidate-a']);
    expect(b.score).toBeGreaterThan(a.score);
    const names: Record<string, string> = {
      [TOOL]: 'AI tool evaluation',
      [ASSESS]: 'Assessment redesign for AI',
      [PL]: 'Professional learning design',
    };
    const gaps = gapsOf(a, (id) => names[id], DEFAULT_SCORING_POLICY);
    expect(gaps.map((g) => g.spec.competencyId)).toEqual([TOOL, ASSESS, PL]);
    for (const g of gaps) {
      expect(g).toMatchObject({ levelHeld: 1, levelNeeded: 2 });
      expect(g.remedies.map((r) => r.scoringKind)).not.toContain('COURSE');
      expect(g.remedies[0]).toMatchObject({ kind: 'PILOT', pilotPart: 'LEAD', level: 2 });
      expect(g.summary).toMatch(/attendance alone can show at most level 1/);
    }
    expect(gapsOf(b, (id) => names[id], DEFAULT_SCORING_POLICY)).toEqual([]);
  });
});

describe('ties share a rank', () => {
  const key = (educatorId: string, qualified: boolean, score: number, requiredMet = 0) => ({
    educatorId,
    qualified,
    score,
    requiredMet,
    metCount: requiredMet,
  });

  it('numbers equal scores alike ("1, 2, 2, 4"), marks them tied, and keeps the documented order inside the tie', () => {
    const ranked = rankCandidates(
      [key('d', true, 50), key('c', true, 70), key('b', true, 50, 1), key('a', false, 50), key('e', true, 40)],
      'REQUIRED_MET_THEN_EDUCATOR_ID',
    );
    expect(ranked.map((k) => k.educatorId)).toEqual(['c', 'b', 'd', 'e', 'a']);
    expect(sharedRanks(ranked)).toEqual([
      { rank: 1, tied: false },
      { rank: 2, tied: true },
      { rank: 2, tied: true },
      { rank: 4, tied: false },
      { rank: 5, tied: false },
    ]);
  });

  it('never ties a qualified candidate with an unqualified one of the same score', () => {
    expect(sharedRanks([key('a', true, 10), key('b', false, 10)])).toEqual([
      { rank: 1, tied: false },
      { rank: 2, tied: false },
    ]);
  });
});
