import { Persona } from '../../src/access/persona.js';
import { insertApplication, insertRankingRun } from '../support/fairness-fixtures.js';
import { ok } from '../support/hiring-fixtures.js';
import { insertBuilding, insertEducator, insertRole } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A district whose outcomes are counted by hand (the expected figures below are written out, not derived
 * from the table by the code under test). Nineteen applications to one role in March 2026:
 *
 *  #  sex/race (self-identified)   history                                   shortlist  offer  accept
 *  1  F / White                    SUB SCR SHORT INT OFF ACC                 yes        yes    yes
 *  2  F / White                    SUB SCR SHORT INT OFF DECLINED            yes        yes    no
 *  3  F / White                    SUB SCR SHORT INT REJ                     yes        no     -
 *  4  F / White                    SUB REJ                                   no         -      -
 *  5  F / Black                    SUB SCR SHORT INT OFF ACC                 yes        yes    yes
 *  6  F / Black                    SUB REJ                                   no
 *  7  F / Black                    SUB SCR REJ                               no
 *  8  M / White                    SUB SCR SHORT INT OFF ACC                 yes        yes    yes
 *  9  M / White                    SUB SCR SHORT REJ                         yes        no
 * 10  M / White                    SUB REJ                                   no
 * 11  M / White                    SUB SCR REJ                               no
 * 12  M / White                    SUB REJ                                   no
 * 13  M / Asian                    SUB SCR SHORT WITHDRAWN                   yes        apart
 * 14  M / Asian                    SUB SCR SHORT INT REJ                     yes        no
 * 15  declined / declined          SUB SCR SHORT INT REJ                     yes        no
 * 16  declined / declined          SUB REJ                                   no
 * 17  never answered               SUB WITHDRAWN                             apart
 * 18  M / White                    SUB SCR (still open)                      apart
 * 19  F / declined                 SUB SCR SHORT INT OFF ACC                 yes        yes    yes
 *
 * Ranking saved on 2026-03-20 (scores): #1 90, #15 85, #2 80, #3 70, #4 60, #5 50, #6 40, #7 30, #8 20, #17 10;
 * median (50 + 60) / 2 = 55, above it: #1, #15, #2, #3, #4.
 */
type Who = [sex: string, race: string] | null;
const P = ['SUBMITTED', 'SCREENED', 'SHORTLISTED', 'INTERVIEW', 'OFFERED'];
const PEOPLE: Array<{ who: Who; path: string[] }> = [
  { who: ['FEMALE', 'WHITE'], path: [...P, 'ACCEPTED'] },
  { who: ['FEMALE', 'WHITE'], path: [...P, 'DECLINED'] },
  { who: ['FEMALE', 'WHITE'], path: [...P.slice(0, 4), 'REJECTED'] },
  { who: ['FEMALE', 'WHITE'], path: ['SUBMITTED', 'REJECTED'] },
  { who: ['FEMALE', 'BLACK_OR_AFRICAN_AMERICAN'], path: [...P, 'ACCEPTED'] },
  { who: ['FEMALE', 'BLACK_OR_AFRICAN_AMERICAN'], path: ['SUBMITTED', 'REJECTED'] },
  { who: ['FEMALE', 'BLACK_OR_AFRICAN_AMERICAN'], path: ['SUBMITTED', 'SCREENED', 'REJECTED'] },
  { who: ['MALE', 'WHITE'], path: [...P, 'ACCEPTED'] },
  { who: ['MALE', 'WHITE'], path: [...P.slice(0, 3), 'REJECTED'] },
  { who: ['MALE', 'WHITE'], path: ['SUBMITTED', 'REJECTED'] },
  { who: ['MALE', 'WHITE'], path: ['SUBMITTED', 'SCREENED', 'REJECTED'] },
  { who: ['MALE', 'WHITE'], path: ['SUBMITTED', 'REJECTED'] },
  { who: ['MALE', 'ASIAN'], path: [...P.slice(0, 3), 'WITHDRAWN'] },
  { who: ['MALE', 'ASIAN'], path: [...P.slice(0, 4), 'REJECTED'] },
  { who: ['DECLINED_TO_STATE', 'DECLINED_TO_STATE'], path: [...P.slice(0, 4), 'REJECTED'] },
  { who: ['DECLINED_TO_STATE', 'DECLINED_TO_STATE'], path: ['SUBMITTED', 'REJECTED'] },
  { who: null, path: ['SUBMITTED', 'WITHDRAWN'] },
  { who: ['MALE', 'WHITE'], path: ['SUBMITTED', 'SCREENED'] },
  { who: ['FEMALE', 'DECLINED_TO_STATE'], path: [...P, 'ACCEPTED'] },
];
const SCORES: Array<[person: number, score: number]> = [
  [1, 90],
  [15, 85],
  [2, 80],
  [3, 70],
  [4, 60],
  [5, 50],
  [6, 40],
  [7, 30],
  [8, 20],
  [17, 10],
];

