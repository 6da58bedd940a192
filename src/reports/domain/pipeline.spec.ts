import { closingEvidence, pipelineCounts } from './pipeline.js';

describe('pipeline: one level short of a target', () => {
  const exact = new Map([
    [1, 4],
    [2, 3],
    [3, 2],
    [4, 1],
  ]);

  it('counts educators at exactly target - 1', () => {
    expect(pipelineCounts(exact, 12, 3)).toEqual({ atOrAboveTarget: 3, oneLevelShort: 3, furtherShort: 6 });
    expect(pipelineCounts(exact, 12, 4)).toEqual({ atOrAboveTarget: 1, oneLevelShort: 2, furtherShort: 9 });
    expect(pipelineCounts(exact, 12, 2)).toEqual({ atOrAboveTarget: 6, oneLevelShort: 4, furtherShort: 2 });
  });

  it('counts everyone with nothing that counts as one level short of level 1', () => {
    expect(pipelineCounts(exact, 12, 1)).toEqual({ atOrAboveTarget: 10, oneLevelShort: 2, furtherShort: 0 });
    expect(pipelineCounts(new Map(), 5, 1)).toEqual({ atOrAboveTarget: 0, oneLevelShort: 5, furtherShort: 0 });
  });

  it('refuses more educators with evidence than on staff', () => {
    expect(() => pipelineCounts(exact, 9, 2)).toThrow(RangeError);
  });
});

describe('evidence that would close a one-level gap', () => {
  const kinds = (target: number, cap: number) => closingEvidence(target, { attendanceCapLevel: cap }).map((c) => c.scoringKind);

  it('never advises attendance above the attendance cap', () => {
    expect(kinds(2, 1)).not.toContain('COURSE');
    expect(kinds(3, 1)).not.toContain('COURSE');
    expect(kinds(3, 2)).not.toContain('COURSE');
  });

  it('advises attendance at or below the cap', () => {
    expect(kinds(1, 1)).toContain('COURSE');
    expect(kinds(2, 2)).toContain('COURSE');
  });

  it('lists every demonstrated kind, strongest first, each claiming the target level', () => {
    const advice = closingEvidence(3, { attendanceCapLevel: 1 });
    expect(advice.map((a) => a.scoringKind)).toEqual([
      'PILOT_LEAD',
      'PROFESSIONAL_LEARNING',
      'CERTIFICATION',
      'PILOT_CO_LEAD',
      'PRESENTATION',
      'ARTIFACT',
      'PILOT_MEMBER',
    ]);
    expect(advice[0]).toEqual({ scoringKind: 'PILOT_LEAD', kind: 'PILOT', pilotPart: 'LEAD', level: 3 });
    expect(advice.find((a) => a.scoringKind === 'CERTIFICATION')).toEqual({
      scoringKind: 'CERTIFICATION',
      kind: 'CERTIFICATION',
      pilotPart: null,
      level: 3,
    });
  });

  it('with a cap of 0 attendance closes nothing', () => {
    expect(kinds(1, 0)).not.toContain('COURSE');
  });
});
