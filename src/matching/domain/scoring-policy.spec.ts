import { DEFAULT_SCORING_POLICY, effectiveOverextensionThreshold, policyProblems, type ScoringPolicyValues } from './scoring-policy.js';

const withChange = (change: (p: ScoringPolicyValues) => void): ScoringPolicyValues => {
  const p = structuredClone(DEFAULT_SCORING_POLICY);
  change(p);
  return p;
};

describe('scoring policy validation', () => {
  it('accepts the default policy', () => {
    expect(policyProblems(DEFAULT_SCORING_POLICY)).toEqual([]);
  });

  it('ranks demonstrated kinds above attendance in the default', () => {
    const w = DEFAULT_SCORING_POLICY.kindWeights;
    for (const top of [w.PILOT_LEAD, w.PROFESSIONAL_LEARNING, w.CERTIFICATION]) {
      expect(top).toBeGreaterThan(w.PRESENTATION);
      expect(top).toBeGreaterThan(w.ARTIFACT);
    }
    expect(w.PRESENTATION).toBeGreaterThan(w.PILOT_MEMBER);
    expect(w.PILOT_MEMBER).toBeGreaterThan(w.COURSE);
  });

  it.each([
    [
      'a weight above 1',
      (p: ScoringPolicyValues) => {
        p.kindWeights.COURSE = 1.5;
      },
      /COURSE/,
    ],
    [
      'a negative weight',
      (p: ScoringPolicyValues) => {
        p.kindWeights.ARTIFACT = -0.1;
      },
      /ARTIFACT/,
    ],
    [
      'endorsed above verified',
      (p: ScoringPolicyValues) => {
        p.verificationFactors.ENDORSED = 1;
      },
      /verified above endorsed/,
    ],
    [
      'a zero self-reported factor',
      (p: ScoringPolicyValues) => {
        p.verificationFactors.SELF_REPORTED = 0;
      },
      /SELF_REPORTED/,
    ],
    [
      'a tiny half-life',
      (p: ScoringPolicyValues) => {
        p.ageing.halfLifeYears = 0.1;
      },
      /half-life/,
    ],
    [
      'a fractional cap',
      (p: ScoringPolicyValues) => {
        p.attendanceCapLevel = 1.5;
      },
      /cap/,
    ],
    [
      'a threshold of 0',
      (p: ScoringPolicyValues) => {
        p.overextensionFteThreshold = 0;
      },
      /threshold/,
    ],
    [
      'an unknown tie-break',
      (p: ScoringPolicyValues) => {
        (p as { tieBreak: string }).tieBreak = 'NAME';
      },
      /tie-break/,
    ],
  ])('refuses %s', (_name, change, message) => {
    const problems = policyProblems(withChange(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('lets a policy threshold win over the deployment default, and falls back when it is null', () => {
    expect(effectiveOverextensionThreshold({ overextensionFteThreshold: 0.5 }, 0.4)).toBe(0.5);
    expect(effectiveOverextensionThreshold({ overextensionFteThreshold: null }, 0.4)).toBe(0.4);
  });
});
