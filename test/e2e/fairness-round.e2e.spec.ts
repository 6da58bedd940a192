import { Persona } from '../../src/access/persona.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * A hiring round run entirely through the API, then audited: the audit reads what the workflow records.
 * Bea (female, Hispanic or Latino) is shortlisted, offered and accepts; Cy (male, White) is rejected after
 * screening; Al never answered and withdraws. The saved ranking ranks all three: Bea, then Cy, then Al.
 */
const SET = `mutation($input: SetSelfIdentificationInput!) { setMySelfIdentification(input: $input) { version } }`;
const RUN = `mutation($input: RunFairnessAuditInput!) { runFairnessAudit(input: $input) { from to applications people selfIdentified
  measures { measure entered assessed withdrawn pending dimensions { dimension highestCategory categories { category assessed selected rate impactRatio flagged } unknown { assessed selected } } }
  rankingRuns { ranked median policyVersion } } }`;

describe('fairness audit of a round run through the API', () => {
  let t: TestApp;
  let w: HiringWorld;
  let audit: any;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t);
    const roleId = await postOpenRole(t, w);
    ok(await t.gql(SET, { input: { sex: 'FEMALE', raceEthnicity: 'HISPANIC_OR_LATINO' } }, w.bea.token));
    ok(await t.gql(SET, { input: { sex: 'MALE', raceEthnicity: 'WHITE' } }, w.cy.token));
    const app: Record<string, string> = {};
    for (const [name, p] of Object.entries({ bea: w.bea, cy: w.cy, al: w.al }))
      app[name] = ok(await t.gql(Q.apply, { input: { roleId } }, p.token)).applyToRole.id;
    ok(await t.gql(Q.saveRun, { input: { roleId } }, w.hr));
    const move = async (id: string, to: string) => ok(await t.gql(Q.move, { input: { applicationId: id, to, reason: `to ${to}` } }, w.hr));
    for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW']) await move(app.bea, to);
    await move(app.cy, 'SCREENED');
    await move(app.cy, 'REJECTED');
    ok(await t.gql(Q.withdraw, { input: { applicationId: app.al } }, w.al.token));
    const offer = ok(await t.gql(Q.makeOffer, { input: { applicationId: app.bea, startsOn: daysFromNow(30) } }, w.hr)).makeOffer;
    ok(await t.gql(Q.acceptOffer, { input: { offerId: offer.id } }, w.bea.token));
    const compliance = (await t.signInAs([Persona.COMPLIANCE])).token;
    // No period given: the twelve months up to today.
    audit = ok(await t.gql(RUN, { input: { roleId } }, compliance)).runFairnessAudit;
  });
  afterAll(() => t.close());

  const sex = (measure: string) =>
    audit.measures.find((m: any) => m.measure === measure).dimensions.find((d: any) => d.dimension === 'SEX');
  const cat = (measure: string, category: string) => sex(measure).categories.find((c: any) => c.category === category);

  it('defaults to the last twelve months and counts the round', () => {
    expect(audit.to).toBe(daysFromNow(0));
    const yearBefore = new Date(`${audit.to}T00:00:00Z`);
    yearBefore.setUTCFullYear(yearBefore.getUTCFullYear() - 1);
    yearBefore.setUTCDate(yearBefore.getUTCDate() + 1);
    expect(audit.from).toBe(yearBefore.toISOString().slice(0, 10));
    expect([audit.applications, audit.people, audit.selfIdentified]).toEqual([3, 3, 2]);
    expect(audit.measures.map((m: any) => [m.measure, m.entered, m.assessed, m.withdrawn, m.pending])).toEqual([
      ['APPLIED_TO_SHORTLISTED', 3, 2, 1, 0],
      ['SHORTLISTED_TO_OFFERED', 1, 1, 0, 0],
      ['OFFERED_TO_ACCEPTED', 1, 1, 0, 0],
      ['SCORING', 3, 3, 0, 0],
    ]);
  });

  it('reads shortlisting, offers and acceptance from the recorded transitions', () => {
    expect(cat('APPLIED_TO_SHORTLISTED', 'FEMALE')).toMatchObject({ assessed: 1, selected: 1, rate: 1, impactRatio: 1, flagged: false });
    expect(cat('APPLIED_TO_SHORTLISTED', 'MALE')).toMatchObject({ assessed: 1, selected: 0, rate: 0, impactRatio: 0, flagged: true });
    expect(cat('OFFERED_TO_ACCEPTED', 'FEMALE')).toMatchObject({ assessed: 1, selected: 1, rate: 1 });
  });

  it("reads the scoring rate from the saved ranking: only Bea is above the median (Cy's score)", () => {
    expect(audit.rankingRuns).toEqual([expect.objectContaining({ ranked: 3, policyVersion: 2 })]);
    expect(cat('SCORING', 'FEMALE')).toMatchObject({ assessed: 1, selected: 1 });
    expect(cat('SCORING', 'MALE')).toMatchObject({ assessed: 1, selected: 0, flagged: true });
    expect(sex('SCORING').unknown).toEqual({ assessed: 1, selected: 0 });
  });
});
