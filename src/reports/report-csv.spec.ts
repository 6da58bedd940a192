import { coverageCsv, safeText } from './report-csv.js';

describe('CSV export', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(safeText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(safeText('+1')).toBe("'+1");
    expect(safeText('@SUM')).toBe("'@SUM");
    expect(safeText('North School')).toBe('North School');
  });

  it('quotes commas and quotes, and leaves a missing share empty', () => {
    const csv = coverageCsv({
      basis: {
        asOf: '2025-06-30',
        statuses: ['VERIFIED'] as never,
        policyVersion: 1,
        attendanceCapLevel: 1,
        buildingIds: null,
        includeArchived: false,
      },
      minLevel: 2,
      competencies: [{ id: 'c', code: 'AI-BIAS', name: 'Bias', frameworkCode: 'F' }],
      total: { educators: 0, covered: 0, share: null },
      buildings: [{ building: { id: 'b', code: 'N', name: 'North, "Main"' }, educators: 0, covered: 0, share: null }],
    });
    expect(csv.split('\n')).toEqual([
      'as_of,statuses,competencies,min_level,scope,building_code,building_name,educators,covered,share',
      '2025-06-30,VERIFIED,AI-BIAS,2,TOTAL,,,0,0,',
      '2025-06-30,VERIFIED,AI-BIAS,2,BUILDING,N,"North, ""Main""",0,0,',
      '',
    ]);
  });
});
