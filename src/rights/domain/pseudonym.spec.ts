import { ERASED_NAME, ERASED_TEXT, pseudonymiseCandidate, pseudonymiseValue, pseudonymOf } from './pseudonym.js';

const ME = '5605ffe9-04ab-40de-9817-a560bb7dbc8d';
const ROLE = 'f493d359-03b5-4441-bbd1-dce6bb55f81c';

describe('pseudonyms for what stays after an erasure', () => {
  it('are stable, uuid-shaped, keyed and distinct per id', () => {
    const a = pseudonymOf('k1', ME);
    expect(a).toBe(pseudonymOf('k1', ME.toUpperCase()));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(pseudonymOf('k2', ME)).not.toBe(a);
    expect(pseudonymOf('k1', ROLE)).not.toBe(a);
  });

  it("keep the shape of audit changes: the person's ids become pseudonyms, codes, numbers and other ids stay, words go", () => {
    const map = new Map([
      [ME, 'P-ME'],
      ['al@district.test', 'P-ME'],
    ]);
    expect(
      pseudonymiseValue(
        {
          educatorId: ME,
          roleId: ROLE,
          decision: 'REJECTED',
          reason: 'Al has workshop hours only',
          email: 'AL@district.test',
          score: 3,
          accepted: true,
          note: null,
          empty: '',
          leavingDate: { from: null, to: '2026-11-01' },
          links: ['https://drive.example/x'],
        },
        map,
      ),
    ).toEqual({
      educatorId: 'P-ME',
      roleId: ROLE,
      decision: 'REJECTED',
      reason: ERASED_TEXT,
      email: 'P-ME',
      score: 3,
      accepted: true,
      note: null,
      empty: '',
      leavingDate: { from: null, to: ERASED_TEXT },
      links: [ERASED_TEXT],
    });
  });

  it("keep a saved candidate's numbers and structure, without the name, titles or summaries", () => {
    const ev = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
    const out = pseudonymiseCandidate(
      {
        educatorId: ME,
        fullName: 'Al Novak',
        score: 42,
        rank: 3,
        summary: 'Al meets 1 of 3',
        requirements: [
          {
            competencyCode: 'AI-TOOL-EVAL',
            met: false,
            summary: 'Al shows level 1',
            metOnceVerifiedEvidenceIds: [ev],
            evidence: [{ evidenceId: ev, title: "Al's rubric", credit: 120, status: 'SELF_REPORTED' }],
          },
        ],
      },
      new Map([
        [ME, 'P-ME'],
        [ev, 'P-EV'],
      ]),
    ) as Record<string, any>;
    expect(out).toEqual({
      educatorId: ME,
      fullName: ERASED_NAME,
      score: 42,
      rank: 3,
      summary: ERASED_TEXT,
      requirements: [
        {
          competencyCode: 'AI-TOOL-EVAL',
          met: false,
          summary: ERASED_TEXT,
          metOnceVerifiedEvidenceIds: ['P-EV'],
          evidence: [{ evidenceId: 'P-EV', title: ERASED_TEXT, credit: 120, status: 'SELF_REPORTED' }],
        },
      ],
    });
  });
});
