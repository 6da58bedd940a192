import { comparisonCsv, CSV_COLUMNS, type Comparison } from './comparison.js';

const emptyAgg = (requirementId: string) => ({ requirementId, mean: null, min: null, max: null, spread: null, count: 0 });

const comparison: Comparison = {
  roleId: 'role',
  roleTitle: 'Innovation coach',
  requirements: [
    {
      requirementId: 'r1',
      competencyId: 'c1',
      competencyCode: 'AI-EVAL',
      competencyName: 'AI tool evaluation',
      kind: 'REQUIRED',
      minLevel: 2,
    },
    {
      requirementId: 'r2',
      competencyId: 'c2',
      competencyCode: 'PL-DESIGN',
      competencyName: 'Professional learning design, facilitation',
      kind: 'PREFERRED',
      minLevel: 2,
    },
  ],
  candidates: [
    {
      applicationId: 'app-b',
      displayName: 'Bea "B" Lopez',
      pseudonym: 'Candidate K7QM',
      identityHidden: false,
      email: 'bea@d.example',
      buildingName: 'North High',
      status: 'SHORTLISTED',
      engineRank: 1,
      engineScore: 830,
      qualified: true,
      overextended: false,
      cells: [
        {
          requirementId: 'r1',
          demonstratedLevel: 3,
          met: true,
          evidence: [
            {
              kind: 'CERTIFICATION',
              title: 'AI educator',
              verificationStatus: 'VERIFIED',
              startedOn: null,
              endedOn: null,
              issuedOn: '2024-01-10',
              expiresOn: '2027-01-10',
              expired: false,
              level: 3,
            },
          ],
          panel: { requirementId: 'r1', mean: 3.5, min: 3, max: 4, spread: 1, count: 2 },
        },
        {
          requirementId: 'r2',
          demonstratedLevel: 2,
          met: true,
          evidence: [],
          panel: { requirementId: 'r2', mean: 3, min: 3, max: 3, spread: 0, count: 2 },
        },
      ],
      panel: { perRequirement: [], overallMean: 3.25, spread: 0.5, panelistCount: 2 },
    },
    {
      applicationId: 'app-x',
      displayName: 'Candidate ZZ12',
      pseudonym: 'Candidate ZZ12',
      identityHidden: true,
      email: null,
      buildingName: null,
      status: 'SHORTLISTED',
      engineRank: null,
      engineScore: null,
      qualified: null,
      overextended: null,
      cells: [
        {
          requirementId: 'r1',
          demonstratedLevel: 0,
          met: false,
          evidence: [
            {
              kind: 'PRESENTATION',
              title: '=HYPERLINK("http://evil")',
              verificationStatus: 'SELF_REPORTED',
              startedOn: '2023-03-01',
              endedOn: null,
              issuedOn: null,
              expiresOn: null,
              expired: false,
              level: 1,
            },
          ],
          panel: emptyAgg('r1'),
        },
      ],
      panel: { perRequirement: [], overallMean: null, spread: null, panelistCount: 0 },
    },
  ],
};

describe('comparison CSV for the panel packet', () => {
  const lines = comparisonCsv(comparison).trimEnd().split('\n');

  it('has a header and one row per candidate and requirement, in the given order', () => {
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(5);
  });

  it('carries engine, panel and evidence facts, quoting commas and quotes as RFC 4180 says', () => {
    expect(lines[1]).toBe(
      '"Bea ""B"" Lopez",North High,bea@d.example,SHORTLISTED,1,830,yes,no,AI-EVAL,AI tool evaluation,REQUIRED,2,3,yes,3.5,1,2,3.25,0.5,' +
        '"CERTIFICATION: AI educator (VERIFIED, level 3, 2024-01-10, expires 2027-01-10)"',
    );
    expect(lines[2]).toBe(
      '"Bea ""B"" Lopez",North High,bea@d.example,SHORTLISTED,1,830,yes,no,PL-DESIGN,"Professional learning design, facilitation",PREFERRED,2,2,yes,3,0,2,3.25,0.5,',
    );
  });

  it('leaves unknown values blank and keeps hidden identities hidden', () => {
    expect(lines[4]).toBe('Candidate ZZ12,,,SHORTLISTED,,,,,PL-DESIGN,"Professional learning design, facilitation",PREFERRED,2,,,,,,,,');
  });

  it('escapes text a spreadsheet would run as a formula', () => {
    expect(lines[3]).toContain(`"PRESENTATION: =HYPERLINK(""http://evil"") (SELF_REPORTED, level 1, 2023-03-01)"`);
    const injected = { ...comparison, candidates: [{ ...comparison.candidates[1], displayName: '=cmd|calc' }] };
    expect(comparisonCsv(injected).split('\n')[1].startsWith("'=cmd|calc,")).toBe(true);
  });
});
