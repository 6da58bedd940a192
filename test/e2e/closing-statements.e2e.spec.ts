import type pg from 'pg';
import { Persona } from '../../src/access/persona.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld, type Person } from '../support/hiring-fixtures.js';
import { insertEducator } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const LEAVE = `mutation($input: RecordLeavingInput!) { recordLeaving(input: $input) { id } }`;

/**
 * Closing many applications at once (a role fills; an educator leaves) reads the roles' titles for the candidates'
 * messages once per batch: the statements that read hybrid_role do not grow with the number of applications closed.
 */
describe('closing applications in a batch reads the role once', () => {
  let t: TestApp;
  let w: HiringWorld;
  let counting = false;
  let roleReads = 0;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t, 1);
    // Every statement any pooled connection sends while `counting` is on (the test file has its own app and database).
    const pool = (t.ds.driver as unknown as { master: pg.Pool & { Client: typeof pg.Client } }).master;
    const query = pool.Client.prototype.query;
    pool.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
      if (counting && /\bhybrid_role\b/.test(text)) roleReads += 1;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });
  afterAll(() => t.close());

  async function counted<T>(work: () => Promise<T>): Promise<{ roleReads: number; result: T }> {
    roleReads = 0;
    counting = true;
    try {
      const result = await work();
      return { roleReads, result };
    } finally {
      counting = false;
    }
  }

  async function applicants(roleId: string, n: number, tag: string): Promise<Person[]> {
    const people: Person[] = [];
    for (let i = 0; i < n; i++) {
      const educatorId = await insertEducator(t.ds, { buildingId: w.south, name: `${tag} ${i}`, hireDate: daysFromNow(-365 * 4) });
      const { token, account } = await t.signInAs([Persona.EDUCATOR], { educatorId });
      ok(await t.gql(Q.apply, { input: { roleId } }, token));
      people.push({ educatorId, token, accountId: account.id });
    }
    return people;
  }

  /** The holder applies, is offered the role (its only opening) and accepts: every other application closes. */
  async function fill(holder: Person, others: number, tag: string): Promise<{ roleReads: number; roleId: string }> {
    const roleId = await postOpenRole(t, w, { title: `Coach ${tag}` });
    const appId = ok(await t.gql(Q.apply, { input: { roleId } }, holder.token)).applyToRole.id;
    for (const to of ['SCREENED', 'SHORTLISTED', 'INTERVIEW'])
      ok(await t.gql(Q.move, { input: { applicationId: appId, to, reason: 'ok' } }, w.hr));
    await applicants(roleId, others, tag);
    const offer = ok(
      await t.gql(Q.makeOffer, { input: { applicationId: appId, startsOn: daysFromNow(10), overrideReason: 'Panel choice' } }, w.hr),
    ).makeOffer;
    const { roleReads: reads } = await counted(async () => ok(await t.gql(Q.acceptOffer, { input: { offerId: offer.id } }, holder.token)));
    return { roleReads: reads, roleId };
  }

  it('a role that fills reads hybrid_role as often with 6 other applications as with 1, and every candidate hears why', async () => {
    const one = await fill(w.bea, 1, 'One');
    const six = await fill(w.cy, 6, 'Six');
    expect(six.roleReads).toBe(one.roleReads);
    expect(one.roleReads).toBeGreaterThan(0);
    const rejected = await t.ds.query(`SELECT count(*)::int AS n FROM application WHERE role_id = $1 AND status = 'REJECTED'`, [
      six.roleId,
    ]);
    expect(rejected).toEqual([{ n: 6 }]);
    const told: Array<{ subject: string }> = await t.ds.query(
      `SELECT n.subject FROM notification n JOIN application a ON a.educator_id = n.educator_id
        WHERE a.role_id = $1 AND a.status = 'REJECTED' AND n.kind = 'APPLICATION_STATUS'`,
      [six.roleId],
    );
    expect(told).toHaveLength(6);
    for (const m of told) expect(m.subject).toBe('Coach Six has been filled: your application is closed');
  });

  it("a leaver's applications to several roles close reading the roles in a fixed number of statements, whatever their number", async () => {
    const roles: string[] = [];
    for (const tag of ['A', 'B', 'C', 'D']) roles.push(await postOpenRole(t, w, { title: `Leaver role ${tag}` }));
    const leaveWith = async (n: number, tag: string) => {
      const educatorId = await insertEducator(t.ds, { buildingId: w.north, name: `Leaver ${tag}`, hireDate: daysFromNow(-365 * 5) });
      const { token } = await t.signInAs([Persona.EDUCATOR], { educatorId });
      for (const roleId of roles.slice(0, n)) ok(await t.gql(Q.apply, { input: { roleId } }, token));
      const [{ version }] = await t.ds.query('SELECT version FROM educator WHERE id = $1', [educatorId]);
      const { roleReads: reads } = await counted(async () =>
        ok(await t.gql(LEAVE, { input: { id: educatorId, version, leavingDate: daysFromNow(0) } }, w.hr)),
      );
      const closed = await t.ds.query(`SELECT count(*)::int AS n FROM application WHERE educator_id = $1 AND status = 'WITHDRAWN'`, [
        educatorId,
      ]);
      expect(closed).toEqual([{ n }]);
      return reads;
    };
    const one = await leaveWith(1, 'one');
    const four = await leaveWith(4, 'four');
    expect(four).toBe(one);
    // One read of the applications' role titles, one of the invitations to close (which joins their roles).
    expect(one).toBe(2);
  });
});