const CATEGORY = 'category assessed selected rate shareOfData excludedFromRatios tooSmall impactRatio flagged';
const AUDIT = `id createdAt createdBy roleId roleTitle from to asOf excludeUnderTwoPercent minCategorySize empty emptyReason applications people selfIdentified
  measures { measure entered assessed withdrawn pending dimensions { dimension highestCategory note categories { ${CATEGORY} label } unknown { assessed selected rate } } }
  rankingRuns { runId roleId roleTitle policyVersion asOf createdAt ranked candidateCount median } summary csv`;
const RUN = `mutation($input: RunFairnessAuditInput!) { runFairnessAudit(input: $input) { ${AUDIT} } }`;
const READ = `query($id: ID!) { fairnessAudit(id: $id) { ${AUDIT} } }`;
const SET = `mutation($input: SetSelfIdentificationInput!) { setMySelfIdentification(input: $input) { sex raceEthnicity version } }`;

type Figures = [assessed: number, selected: number, rate: number | null, impactRatio: number | null, flagged: boolean];

describe('fairness audit over a hand-counted district', () => {
  let t: TestApp;
  let compliance: string;
  let hr: string;
  let roleId: string;
  let audit: any;

  beforeAll(async () => {
    t = await startTestApp();
    compliance = (await t.signInAs([Persona.COMPLIANCE])).token;
    hr = (await t.signInAs([Persona.HR])).token;
    const building = await insertBuilding(t.ds, 'Audit High');
    roleId = await insertRole(t.ds, { title: 'AI integration specialist', requirements: [] });
    const otherRole = await insertRole(t.ds, { title: 'Innovation coach', requirements: [] });
    const ids: string[] = [];
    for (const [i, p] of PEOPLE.entries()) {
      const educatorId = await insertEducator(t.ds, { buildingId: building });
      ids.push(educatorId);
      if (p.who) {
        const { token } = await t.signInAs([Persona.EDUCATOR], { educatorId });
        ok(await t.gql(SET, { input: { sex: p.who[0], raceEthnicity: p.who[1] } }, token));
      }
      await insertApplication(t.ds, {
        roleId,
        educatorId,
        submittedAt: `2026-03-${String(2 + i).padStart(2, '0')}T09:00:00Z`,
        path: p.path,
      });
    }
    // Outside the audit: another role's application (counts only for all roles), an application in April, and rankings
    // saved before the latest one or after the period.
    await insertApplication(t.ds, {
      roleId: otherRole,
      educatorId: ids[0],
      submittedAt: '2026-03-15T09:00:00Z',
      path: ['SUBMITTED', 'REJECTED'],
    });
    await insertApplication(t.ds, {
      roleId,
      educatorId: await insertEducator(t.ds, { buildingId: building }),
      submittedAt: '2026-04-01T00:00:00Z',
      path: ['SUBMITTED', 'SCREENED', 'SHORTLISTED'],
    });
    await insertRankingRun(t.ds, {
      roleId,
      createdAt: '2026-03-10T10:00:00Z',
      scores: ids.slice(0, 4).map((educatorId, i) => ({ educatorId, score: i })),
    });
    await insertRankingRun(t.ds, {
      roleId,
      createdAt: '2026-03-20T10:00:00Z',
      candidateCount: 25,
      scores: SCORES.map(([n, score]) => ({ educatorId: ids[n - 1], score })),
    });
    await insertRankingRun(t.ds, { roleId, createdAt: '2026-04-02T10:00:00Z', scores: [{ educatorId: ids[3], score: 99 }] });

    audit = ok(await t.gql(RUN, { input: { roleId, from: '2026-03-01', to: '2026-03-31' } }, compliance)).runFairnessAudit;
  });
  afterAll(() => t.close());

  const figures = (measure: string, dimension: string, category: string): Figures => {
    const d = audit.measures.find((m: any) => m.measure === measure).dimensions.find((x: any) => x.dimension === dimension);
    const c = d.categories.find((x: any) => x.category === category);
    return [c.assessed, c.selected, c.rate, c.impactRatio, c.flagged];
  };
  const dim = (measure: string, dimension: string) =>
    audit.measures.find((m: any) => m.measure === measure).dimensions.find((x: any) => x.dimension === dimension);

  it('counts applications, people and answers in the period and role only', () => {
    expect(audit).toMatchObject({
      roleId,
      roleTitle: 'AI integration specialist',
      from: '2026-03-01',
      to: '2026-03-31',
      empty: false,
      emptyReason: null,
    });
    expect(audit.applications).toBe(19);
    expect(audit.people).toBe(19);
    expect(audit.selfIdentified).toBe(18);
    expect(audit.measures.map((m: any) => [m.measure, m.entered, m.assessed, m.withdrawn, m.pending])).toEqual([
      ['APPLIED_TO_SHORTLISTED', 19, 17, 1, 1],
      ['SHORTLISTED_TO_OFFERED', 10, 9, 1, 0],
      ['OFFERED_TO_ACCEPTED', 5, 5, 0, 0],
      ['SCORING', 10, 10, 0, 0],
    ]);
  });

  it('applied to shortlisted: every rate and ratio', () => {
    const m = 'APPLIED_TO_SHORTLISTED';
    expect(figures(m, 'SEX', 'FEMALE')).toEqual([8, 5, 5 / 8, 1, false]);
    expect(figures(m, 'SEX', 'MALE')).toEqual([7, 4, 4 / 7, 32 / 35, false]);
    expect(dim(m, 'SEX').unknown).toEqual({ assessed: 2, selected: 1, rate: 1 / 2 });
    expect(dim(m, 'SEX').highestCategory).toBe('FEMALE');
    expect(figures(m, 'RACE_ETHNICITY', 'WHITE')).toEqual([9, 5, 5 / 9, 10 / 18, true]);
    expect(figures(m, 'RACE_ETHNICITY', 'BLACK_OR_AFRICAN_AMERICAN')).toEqual([3, 1, 1 / 3, 2 / 6, true]);
    expect(figures(m, 'RACE_ETHNICITY', 'ASIAN')).toEqual([2, 2, 1, 1, false]);
    expect(figures(m, 'RACE_ETHNICITY', 'HISPANIC_OR_LATINO')).toEqual([0, 0, null, null, false]);
    expect(dim(m, 'RACE_ETHNICITY').unknown).toEqual({ assessed: 3, selected: 2, rate: 2 / 3 });
    expect(figures(m, 'INTERSECTION', 'FEMALE/WHITE')).toEqual([4, 3, 3 / 4, 6 / 8, true]);
    expect(figures(m, 'INTERSECTION', 'FEMALE/BLACK_OR_AFRICAN_AMERICAN')).toEqual([3, 1, 1 / 3, 2 / 6, true]);
    expect(figures(m, 'INTERSECTION', 'MALE/WHITE')).toEqual([5, 2, 2 / 5, 4 / 10, true]);
    expect(figures(m, 'INTERSECTION', 'MALE/ASIAN')).toEqual([2, 2, 1, 1, false]);
    expect(dim(m, 'INTERSECTION').unknown).toEqual({ assessed: 3, selected: 2, rate: 2 / 3 });
    expect(dim(m, 'INTERSECTION').categories).toHaveLength(14);
  });

  it('shortlisted to offered: every rate and ratio', () => {
    const m = 'SHORTLISTED_TO_OFFERED';
    expect(figures(m, 'SEX', 'FEMALE')).toEqual([5, 4, 4 / 5, 1, false]);
    expect(figures(m, 'SEX', 'MALE')).toEqual([3, 1, 1 / 3, 5 / 12, true]);
    expect(dim(m, 'SEX').unknown).toEqual({ assessed: 1, selected: 0, rate: 0 });
    expect(figures(m, 'RACE_ETHNICITY', 'WHITE')).toEqual([5, 3, 3 / 5, 3 / 5, true]);
    expect(figures(m, 'RACE_ETHNICITY', 'BLACK_OR_AFRICAN_AMERICAN')).toEqual([1, 1, 1, 1, false]);
    expect(figures(m, 'RACE_ETHNICITY', 'ASIAN')).toEqual([1, 0, 0, 0, true]);
    expect(dim(m, 'RACE_ETHNICITY').unknown).toEqual({ assessed: 2, selected: 1, rate: 1 / 2 });
    expect(figures(m, 'INTERSECTION', 'FEMALE/WHITE')).toEqual([3, 2, 2 / 3, 2 / 3, true]);
    expect(figures(m, 'INTERSECTION', 'MALE/WHITE')).toEqual([2, 1, 1 / 2, 1 / 2, true]);
    expect(figures(m, 'INTERSECTION', 'MALE/ASIAN')).toEqual([1, 0, 0, 0, true]);
    expect(dim(m, 'INTERSECTION').highestCategory).toBe('FEMALE/BLACK_OR_AFRICAN_AMERICAN');
  });

  it('offered to accepted: every rate and ratio', () => {
    const m = 'OFFERED_TO_ACCEPTED';
    expect(figures(m, 'SEX', 'FEMALE')).toEqual([4, 3, 3 / 4, 3 / 4, true]);
    expect(figures(m, 'SEX', 'MALE')).toEqual([1, 1, 1, 1, false]);
    expect(figures(m, 'RACE_ETHNICITY', 'WHITE')).toEqual([3, 2, 2 / 3, 2 / 3, true]);
    expect(dim(m, 'RACE_ETHNICITY').unknown).toEqual({ assessed: 1, selected: 1, rate: 1 });
    expect(figures(m, 'INTERSECTION', 'FEMALE/WHITE')).toEqual([2, 1, 1 / 2, 1 / 2, true]);
    expect(dim(m, 'INTERSECTION').highestCategory).toBe('MALE/WHITE');
  });

  it('scoring rate: share strictly above the median of everyone the latest run in the period ranked', () => {
    expect(audit.rankingRuns).toEqual([
      expect.objectContaining({ roleId, ranked: 10, candidateCount: 25, median: 55, policyVersion: 2, asOf: '2026-03-20' }),
    ]);
    expect(figures('SCORING', 'SEX', 'FEMALE')).toEqual([7, 4, 4 / 7, 1, false]);
    expect(figures('SCORING', 'SEX', 'MALE')).toEqual([1, 0, 0, 0, true]);
    expect(dim('SCORING', 'SEX').unknown).toEqual({ assessed: 2, selected: 1, rate: 1 / 2 });
    expect(figures('SCORING', 'RACE_ETHNICITY', 'WHITE')).toEqual([5, 4, 4 / 5, 1, false]);
    expect(figures('SCORING', 'RACE_ETHNICITY', 'BLACK_OR_AFRICAN_AMERICAN')).toEqual([3, 0, 0, 0, true]);
  });

  it('marks small categories and states the method in plain words', () => {
    const c = dim('APPLIED_TO_SHORTLISTED', 'SEX').categories.find((x: any) => x.category === 'MALE');
    expect(c.tooSmall).toBe(false);
    expect(dim('APPLIED_TO_SHORTLISTED', 'RACE_ETHNICITY').categories.find((x: any) => x.category === 'ASIAN').tooSmall).toBe(true);
    expect(audit.summary).toContain('19 application(s) submitted in the period');
    expect(audit.summary).toContain(`as of ${audit.asOf}`);
    expect(audit.summary).toContain('scoring policy version 2');
    expect(audit.summary).toMatch(/strictly above the median/);
    expect(audit.summary).toMatch(/applied to shortlisted: White 0\.556/);
    expect(audit.summary).toMatch(/kept 10 of the 25 candidates it ranked/);
  });

  it('exports the same figures as CSV', () => {
    const lines = audit.csv.trim().split('\n');
    expect(lines[0]).toBe(
      'audit_id,as_of,period_from,period_to,role,measure,dimension,category,label,assessed,selected,rate,share_of_data,impact_ratio,flagged_under_0_8,excluded_from_ratios,too_small,highest_category',
    );
    // 4 measures x (2 + 7 + 14 categories + 3 unknown rows)
    expect(lines).toHaveLength(1 + 4 * 26);
    expect(lines).toContain(
      `${audit.id},${audit.asOf},2026-03-01,2026-03-31,AI integration specialist,SHORTLISTED_TO_OFFERED,SEX,MALE,Male,3,1,0.3333,0.3333,0.4167,true,false,true,FEMALE`,
    );
  });

  it('is saved and reads back unchanged', async () => {
    const again = ok(await t.gql(READ, { id: audit.id }, compliance)).fairnessAudit;
    expect(again).toEqual(audit);
    const rows = await t.ds.query('SELECT role_id, period_from::text, period_to::text FROM fairness.audit_run WHERE id = $1', [audit.id]);
    expect(rows).toEqual([{ role_id: roleId, period_from: '2026-03-01', period_to: '2026-03-31' }]);
    await expect(t.ds.query("UPDATE fairness.audit_run SET result = '{}' WHERE id = $1", [audit.id])).rejects.toThrow(/append-only/);
    const list = ok(await t.gql(`{ fairnessAudits(first: 5) { totalCount nodes { id } } }`, {}, compliance)).fairnessAudits;
    expect(list.nodes.map((n: any) => n.id)).toContain(audit.id);
  });

  it('audits all roles together, counting each application once per role', async () => {
    const all = ok(await t.gql(RUN, { input: { from: '2026-03-01', to: '2026-03-31' } }, compliance)).runFairnessAudit;
    expect(all.roleId).toBeNull();
    expect(all.applications).toBe(20);
    expect(all.measures[0]).toMatchObject({ entered: 20, assessed: 18 });
  });

  it('answers a period with no data with an empty audit and the reason, saved like any other', async () => {
    const empty = ok(await t.gql(RUN, { input: { roleId, from: '2020-01-01', to: '2020-01-31' } }, compliance)).runFairnessAudit;
    expect(empty.empty).toBe(true);
    expect(empty.emptyReason).toMatch(
      /No application to the role "AI integration specialist" was submitted between 2020-01-01 and 2020-01-31/,
    );
    expect(empty.applications).toBe(0);
    expect(empty.measures.every((m: any) => m.assessed === 0)).toBe(true);
    expect(ok(await t.gql(READ, { id: empty.id }, compliance)).fairnessAudit).toEqual(empty);
  });

  it('refuses bad periods, unknown roles, and everyone but compliance', async () => {
    expect(codeOf(await t.gql(RUN, { input: { from: '2026-04-01', to: '2026-03-01' } }, compliance))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(RUN, { input: { from: '2026-02-30', to: '2026-03-01' } }, compliance))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await t.gql(RUN, { input: { roleId: '00000000-0000-4000-8000-000000000000', from: '2026-03-01', to: '2026-03-31' } }, compliance),
      ),
    ).toBe('NOT_FOUND');
    const before = Number((await t.ds.query('SELECT count(*) FROM fairness.audit_run'))[0].count);
    for (const personas of [[Persona.HR], [Persona.PANELIST], [Persona.EDUCATOR]]) {
      const { token } = await t.signInAs(personas);
      expect(codeOf(await t.gql(RUN, { input: { from: '2026-03-01', to: '2026-03-31' } }, token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(READ, { id: audit.id }, token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await t.gql(READ, { id: audit.id }, hr))).toBe('FORBIDDEN');
    expect(Number((await t.ds.query('SELECT count(*) FROM fairness.audit_run'))[0].count)).toBe(before);
  });
});
