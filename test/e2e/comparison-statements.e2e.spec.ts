import type pg from 'pg';
import { Persona } from '../../src/access/persona.js';
import { daysFromNow, hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { insertEducator, insertEvidence } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The comparison explains candidates missing from the saved ranking run in one snapshot and one batch: the
 * statements the server sends for a comparison do not grow with the number of candidates.
 */
describe('comparing candidates missing from the saved run', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  let applicationIds: string[];
  let statements = 0;
  let counting = false;

  beforeAll(async () => {
    t = await startTestApp();
    w = await hiringWorld(t);
    roleId = await postOpenRole(t, w);
    applicationIds = [];
    for (let i = 0; i < 10; i++) {
      const educatorId = await insertEducator(t.ds, {
        buildingId: i % 2 ? w.north : w.south,
        name: `Candidate ${i}`,
        hireDate: daysFromNow(-365 * (3 + i)),
      });
      await insertEvidence(t.ds, {
        educatorId,
        kind: 'ARTIFACT',
        title: `Artifact ${i}`,
        status: i % 3 ? 'VERIFIED' : 'SELF_REPORTED',
        startedOn: daysFromNow(-100 - i),
        claims: [
          { competencyId: w.comps['AI-TOOL-EVAL'], level: 1 + (i % 3) },
          { competencyId: w.comps['PL-DESIGN'], level: 2 },
        ],
      });
      const { token } = await t.signInAs([Persona.EDUCATOR], { educatorId });
      applicationIds.push(ok(await t.gql(Q.apply, { input: { roleId } }, token)).applyToRole.id);
    }
    // Every statement any pooled connection sends while `counting` is on (the test file has its own app and database).
    const pool = (t.ds.driver as unknown as { master: pg.Pool & { Client: typeof pg.Client } }).master;
    const query = pool.Client.prototype.query;
    pool.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (counting) statements += 1;
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
  });
  afterAll(() => t.close());

  async function compared(ids: string[]): Promise<{ statements: number; candidates: any[] }> {
    statements = 0;
    counting = true;
    try {
      const candidates = ok(await t.gql(Q.compare, { roleId, ids }, w.hr)).candidateComparison.candidates;
      return { statements, candidates };
    } finally {
      counting = false;
    }
  }

  it('sends the same number of statements for 2 candidates as for 10', async () => {
    await compared(applicationIds.slice(0, 1)); // warm caches so both measured calls start alike
    const two = await compared(applicationIds.slice(0, 2));
    const ten = await compared(applicationIds);
    expect(two.candidates).toHaveLength(2);
    expect(ten.candidates).toHaveLength(10);
    expect(ten.candidates.every((c) => c.engineSource === 'LIVE')).toBe(true);
    expect(two.statements).toBeGreaterThan(0);
    expect(ten.statements).toBe(two.statements);
  });

  it('explains each candidate in the batch exactly as it explains that candidate alone', async () => {
    const batch = (await compared(applicationIds)).candidates;
    for (const [i, id] of applicationIds.entries()) {
      const [alone] = (await compared([id])).candidates;
      expect(batch[i]).toEqual(alone);
    }
    expect(new Set(batch.map((c) => c.engineScore)).size).toBeGreaterThan(1);
  });
});
