import { Persona } from '../../src/access/persona.js';
import { insertBuilding, insertEducator, insertEvidence, insertRole } from '../support/matching-fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const RANKING = `query($roleId: ID!) { roleRanking(roleId: $roleId) { nodes { educatorId score qualified
  requirements { competencyCode demonstratedLevel met summary } } } }`;
const ADD = `mutation($input: AddCrosswalkInput!) { addCrosswalk(input: $input) { id } }`;
const REMOVE = `mutation($input: RemoveCrosswalkInput!) { removeCrosswalk(input: $input) }`;

describe('matching honours exactMatchOf crosswalks', () => {
  let t: TestApp;
  let hr: string;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: 'https://pathways.example.org' });
    hr = (await t.signInAs([Persona.HR])).token;
    const rows: Array<{ id: string; key: string }> = await t.ds.query(
      `SELECT c.id, f.code || ':' || c.code AS key FROM competency c JOIN competency_framework f ON f.id = c.framework_id`,
    );
    for (const r of rows) ids.set(r.key, r.id);
  });
  afterAll(() => t.close());

  const id = (key: string) => ids.get(key)!;
  const rank = async (roleId: string) => {
    const res = await t.gql(RANKING, { roleId }, hr);
    expect(res.errors).toBeUndefined();
    return new Map(res.data.roleRanking.nodes.map((n: { educatorId: string }) => [n.educatorId, n])) as Map<string, any>;
  };

  it('counts a UNESCO claim toward the mapped district competency once HR adds the crosswalk, and not after removing it', async () => {
    const building = await insertBuilding(t.ds);
    const viaUnesco = await insertEducator(t.ds, { buildingId: building });
    const direct = await insertEducator(t.ds, { buildingId: building });
    await insertEvidence(t.ds, {
      educatorId: viaUnesco,
      kind: 'CERTIFICATION',
      claims: [{ competencyId: id('UNESCO-AI-CFT-2024:2.1'), level: 3 }],
    });
    await insertEvidence(t.ds, {
      educatorId: direct,
      kind: 'PILOT',
      claims: [{ competencyId: id('DISTRICT-AI-READINESS:AI-BIAS'), level: 2 }],
    });
    const roleId = await insertRole(t.ds, { requirements: [{ competencyId: id('DISTRICT-AI-READINESS:AI-BIAS'), minLevel: 2 }] });

    const before = await rank(roleId);
    expect(before.get(viaUnesco)).toMatchObject({ score: 0, qualified: false });

    const added = await t.gql(
      ADD,
      {
        input: {
          originCompetencyId: id('DISTRICT-AI-READINESS:AI-BIAS'),
          destinationCompetencyId: id('UNESCO-AI-CFT-2024:2.1'),
          associationType: 'exactMatchOf',
        },
      },
      hr,
    );
    expect(added.errors).toBeUndefined();
    const after = await rank(roleId);
    const a = after.get(viaUnesco);
    expect(a.qualified).toBe(true);
    expect(a.score).toBeGreaterThan(0);
    expect(a.requirements[0]).toMatchObject({ competencyCode: 'AI-BIAS', demonstratedLevel: 3, met: true });
    expect(a.requirements[0].summary).toMatch(/via crosswalk/);
    // The direct claimant is untouched, and nobody's score fell.
    for (const [educatorId, b] of before) expect(after.get(educatorId).score).toBeGreaterThanOrEqual(b.score);
    expect(after.get(direct).requirements[0].summary).not.toMatch(/via crosswalk/);

    // An isRelatedTo crosswalk is kept but does not move scores.
    await t.gql(
      ADD,
      {
        input: {
          originCompetencyId: id('DISTRICT-AI-READINESS:AI-BIAS'),
          destinationCompetencyId: id('UNESCO-AI-CFT-2024:1.1'),
          associationType: 'isRelatedTo',
        },
      },
      hr,
    );
    expect((await rank(roleId)).get(viaUnesco).score).toBe(a.score);

    expect((await t.gql(REMOVE, { input: { id: added.data.addCrosswalk.id } }, hr)).data.removeCrosswalk).toBe(true);
    const removed = await rank(roleId);
    expect(removed.get(viaUnesco)).toMatchObject({ score: 0, qualified: false });
    for (const [educatorId, x] of after) expect(removed.get(educatorId).score).toBeLessThanOrEqual(x.score);
  });

  it('ships the exact match DATA-ETHICS = UNESCO 2.3: it counts in matching and travels in the export', async () => {
    const building = await insertBuilding(t.ds);
    const educator = await insertEducator(t.ds, { buildingId: building });
    await insertEvidence(t.ds, {
      educatorId: educator,
      kind: 'PROFESSIONAL_LEARNING',
      claims: [{ competencyId: id('UNESCO-AI-CFT-2024:2.3'), level: 3 }],
    });
    const roleId = await insertRole(t.ds, { requirements: [{ competencyId: id('DISTRICT-AI-READINESS:DATA-ETHICS'), minLevel: 3 }] });
    const node = (await rank(roleId)).get(educator);
    expect(node).toMatchObject({ qualified: true });
    expect(node.requirements[0].summary).toMatch(/via crosswalk/);

    const [district] = await t.ds.query(`SELECT id FROM competency_framework WHERE code = 'DISTRICT-AI-READINESS'`);
    const pkg = JSON.parse(
      (await t.gql(`query($id: ID!) { exportCasePackage(frameworkId: $id) }`, { id: district.id }, hr)).data.exportCasePackage,
    );
    const [unesco23] = await t.ds.query(`SELECT case_identifier::text AS cid FROM competency WHERE id = $1`, [
      id('UNESCO-AI-CFT-2024:2.3'),
    ]);
    const shipped = pkg.CFAssociations.filter((x: any) => x.associationType === 'exactMatchOf');
    expect(shipped).toHaveLength(1);
    expect(shipped[0].destinationNodeURI).toEqual({
      title: 'Co-creating ethical rules',
      identifier: unesco23.cid,
      uri: `https://pathways.example.org/ims/case/v1p1/CFItems/${unesco23.cid}`,
    });
    expect(shipped[0].originNodeURI.title).toBe('Data ethics and governance');
  });
});
