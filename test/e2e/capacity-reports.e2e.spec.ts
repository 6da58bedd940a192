import { Persona } from '../../src/access/persona.js';
import { buildCapacityDistrict, type CapacityDistrict } from '../support/capacity-district.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Heat map, gaps, pipeline and overextension on the district of `capacity-district.ts`, counted by hand. */
describe('capacity heat map, gaps, pipeline and overextension over HTTP', () => {
  let t: TestApp;
  let hr: string;
  let d: CapacityDistrict;
  const AS_OF = '2025-06-30';

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    d = await buildCapacityDistrict(t.ds);
  });
  afterAll(() => t.close());

  const ask = async (query: string, vars: Record<string, unknown>) => {
    const res = await t.gql(query, vars, hr);
    expect(res.errors).toBeUndefined();
    return Object.values(res.data)[0] as any;
  };
  const tbp = () => [d.competencies.T, d.competencies.B, d.competencies.P];
  const levels = (cell: { atOrAbove: Array<{ level: number; educators: number }> }) => {
    expect(cell.atOrAbove.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    return cell.atOrAbove.map((l) => l.educators);
  };

  describe('heat map', () => {
    const HEAT = `query($ids: [ID!], $fw: String, $asOf: String, $statuses: [VerificationStatus!], $buildings: [ID!]) {
      capacityHeatMap(competencyIds: $ids, frameworkCode: $fw, asOf: $asOf, statuses: $statuses, buildingIds: $buildings) {
        competencies { code }
        rows { building { code } educators cells { competencyCode atOrAbove { level educators } } }
        total { educators cells { competencyCode atOrAbove { level educators } } }
        csv
      }
    }`;

    it('counts educators at or above each level per building and competency, with district totals', async () => {
      const r = await ask(HEAT, { ids: tbp(), asOf: AS_OF });
      const grid = (row: { building?: { code: string }; educators: number; cells: any[] }) => [
        row.building?.code ?? 'TOTAL',
        row.educators,
        ...row.cells.map(levels),
      ];
      expect(r.rows.map(grid)).toEqual([
        ['EMPTY', 0, [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]],
        ['NORTH', 4, [3, 2, 1, 0], [3, 2, 1, 0], [3, 2, 0, 0]],
        ['SOUTH', 4, [2, 1, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0]],
        ['WEST', 4, [3, 3, 1, 1], [3, 3, 0, 0], [2, 2, 1, 0]],
      ]);
      expect(grid(r.total)).toEqual(['TOTAL', 12, [8, 6, 2, 1], [7, 6, 1, 0], [6, 5, 1, 0]]);
      const csv = r.csv.split('\n');
      expect(csv[0]).toBe(
        'as_of,statuses,scope,building_code,building_name,educators,competency_code,at_or_above_1,at_or_above_2,at_or_above_3,at_or_above_4',
      );
      expect(csv[1]).toBe('2025-06-30,VERIFIED|ENDORSED,TOTAL,,,12,AI-TOOL-EVAL,8,6,2,1');
      expect(csv).toContain('2025-06-30,VERIFIED|ENDORSED,BUILDING,WEST,West School,4,DATA-PRIVACY,2,2,1,0');
      expect(csv).toHaveLength(1 + 3 + 4 * 3 + 1);
    });

    it('takes a whole framework by code, and a building and verification filter', async () => {
      const all = await ask(HEAT, { fw: 'DISTRICT-AI-READINESS', asOf: AS_OF });
      expect(all.competencies).toHaveLength(10);
      const r = await ask(HEAT, { ids: [d.competencies.T], asOf: AS_OF, statuses: ['VERIFIED'], buildings: [d.buildings.NORTH] });
      // Without endorsed evidence n2's tool-evaluation artifact drops out.
      expect(r.rows.map((row: any) => [row.building.code, levels(row.cells[0])])).toEqual([['NORTH', [2, 1, 1, 0]]]);
      expect(levels(r.total.cells[0])).toEqual([2, 1, 1, 0]);
    });
  });

  describe('gaps and spread', () => {
    const GAPS = `query($ids: [ID!], $level: Int!, $threshold: Float!, $asOf: String, $buildings: [ID!]) {
      capacityGaps(competencyIds: $ids, level: $level, threshold: $threshold, asOf: $asOf, buildingIds: $buildings) {
        level threshold
        competencies {
          competency { code }
          buildings { building { code } educators atLevel share gap }
          gaps { building { code } share gap }
          spread { best { building { code } share } worst { building { code } share } spread }
        }
        csv
      }
    }`;

    it('lists buildings with nobody or a share below the threshold, and the best-to-worst spread', async () => {
      const r = await ask(GAPS, { ids: tbp(), level: 2, threshold: 0.5, asOf: AS_OF });
      const [tool, bias, privacy] = r.competencies;
      expect(tool.buildings).toEqual([
        { building: { code: 'EMPTY' }, educators: 0, atLevel: 0, share: null, gap: 'NOBODY' },
        { building: { code: 'NORTH' }, educators: 4, atLevel: 2, share: 0.5, gap: null },
        { building: { code: 'SOUTH' }, educators: 4, atLevel: 1, share: 0.25, gap: 'BELOW_THRESHOLD' },
        { building: { code: 'WEST' }, educators: 4, atLevel: 3, share: 0.75, gap: null },
      ]);
      expect(tool.gaps).toEqual([
        { building: { code: 'SOUTH' }, share: 0.25, gap: 'BELOW_THRESHOLD' },
        { building: { code: 'EMPTY' }, share: null, gap: 'NOBODY' },
      ]);
      expect(tool.spread).toEqual({
        best: { building: { code: 'WEST' }, share: 0.75 },
        worst: { building: { code: 'SOUTH' }, share: 0.25 },
        spread: 0.5,
      });
      expect(bias.buildings.map((b: any) => b.atLevel)).toEqual([0, 2, 1, 3]);
      expect(bias.spread.spread).toBe(0.5);
      // North and West tie at 0.5: the lower building code is named best.
      expect(privacy.spread).toEqual({
        best: { building: { code: 'NORTH' }, share: 0.5 },
        worst: { building: { code: 'SOUTH' }, share: 0.25 },
        spread: 0.25,
      });
      expect(r.csv.split('\n')).toContain(
        '2025-06-30,VERIFIED|ENDORSED,2,0.5,AI-TOOL-EVAL,SOUTH,South School,4,1,0.2500,BELOW_THRESHOLD,0.5000,WEST,SOUTH',
      );
    });

    it('calls a building with nobody at the level a gap whatever the threshold, and filters buildings', async () => {
      const r = await ask(GAPS, {
        ids: [d.competencies.T],
        level: 3,
        threshold: 0,
        asOf: AS_OF,
        buildings: [d.buildings.SOUTH, d.buildings.WEST],
      });
      const [tool] = r.competencies;
      expect(tool.buildings.map((b: any) => [b.building.code, b.atLevel, b.gap])).toEqual([
        ['SOUTH', 0, 'NOBODY'],
        ['WEST', 1, null],
      ]);
      expect(tool.spread.spread).toBe(0.25);
    });
  });

  describe('pipeline', () => {
    const PIPE = `query($ids: [ID!], $target: Int!, $asOf: String, $buildings: [ID!]) {
      capacityPipeline(competencyIds: $ids, targetLevel: $target, asOf: $asOf, buildingIds: $buildings) {
        targetLevel basis { attendanceCapLevel }
        competencies {
          competency { code } educators atOrAboveTarget oneLevelShort furtherShort
          closingEvidence { kind pilotPart level }
          buildings { building { code } educators atOrAboveTarget oneLevelShort furtherShort }
        }
        csv
      }
    }`;
    const counts = (c: any) => [c.educators, c.atOrAboveTarget, c.oneLevelShort, c.furtherShort];

    it('counts who is exactly one level short, per competency and building', async () => {
      const r = await ask(PIPE, { ids: tbp(), target: 3, asOf: AS_OF });
      const [tool, bias, privacy] = r.competencies;
      expect(counts(tool)).toEqual([12, 2, 4, 6]);
      expect(tool.buildings.map((b: any) => [b.building.code, ...counts(b)])).toEqual([
        ['EMPTY', 0, 0, 0, 0],
        ['NORTH', 4, 1, 1, 2],
        ['SOUTH', 4, 0, 1, 3],
        ['WEST', 4, 1, 2, 1],
      ]);
      expect(counts(bias)).toEqual([12, 1, 5, 6]);
      expect(counts(privacy)).toEqual([12, 1, 4, 7]);
    });

    it('advises evidence able to show the target, and never attendance above the policy cap', async () => {
      const r = await ask(PIPE, { ids: [d.competencies.T], target: 3, asOf: AS_OF });
      expect(r.basis.attendanceCapLevel).toBe(1);
      expect(r.competencies[0].closingEvidence).toEqual([
        { kind: 'PILOT', pilotPart: 'LEAD', level: 3 },
        { kind: 'PROFESSIONAL_LEARNING', pilotPart: null, level: 3 },
        { kind: 'CERTIFICATION', pilotPart: null, level: 3 },
        { kind: 'PILOT', pilotPart: 'CO_LEAD', level: 3 },
        { kind: 'PRESENTATION', pilotPart: null, level: 3 },
        { kind: 'ARTIFACT', pilotPart: null, level: 3 },
        { kind: 'PILOT', pilotPart: 'MEMBER', level: 3 },
      ]);
      const two = await ask(PIPE, { ids: [d.competencies.T], target: 2, asOf: AS_OF });
      expect(two.competencies[0].closingEvidence.map((e: any) => e.kind)).not.toContain('COURSE');
      const one = await ask(PIPE, { ids: [d.competencies.T], target: 1, asOf: AS_OF });
      expect(one.competencies[0].closingEvidence.map((e: any) => e.kind)).toContain('COURSE');
      // For level 1, "one short" is everyone with nothing that counts: n3, s1 (expired), s4, w3.
      expect(counts(one.competencies[0])).toEqual([12, 8, 4, 0]);
      expect(one.csv.split('\n')[1]).toBe(
        '2025-06-30,VERIFIED|ENDORSED,1,AI-TOOL-EVAL,TOTAL,,,12,8,4,0,PILOT(LEAD)@1; PROFESSIONAL_LEARNING@1; CERTIFICATION@1; PILOT(CO_LEAD)@1; PRESENTATION@1; ARTIFACT@1; PILOT(MEMBER)@1; COURSE@1',
      );
    });
  });

  describe('overextension and concentration', () => {
    const OVER = `query($asOf: String, $statuses: [VerificationStatus!], $buildings: [ID!], $ct: Float) {
      capacityOverextension(asOf: $asOf, statuses: $statuses, buildingIds: $buildings, concentrationThreshold: $ct) {
        fteThreshold concentrationThreshold
        educators { fullName building { code } totalRoleFte commitments { roleTitle roleFte startsOn endsOn } }
        buildings { building { code } educators expertEvidence holders topThreeEvidence topThreeShare concentrated topHolders { fullName evidence } }
        csv
      }
    }`;

    it('flags people whose active hybrid commitments reach the threshold, and buildings leaning on a few experts', async () => {
      const r = await ask(OVER, { asOf: AS_OF });
      expect(r.fteThreshold).toBe(0.4);
      expect(r.concentrationThreshold).toBe(0.5);
      expect(r.educators).toEqual([
        {
          fullName: 'Educator N1',
          building: { code: 'NORTH' },
          totalRoleFte: 0.6,
          commitments: [
            { roleTitle: 'Innovation coach (n1)', roleFte: 0.4, startsOn: '2024-08-01', endsOn: null },
            { roleTitle: 'Data ethics team member (n1)', roleFte: 0.2, startsOn: '2025-01-01', endsOn: '2025-12-31' },
          ],
        },
      ]);
      expect(r.buildings).toEqual([
        {
          building: { code: 'EMPTY' },
          educators: 0,
          expertEvidence: 0,
          holders: 0,
          topThreeEvidence: 0,
          topThreeShare: null,
          concentrated: false,
          topHolders: [],
        },
        {
          building: { code: 'NORTH' },
          educators: 4,
          expertEvidence: 6,
          holders: 4,
          topThreeEvidence: 5,
          topThreeShare: 5 / 6,
          concentrated: true,
          topHolders: [
            { fullName: 'Educator N1', evidence: 3 },
            { fullName: 'Educator N2', evidence: 1 },
            { fullName: 'Educator N3', evidence: 1 },
          ],
        },
        // s1's level-3 certification has expired.
        {
          building: { code: 'SOUTH' },
          educators: 4,
          expertEvidence: 0,
          holders: 0,
          topThreeEvidence: 0,
          topThreeShare: null,
          concentrated: false,
          topHolders: [],
        },
        {
          building: { code: 'WEST' },
          educators: 4,
          expertEvidence: 1,
          holders: 1,
          topThreeEvidence: 1,
          topThreeShare: 1,
          concentrated: true,
          topHolders: [{ fullName: 'Educator W1', evidence: 1 }],
        },
      ]);
      const csv = r.csv.split('\n');
      expect(csv[1]).toBe(
        '2025-06-30,VERIFIED|ENDORSED,EDUCATOR,NORTH,North School,Educator N1,0.60,Innovation coach (n1) (0.40); Data ethics team member (n1) (0.20),,,,,,',
      );
      expect(csv).toContain('2025-06-30,VERIFIED|ENDORSED,BUILDING,NORTH,North School,,,,4,6,4,5,0.8333,true');
    });

    it('answers for past dates: commitments active then (end day included), evidence valid then, staff on hand then', async () => {
      const r = await ask(OVER, { asOf: '2024-06-30' });
      expect(r.educators.map((e: any) => [e.fullName, e.totalRoleFte])).toEqual([['Educator W1', 0.4]]);
      const byCode = Object.fromEntries(r.buildings.map((b: any) => [b.building.code, b]));
      expect(byCode.SOUTH).toMatchObject({ expertEvidence: 1, holders: 1, topThreeShare: 1, concentrated: true });
      // West had 3 on staff then: the top 3 trivially hold everything, so it is not flagged.
      expect(byCode.WEST).toMatchObject({ educators: 3, expertEvidence: 1, topThreeShare: 1, concentrated: false });
      const endDay = await ask(OVER, { asOf: '2025-03-31' });
      expect(endDay.educators.map((e: any) => [e.fullName, e.totalRoleFte])).toEqual([
        ['Educator N1', 0.6],
        ['Educator W1', 0.4],
      ]);
    });

    it('follows the verification filter, the concentration threshold and the building filter', async () => {
      const verified = await ask(OVER, { asOf: AS_OF, statuses: ['VERIFIED'], ct: 0.9, buildings: [d.buildings.NORTH, d.buildings.SOUTH] });
      expect(verified.educators.map((e: any) => e.fullName)).toEqual(['Educator N1']);
      expect(verified.buildings.map((b: any) => [b.building.code, b.expertEvidence, b.topThreeShare, b.concentrated])).toEqual([
        ['NORTH', 3, 1, true],
        ['SOUTH', 0, null, false],
      ]);
      const loose = await ask(OVER, { asOf: AS_OF, ct: 0.9, buildings: [d.buildings.NORTH] });
      expect(loose.buildings[0]).toMatchObject({ topThreeShare: 5 / 6, concentrated: false });
      const south = await ask(OVER, { asOf: AS_OF, buildings: [d.buildings.SOUTH] });
      expect(south.educators).toEqual([]);
    });
  });
});
