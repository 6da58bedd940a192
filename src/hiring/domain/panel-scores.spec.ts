import {
  aggregatePanel,
  assertCompleteForSubmit,
  assertEditable,
  assertRequirementsBelong,
  assertScoreValue,
  type PanelScore,
} from './panel-scores.js';

const s = (panelistId: string, requirementId: string, score: number, submitted = true): PanelScore => ({
  panelistId,
  requirementId,
  score,
  submitted,
});

describe('panel score rules', () => {
  it('accepts whole scores from 1 to 4 only', () => {
    for (const ok of [1, 2, 3, 4]) expect(() => assertScoreValue(ok)).not.toThrow();
    for (const bad of [0, 5, -1, 2.5, Number.NaN]) expect(() => assertScoreValue(bad)).toThrow(/whole number from 1 to 4/);
  });

  it('lets drafts change and freezes submitted scores', () => {
    expect(() => assertEditable(null)).not.toThrow();
    expect(() => assertEditable({ submittedAt: null })).not.toThrow();
    expect(() => assertEditable({ submittedAt: new Date() })).toThrow(/final/);
  });

  it("takes scores only for the role's own requirements, once each", () => {
    const role = new Set(['r1', 'r2']);
    expect(() => assertRequirementsBelong(['r1', 'r2'], role)).not.toThrow();
    expect(() => assertRequirementsBelong(['r3'], role)).toThrow(/not one of this role's requirements/);
    expect(() => assertRequirementsBelong(['r1', 'r1'], role)).toThrow(/twice/);
  });

  it('needs every requirement scored before submitting', () => {
    expect(() => assertCompleteForSubmit(['r1', 'r2'], new Set(['r1', 'r2']))).not.toThrow();
    expect(() => assertCompleteForSubmit(['r1', 'r2', 'r3'], new Set(['r2']))).toThrow(/2 still unscored/);
  });
});

describe('panel aggregates per candidate', () => {
  it('gives mean, min, max and spread per requirement, the overall mean and the panel spread', () => {
    const agg = aggregatePanel(
      [s('p1', 'r1', 4), s('p1', 'r2', 2), s('p2', 'r1', 3), s('p2', 'r2', 1), s('p3', 'r1', 2), s('p3', 'r2', 2)],
      ['r1', 'r2'],
    );
    expect(agg.perRequirement).toEqual([
      { requirementId: 'r1', mean: 3, min: 2, max: 4, spread: 2, count: 3 },
      { requirementId: 'r2', mean: 1.67, min: 1, max: 2, spread: 1, count: 3 },
    ]);
    // Requirement means 3 and 1.667 -> 2.33; panelists' own means 3, 2, 2 -> spread 1.
    expect(agg.overallMean).toBe(2.33);
    expect(agg.spread).toBe(1);
    expect(agg.panelistCount).toBe(3);
  });

  it('counts submitted scores only: drafts can still change', () => {
    const agg = aggregatePanel([s('p1', 'r1', 4), s('p2', 'r1', 1, false)], ['r1']);
    expect(agg.perRequirement[0]).toMatchObject({ mean: 4, count: 1, spread: 0 });
    expect(agg.panelistCount).toBe(1);
  });

  it('weighs every requirement the same in the overall mean', () => {
    // r1 has two scores, r2 one: the overall mean is (3 + 1) / 2, not (4 + 2 + 1) / 3.
    const agg = aggregatePanel([s('p1', 'r1', 4), s('p2', 'r1', 2), s('p1', 'r2', 1)], ['r1', 'r2']);
    expect(agg.overallMean).toBe(2);
  });

  it('answers null, not zero, when nobody has scored', () => {
    const agg = aggregatePanel([], ['r1']);
    expect(agg).toEqual({
      perRequirement: [{ requirementId: 'r1', mean: null, min: null, max: null, spread: null, count: 0 }],
      overallMean: null,
      spread: null,
      panelistCount: 0,
    });
  });

  it('ignores scores for requirements the role no longer has', () => {
    const agg = aggregatePanel([s('p1', 'gone', 1), s('p1', 'r1', 3)], ['r1']);
    expect(agg.overallMean).toBe(3);
    expect(agg.spread).toBe(0);
  });
});
