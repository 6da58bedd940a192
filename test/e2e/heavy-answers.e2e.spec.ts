import { Persona } from '../../src/access/persona.js';
import { competencyIds, insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 10) { totalCount nodes { educatorId } } }`;
const FRAGMENT_RANKING = `query($roleId: ID!) { ...R } fragment R on Query { roleRanking(roleId: $roleId, first: 10) { totalCount } }`;

async function waitForLockedRanking(t: TestApp): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const rows = await t.ds.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND query LIKE '%WITH per_requirement%'`,
    );
    if (rows.length) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the ranking never waited on the lock');
}

describe('large answers (rankings, standings) in flight are bounded per instance; cheap requests pass beside them', () => {
  let t: TestApp;
  let hr: string;
  let roles: string[];

  beforeAll(async () => {
    // One large answer at a time, nobody waiting: the heavy-work gate itself has room (4), so only this gate refuses.
    t = await startTestApp({
      HEAVY_ANSWERS_MAX_CONCURRENT: '1',
      HEAVY_ANSWERS_MAX_QUEUED: '0',
      HEAVY_MAX_CONCURRENT: '4',
      HEAVY_QUEUE_WAIT_MS: '2000',
    });
    hr = (await t.signInAs([Persona.HR])).token;
    const comps = await competencyIds(t.ds, ['AI-BIAS']);
    const building = await insertBuilding(t.ds);
    const ana = await insertEducator(t.ds, { buildingId: building, name: 'Ana' });
    await insertEvidence(t.ds, { educatorId: ana, kind: 'CERTIFICATION', claims: [{ competencyId: comps['AI-BIAS'], level: 3 }] });
    roles = [
      await insertRole(t.ds, { title: 'Coach', requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] }),
      await insertRole(t.ds, { title: 'Lead', requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 3 }] }),
    ];
  });
  afterAll(() => t.close());

  it('refuses a second ranking with BUSY while one is in flight, also through a fragment, serves the role list meanwhile, and the ranking after', async () => {
    const locker = t.ds.createQueryRunner();
    await locker.connect();
    await locker.startTransaction();
    let held: Promise<GqlResponse> | undefined;
    try {
      await locker.query('LOCK TABLE evidence_claim_fact IN ACCESS EXCLUSIVE MODE');
      held = t.gql(RANKING, { roleId: roles[0] }, hr);
      await waitForLockedRanking(t);

      const second = await t.gql(RANKING, { roleId: roles[1] }, hr);
      expect(second.status).toBe(503);
      expect(codeOf(second)).toBe('BUSY');
      expect(second.errors![0].extensions!.retryAfterSeconds).toBe(2);
      expect(second.errors![0].message).toMatch(/busy/i);
      expect(codeOf(await t.gql(FRAGMENT_RANKING, { roleId: roles[1] }, hr))).toBe('BUSY');

      const cheap = await t.gql(`{ roles(first: 5) { nodes { title } } }`, {}, hr);
      expect(cheap.errors).toBeUndefined();
      expect(cheap.data.roles.nodes.map((r: { title: string }) => r.title).sort()).toEqual(['Coach', 'Lead']);
    } finally {
      await locker.commitTransaction();
      await locker.release();
    }
    const first = await held!;
    expect(first.errors).toBeUndefined();
    expect(first.data.roleRanking.totalCount).toBe(1);
    // The slot came back when the first answer was written.
    const again = await t.gql(RANKING, { roleId: roles[1] }, hr);
    expect(again.errors).toBeUndefined();
    expect(again.data.roleRanking.nodes).toHaveLength(1);
  });

  it('does not hold requests without credentials (they are refused by the access guard as before)', async () => {
    const anonymous = await t.gql(RANKING, { roleId: roles[0] });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
  });
});
