import { checkMappings, mapAchievement, type AchievementMapping } from './achievement-mapping.js';

const credential = {
  credentialSubject: {
    achievement: {
      id: 'https://learn.example/a/1',
      achievementType: 'Certificate',
      alignment: [{ targetUrl: 'https://case.example/uri/abc', targetName: 'x' }],
    },
  },
};
const claim = { competencyId: '00000000-0000-4000-8000-000000000001', level: 3 };

describe('achievement mapping', () => {
  it("applies the first matching rule in HR's order", () => {
    const rules: AchievementMapping[] = [
      { match: 'ACHIEVEMENT_ID', value: 'https://learn.example/a/2', evidenceKind: 'ARTIFACT', claims: [] },
      { match: 'ALIGNMENT', value: 'https://case.example/uri/abc', evidenceKind: 'CERTIFICATION', claims: [claim] },
      { match: 'ACHIEVEMENT_TYPE', value: 'Certificate', evidenceKind: 'PRESENTATION', claims: [] },
    ];
    expect(mapAchievement(credential, rules)).toEqual({
      kind: 'CERTIFICATION',
      hours: null,
      claims: [claim],
      rule: 'ALIGNMENT https://case.example/uri/abc',
    });
  });

  it('falls back to a certification without claims', () => {
    expect(mapAchievement(credential, [])).toEqual({ kind: 'CERTIFICATION', hours: null, claims: [], rule: null });
  });

  it('refuses a course without hours and a competency named twice', () => {
    expect(() => checkMappings([{ match: 'ACHIEVEMENT_TYPE', value: 'Course', evidenceKind: 'COURSE', claims: [] }])).toThrow(/hours/);
    expect(() => checkMappings([{ match: 'ACHIEVEMENT_TYPE', value: 'x', evidenceKind: 'ARTIFACT', claims: [claim, claim] }])).toThrow(
      /twice/,
    );
    expect(() => checkMappings([{ match: 'ACHIEVEMENT_TYPE', value: 'x', evidenceKind: 'PILOT' as never, claims: [] }])).toThrow(
      /evidenceKind/,
    );
  });
});
