import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { insertEvidence } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LEAVE = `mutation($input: RecordLeavingInput!) { recordLeaving(input: $input) { id version } }`;
const ERASE = `mutation($i: EraseEducatorInput!) { eraseEducator(input: $i) { alreadyErased mentionsElsewhere { table field rows } } }`;

/**
 * Erasure does not rewrite free text in other people's records; it tells HR where the person's name appears there,
 * so HR can review those records by hand.
 */
describe("erasure reports other people's records that name the person, and leaves them as they are", () => {
  let t: TestApp;
  let w: HiringWorld;
  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
  });
  afterAll(() => t.close());

  it('counts mentions of the full name (any case) per table and field, not the person’s own records, and changes none', async () => {
    await insertEvidence(t.ds, {
      educatorId: w.bea.educatorId,
      kind: 'ARTIFACT',
      title: 'Unit plan co-written with AL NOVAK',
      startedOn: daysFromNow(-30),
      claims: [{ competencyId: w.comps['PL-DESIGN'], level: 1 }],
    });
    await insertEvidence(t.ds, {
      educatorId: w.al.educatorId,
      kind: 'ARTIFACT',
      title: 'Al Novak’s own portfolio piece',
      startedOn: daysFromNow(-30),
      claims: [{ competencyId: w.comps['PL-DESIGN'], level: 1 }],
    });
    const roleId = await postOpenRole(t, w);
    const app = ok(await t.gql(Q.apply, { input: { roleId } }, w.cy.token)).applyToRole;
    ok(await t.gql(Q.move, { input: { applicationId: app.id, to: 'SCREENED', reason: 'Reference given by Al Novak' } }, w.hr));
    const before = await t.ds.query(
      `SELECT (SELECT array_agg(title ORDER BY title) FROM evidence WHERE educator_id = $1) AS titles,
              (SELECT array_agg(reason ORDER BY reason) FROM application_transition WHERE application_id = $2) AS reasons`,
      [w.bea.educatorId, app.id],
    );

    const [{ version }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [w.al.educatorId]);
    const left = ok(await t.gql(LEAVE, { input: { id: w.al.educatorId, version, leavingDate: daysFromNow(-1) } }, w.hr)).recordLeaving;
    const erased = ok(await t.gql(ERASE, { i: { id: left.id, version: left.version } }, w.hr)).eraseEducator;
    expect(erased.alreadyErased).toBe(false);
    expect(erased.mentionsElsewhere).toEqual([
      { table: 'application_transition', field: 'reason', rows: 1 },
      { table: 'evidence', field: 'title', rows: 1 },
    ]);
    // Not clever: the other people's texts are left exactly as they were, for HR to review.
    expect(
      await t.ds.query(
        `SELECT (SELECT array_agg(title ORDER BY title) FROM evidence WHERE educator_id = $1) AS titles,
                (SELECT array_agg(reason ORDER BY reason) FROM application_transition WHERE application_id = $2) AS reasons`,
        [w.bea.educatorId, app.id],
      ),
    ).toEqual(before);
    const [audit] = await t.ds.query(`SELECT changes FROM audit_entry WHERE action = 'PERSON_ERASED'`);
    expect(audit.changes).toMatchObject({ mentionsElsewhere: 2 });
    expect(JSON.stringify(audit.changes)).not.toMatch(/Novak/i);

    // Erasing again answers the first erasure: the name is gone, so nothing is counted.
    const [now] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [w.al.educatorId]);
    const again = ok(await t.gql(ERASE, { i: { id: w.al.educatorId, version: now.version } }, w.hr)).eraseEducator;
    expect(again).toEqual({ alreadyErased: true, mentionsElsewhere: [] });
  });
});
