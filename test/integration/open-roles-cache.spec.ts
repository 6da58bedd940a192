import { MatchingRepository } from '../../src/matching/sql/matching.repository.js';
import { ServiceMetrics } from '../../src/operations/metrics.js';
import { competencyIds, insertRole } from '../support/matching-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('the cached open roles and policy follow every committed change, and only committed ones', () => {
  let db: TestDatabase;
  let repo: MatchingRepository;
  let metrics: ServiceMetrics;
  let comps: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    metrics = new ServiceMetrics(db.dataSource);
    repo = new MatchingRepository(db.dataSource, undefined, metrics);
    comps = await competencyIds(db.dataSource, ['AI-BIAS', 'DATA-PRIVACY']);
  });
  afterAll(() => db.drop());

  const open = async () => (await repo.openRolesAndPolicy(db.dataSource.manager)).roles;

  it('reuses the cached list while nothing changed and reloads after each kind of change', async () => {
    const roleId = await insertRole(db.dataSource, { title: 'Coach', requirements: [{ competencyId: comps['AI-BIAS'], minLevel: 2 }] });
    const first = await open();
    expect(first.map((r) => r.title)).toEqual(['Coach']);
    expect(await open()).toBe(first);

    await db.dataSource.query(`UPDATE hybrid_role SET title = 'Innovation coach' WHERE id = $1`, [roleId]);
    const renamed = await open();
    expect(renamed).not.toBe(first);
    expect(renamed[0].title).toBe('Innovation coach');

    await db.dataSource.query(
      `INSERT INTO role_requirement (role_id, competency_id, min_level, kind, position) VALUES ($1, $2, 3, 'PREFERRED', 1)`,
      [roleId, comps['DATA-PRIVACY']],
    );
    expect((await open())[0].requirements.map((r) => [r.competencyCode, r.minLevel, r.kind])).toEqual([
      ['AI-BIAS', 2, 'REQUIRED'],
      ['DATA-PRIVACY', 3, 'PREFERRED'],
    ]);

    await db.dataSource.query(`UPDATE competency SET name = 'Bias in AI tools' WHERE id = $1`, [comps['AI-BIAS']]);
    expect((await open())[0].requirements[0].competencyName).toBe('Bias in AI tools');

    await db.dataSource.query(`UPDATE hybrid_role SET status = 'CLOSED' WHERE id = $1`, [roleId]);
    expect(await open()).toEqual([]);
  });

  it('ignores a change until it commits, then picks it up', async () => {
    const roleId = await insertRole(db.dataSource, {
      title: 'Data lead',
      requirements: [{ competencyId: comps['DATA-PRIVACY'], minLevel: 2 }],
    });
    const before = await open();
    expect(before.map((r) => r.title)).toEqual(['Data lead']);

    const writer = db.dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    try {
      await writer.query(`UPDATE hybrid_role SET title = 'Data ethics lead' WHERE id = $1`, [roleId]);
      expect(await open()).toBe(before);
      await writer.commitTransaction();
    } finally {
      await writer.release();
    }
    expect((await open()).map((r) => r.title)).toEqual(['Data ethics lead']);
  });

  it('is not fooled by a change that rolls back', async () => {
    const before = await open();
    await expect(
      db.dataSource.transaction(async (m) => {
        await m.query(`UPDATE hybrid_role SET title = 'Never' WHERE status = 'OPEN'`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await open()).toBe(before);
  });

  it('keeps the current policy beside the roles and reloads it when a new version is published', async () => {
    const first = await repo.openRolesAndPolicy(db.dataSource.manager);
    expect(await repo.openRolesAndPolicy(db.dataSource.manager)).toBe(first);
    await db.dataSource.transaction(async (m) => {
      await m.query(`UPDATE scoring_policy SET is_current = false WHERE is_current`);
      await m.query(
        `INSERT INTO scoring_policy (version, is_current, kind_weights, verification_factors, ageing_half_life_years,
          ageing_minimum_factor, attendance_cap_level, overextension_fte_threshold, tie_break, qualifying_status, notes)
        SELECT version + 1, true, kind_weights, verification_factors, ageing_half_life_years, ageing_minimum_factor, 2,
          overextension_fte_threshold, tie_break, qualifying_status, 'cap 2' FROM scoring_policy WHERE version = $1`,
        [first.policy.version],
      );
    });
    const next = await repo.openRolesAndPolicy(db.dataSource.manager);
    expect(next.policy.version).toBe(first.policy.version + 1);
    expect(next.policy.values.attendanceCapLevel).toBe(2);
    expect(first.policy.values.attendanceCapLevel).toBe(1);
  });

  it('counts hits and misses in the cache metric', async () => {
    const lookups = async () => {
      const values = (await metrics.registry.getSingleMetric('pathways_cache_lookups_total')!.get()).values;
      const of = (result: string) => values.find((v) => v.labels.cache === 'open_roles' && v.labels.result === result)?.value ?? 0;
      return { hit: of('hit'), miss: of('miss') };
    };
    await open();
    const before = await lookups();
    await open();
    expect(await lookups()).toEqual({ hit: before.hit + 1, miss: before.miss });
    await db.dataSource.query(`UPDATE competency SET name = name || ' ' WHERE id = $1`, [comps['DATA-PRIVACY']]);
    await open();
    expect(await lookups()).toEqual({ hit: before.hit + 1, miss: before.miss + 1 });
  });
});
