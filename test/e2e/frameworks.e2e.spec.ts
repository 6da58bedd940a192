import { Persona } from '../../src/access/persona.js';
import { insertBuilding, insertEducator, insertEvidence } from '../support/matching-fixtures.js';
import { codeOf, startTestApp, type GqlResponse, type TestApp } from '../support/test-app.js';

const FW = 'id code title description publisher retired retiredAt version levels { level label descriptor }';
const M = {
  create: `mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { ${FW} } }`,
  update: `mutation($input: UpdateFrameworkInput!) { updateFramework(input: $input) { ${FW} } }`,
  retire: `mutation($input: RetireFrameworkInput!) { retireFramework(input: $input) { ${FW} } }`,
  delete: `mutation($input: DeleteFrameworkInput!) { deleteFramework(input: $input) }`,
  createCompetency: `mutation($input: CreateCompetencyInput!) { createCompetency(input: $input) { id code version followsFrameworkLevels levels { level label } } }`,
  updateCompetency: `mutation($input: UpdateCompetencyInput!) { updateCompetency(input: $input) { id code version } }`,
  framework: `query($id: ID) { framework(id: $id) { ${FW} competencies(includeRetired: true) { id code version followsFrameworkLevels levels { level label descriptor } } } }`,
  frameworks: `query($all: Boolean!) { frameworks(first: 50, includeRetired: $all) { nodes { code retired } } }`,
  createRole: `mutation($input: CreateRoleInput!) { createRole(input: $input) { id } }`,
  createEvidence: `mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }`,
  export: `query($id: ID!) { exportCasePackage(frameworkId: $id) }`,
  import: `mutation($input: ImportCasePackageInput!) { importCasePackage(input: $input) { dryRun changed frameworkId problems } }`,
};

const scale = (labels: string[]) => labels.map((label, i) => ({ level: i + 1, label, descriptor: `${label} descriptor` }));

function ok(res: GqlResponse): any {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data;
}

describe('HR maintains frameworks: scale, competencies, retirement and deletion', () => {
  let t: TestApp;
  let hr: string;
  let educator: { token: string; educatorId: string };
  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    const buildingId = await insertBuilding(t.ds, 'North');
    const educatorId = await insertEducator(t.ds, { buildingId });
    educator = { token: (await t.signInAs([Persona.EDUCATOR], { educatorId })).token, educatorId };
  });
  afterAll(() => t.close());

  const snapshot = () =>
    t.ds.query(
      `SELECT f.code, f.version, f.retired_at, (SELECT json_agg(l ORDER BY l.level) FROM competency_framework_level l WHERE l.framework_id = f.id) AS scale,
            (SELECT json_agg(json_build_object('code', c.code, 'v', c.version, 'sort', c.sort_order, 'levels',
               (SELECT json_agg(json_build_object('level', cl.level, 'label', cl.label) ORDER BY cl.level) FROM competency_level cl WHERE cl.competency_id = c.id)) ORDER BY c.code)
               FROM competency c WHERE c.framework_id = f.id) AS competencies
       FROM competency_framework f ORDER BY f.code`,
    );
  const audits = (action: string, id: string) =>
    t.ds.query(`SELECT changes FROM audit_entry WHERE action = $1 AND target_id = $2 ORDER BY id`, [action, id]);

  it('the shipped frameworks have the scale their competencies share, and every competency follows it', async () => {
    const rows = await t.ds.query(
      `SELECT f.code, (SELECT json_agg(l.label ORDER BY l.level) FROM competency_framework_level l WHERE l.framework_id = f.id) AS labels,
              bool_and(c.follows_framework_levels) AS follow
         FROM competency_framework f JOIN competency c ON c.framework_id = f.id GROUP BY f.id, f.code ORDER BY f.code`,
    );
    expect(rows).toEqual([
      { code: 'DISTRICT-AI-READINESS', labels: ['Aware', 'Practising', 'Leading others', 'Shaping the system'], follow: true },
      { code: 'UNESCO-AI-CFT-2024', labels: expect.any(Array), follow: true },
    ]);
  });

  it('creates a framework with its scale; a duplicate code (any case) is CONFLICT and a gap in the levels BAD_USER_INPUT, with nothing changed', async () => {
    const made = ok(
      await t.gql(
        M.create,
        {
          input: {
            code: 'ISTE-EDU',
            title: 'ISTE Standards for Educators',
            publisher: 'ISTE',
            levels: scale(['Emerging', 'Proficient', 'Exemplary']),
          },
        },
        hr,
      ),
    ).createFramework;
    expect(made).toMatchObject({ code: 'ISTE-EDU', retired: false, version: 1, levels: scale(['Emerging', 'Proficient', 'Exemplary']) });
    expect((await audits('FRAMEWORK_CREATED', made.id))[0].changes).toMatchObject({
      code: 'ISTE-EDU',
      levels: scale(['Emerging', 'Proficient', 'Exemplary']),
    });

    const before = await snapshot();
    const dupe = await t.gql(M.create, { input: { code: 'iste-edu', title: 'Again', levels: scale(['A']) } }, hr);
    expect(codeOf(dupe)).toBe('CONFLICT');
    expect(dupe.errors![0].message).toMatch(/ISTE-EDU|iste-edu.*already exists/i);
    const gap = await t.gql(
      M.create,
      {
        input: {
          code: 'GAPPY',
          title: 'Gaps',
          levels: [
            { level: 1, label: 'a' },
            { level: 3, label: 'c' },
          ],
        },
      },
      hr,
    );
    expect(codeOf(gap)).toBe('BAD_USER_INPUT');
    expect(gap.errors![0].message).toMatch(/numbered 1\.\.2 without gaps/);
    expect(codeOf(await t.gql(M.create, { input: { code: 'X', title: 'Educators may not', levels: scale(['A']) } }, educator.token))).toBe(
      'FORBIDDEN',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('competencies follow the scale unless given their own; a scale edit relabels and extends the followers, audited with before and after; a stale version is CONFLICT', async () => {
    const fw = ok(await t.gql(M.create, { input: { code: 'SCALED', title: 'Scaled', levels: scale(['One', 'Two']) } }, hr)).createFramework;
    const follower = ok(
      await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'F1', name: 'Follower', dimension: 'D' } }, hr),
    ).createCompetency;
    expect(follower).toMatchObject({
      followsFrameworkLevels: true,
      levels: [
        { level: 1, label: 'One' },
        { level: 2, label: 'Two' },
      ],
    });
    const own = ok(
      await t.gql(
        M.createCompetency,
        { input: { frameworkId: fw.id, code: 'O1', name: 'Own', dimension: 'D', levels: [{ level: 1, label: 'Only' }] } },
        hr,
      ),
    ).createCompetency;
    expect(own.followsFrameworkLevels).toBe(false);

    const edited = ok(
      await t.gql(
        M.update,
        { input: { id: fw.id, version: fw.version, title: 'Scaled v2', levels: scale(['Aware', 'Practising', 'Leading']) } },
        hr,
      ),
    ).updateFramework;
    expect(edited).toMatchObject({ title: 'Scaled v2', version: fw.version + 1, levels: scale(['Aware', 'Practising', 'Leading']) });
    const read = ok(await t.gql(M.framework, { id: fw.id }, educator.token)).framework;
    const byCode = Object.fromEntries(read.competencies.map((c: { code: string }) => [c.code, c]));
    expect(byCode.F1.levels).toEqual(scale(['Aware', 'Practising', 'Leading']));
    expect(byCode.F1.version).toBe(follower.version + 1);
    expect(byCode.O1.levels).toEqual([{ level: 1, label: 'Only', descriptor: '' }]);
    expect(byCode.O1.version).toBe(own.version);
    const [audit] = await audits('FRAMEWORK_UPDATED', fw.id);
    expect(audit.changes).toEqual({
      title: { from: 'Scaled', to: 'Scaled v2' },
      levels: { from: scale(['One', 'Two']), to: scale(['Aware', 'Practising', 'Leading']) },
    });

    const before = await snapshot();
    const stale = await t.gql(M.update, { input: { id: fw.id, version: fw.version, title: 'Lost update' } }, hr);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.reason).toBe('STALE_VERSION');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses fewer levels than a claim or requirement stands on, saying which and what to do, with nothing changed', async () => {
    const fw = ok(
      await t.gql(M.create, { input: { code: 'USED', title: 'Used', levels: scale(['One', 'Two', 'Three', 'Four']) } }, hr),
    ).createFramework;
    const c = ok(
      await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'U1', name: 'Used one', dimension: 'D' } }, hr),
    ).createCompetency;
    await insertEvidence(t.ds, {
      educatorId: educator.educatorId,
      kind: 'ARTIFACT',
      title: 'Work',
      startedOn: '2025-01-10',
      claims: [{ competencyId: c.id, level: 3 }],
    });
    const before = await snapshot();
    const refused = await t.gql(M.update, { input: { id: fw.id, version: fw.version, levels: scale(['One', 'Two']) } }, hr);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.reason).toBe('LEVEL_IN_USE');
    expect(refused.errors![0].message).toMatch(
      /Level 3 is still used, so this framework needs at least 3 levels: U1 level 3 \(1 evidence claim\)\. Keep 3 or more levels/,
    );
    expect(await snapshot()).toEqual(before);
    // Dropping only the unused top level is fine.
    const three = ok(
      await t.gql(M.update, { input: { id: fw.id, version: fw.version, levels: scale(['One', 'Two', 'Three']) } }, hr),
    ).updateFramework;
    expect(three.levels).toHaveLength(3);
    expect(
      (await t.ds.query('SELECT level FROM competency_level WHERE competency_id = $1 ORDER BY level', [c.id])).map(
        (r: { level: number }) => r.level,
      ),
    ).toEqual([1, 2, 3]);
  });

  it('a trusted issuer mapping on a level counts as use: the scale cannot drop the level, and the framework cannot be deleted', async () => {
    const fw = ok(
      await t.gql(M.create, { input: { code: 'MAPPED', title: 'Mapped', levels: scale(['One', 'Two', 'Three']) } }, hr),
    ).createFramework;
    const c = ok(
      await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'MP1', name: 'Mapped one', dimension: 'D' } }, hr),
    ).createCompetency;
    await t.ds.query(
      `INSERT INTO trusted_issuer (issuer_id, display_name, key_source, achievement_mappings, version) VALUES ('did:web:issuer.example', 'Issuer', 'DID', $1, 1)`,
      [
        JSON.stringify([
          { match: 'ACHIEVEMENT_ID', value: 'urn:x', evidenceKind: 'CERTIFICATION', claims: [{ competencyId: c.id, level: 3 }] },
        ]),
      ],
    );
    const before = await snapshot();
    const shorter = await t.gql(M.update, { input: { id: fw.id, version: fw.version, levels: scale(['One', 'Two']) } }, hr);
    expect(shorter.errors![0].extensions!.reason).toBe('LEVEL_IN_USE');
    expect(shorter.errors![0].message).toMatch(/MP1 level 3 \(1 capability or trusted-issuer mapping\)/);
    const del = await t.gql(M.delete, { input: { id: fw.id, version: fw.version } }, hr);
    expect(del.errors![0].extensions!.reason).toBe('FRAMEWORK_IN_USE');
    expect(del.errors![0].message).toMatch(/1 trusted issuer mapping/);
    expect(await snapshot()).toEqual(before);
  });

  it('moves a competency within its framework', async () => {
    const fw = ok(await t.gql(M.create, { input: { code: 'ORDERED', title: 'Ordered', levels: scale(['One']) } }, hr)).createFramework;
    const ids: string[] = [];
    for (const code of ['A', 'B', 'C'])
      ids.push(
        ok(await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code, name: code, dimension: 'D' } }, hr)).createCompetency.id,
      );
    const moved = ok(await t.gql(M.updateCompetency, { input: { id: ids[2], version: 1, position: 1 } }, hr)).updateCompetency;
    expect(moved.version).toBe(2);
    const order = ok(await t.gql(M.framework, { id: fw.id }, hr)).framework.competencies.map((c: { code: string }) => c.code);
    expect(order).toEqual(['C', 'A', 'B']);
    expect((await audits('COMPETENCY_UPDATED', ids[2]))[0].changes).toEqual({ position: { from: 3, to: 1 } });
    expect(codeOf(await t.gql(M.updateCompetency, { input: { id: ids[2], version: 1, position: 2 } }, hr))).toBe('CONFLICT');
  });

  it('a framework in use cannot be deleted, only retired: hidden from new roles, claims and competencies, still readable, exported as Deprecated', async () => {
    const fw = ok(
      await t.gql(M.create, { input: { code: 'OLD-FW', title: 'Old framework', levels: scale(['One', 'Two']) } }, hr),
    ).createFramework;
    const c = ok(
      await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'OLD1', name: 'Old one', dimension: 'D' } }, hr),
    ).createCompetency;
    await insertEvidence(t.ds, {
      educatorId: educator.educatorId,
      kind: 'ARTIFACT',
      title: 'Old work',
      startedOn: '2025-01-10',
      claims: [{ competencyId: c.id, level: 2 }],
    });

    const before = await snapshot();
    const del = await t.gql(M.delete, { input: { id: fw.id, version: fw.version } }, hr);
    expect(codeOf(del)).toBe('CONFLICT');
    expect(del.errors![0].extensions!.reason).toBe('FRAMEWORK_IN_USE');
    expect(del.errors![0].message).toMatch(/in use \(1 evidence claim\(s\)\); retire it instead/);
    expect(await snapshot()).toEqual(before);

    const retired = ok(await t.gql(M.retire, { input: { id: fw.id, version: fw.version } }, hr)).retireFramework;
    expect(retired).toMatchObject({ retired: true, version: fw.version + 1 });
    expect((await audits('FRAMEWORK_RETIRED', fw.id))[0].changes).toMatchObject({
      retired: { from: false, to: true },
      inUse: { claims: 1 },
    });
    expect(codeOf(await t.gql(M.retire, { input: { id: fw.id, version: retired.version } }, hr))).toBe('BAD_USER_INPUT');

    // Hidden from the list unless asked for; still readable by id, with its competencies.
    expect(ok(await t.gql(M.frameworks, { all: false }, hr)).frameworks.nodes.map((n: { code: string }) => n.code)).not.toContain('OLD-FW');
    expect(ok(await t.gql(M.frameworks, { all: true }, hr)).frameworks.nodes).toContainEqual({ code: 'OLD-FW', retired: true });
    expect(ok(await t.gql(M.framework, { id: fw.id }, educator.token)).framework.competencies.map((x: { code: string }) => x.code)).toEqual(
      ['OLD1'],
    );

    // Nothing new stands on it.
    const claim = await t.gql(
      M.createEvidence,
      { input: { kind: 'ARTIFACT', title: 'New work', claims: [{ competencyId: c.id, level: 1 }] } },
      educator.token,
    );
    expect(codeOf(claim)).toBe('BAD_USER_INPUT');
    expect(claim.errors![0].message).toMatch(/retired/);
    const role = await t.gql(
      M.createRole,
      {
        input: {
          title: 'Coach',
          summary: 's',
          classroomFte: 0.6,
          roleFte: 0.4,
          openings: 1,
          closingDate: '2099-01-01',
          requirements: [{ competencyId: c.id, minLevel: 1, weight: 30, kind: 'REQUIRED' }],
        },
      },
      hr,
    );
    expect(codeOf(role)).toBe('BAD_USER_INPUT');
    expect(role.errors![0].message).toMatch(/retired/);
    const comp = await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'OLD2', name: 'Later', dimension: 'D' } }, hr);
    expect(comp.errors![0].extensions!.reason).toBe('FRAMEWORK_RETIRED');
    expect(codeOf(await t.gql(M.update, { input: { id: fw.id, version: retired.version, title: 'Renamed' } }, hr))).toBe('BAD_USER_INPUT');

    // CASE: Deprecated, the day it was retired; a round trip changes nothing and it stays retired.
    const pkg = JSON.parse(ok(await t.gql(M.export, { id: fw.id }, hr)).exportCasePackage);
    expect(pkg.CFDocument.adoptionStatus).toBe('Deprecated');
    expect(pkg.CFDocument.statusEndDate).toBe(new Date().toISOString().slice(0, 10));
    expect(pkg.CFItems.map((i: { humanCodingScheme?: string }) => i.humanCodingScheme)).toContain('OLD1');
    const again = ok(await t.gql(M.import, { input: { packageJson: JSON.stringify(pkg), dryRun: false } }, hr)).importCasePackage;
    expect(again).toMatchObject({ changed: false, frameworkId: fw.id });
    expect((await t.ds.query('SELECT retired_at IS NOT NULL AS r FROM competency_framework WHERE id = $1', [fw.id]))[0].r).toBe(true);
  });

  it('deletes an unused framework with its competencies, audited with what it was', async () => {
    const fw = ok(
      await t.gql(M.create, { input: { code: 'MISTAKE', title: 'Entered by mistake', levels: scale(['One']) } }, hr),
    ).createFramework;
    ok(await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'M1', name: 'M', dimension: 'D' } }, hr));
    expect(codeOf(await t.gql(M.delete, { input: { id: fw.id, version: fw.version + 5 } }, hr))).toBe('CONFLICT');
    expect(ok(await t.gql(M.delete, { input: { id: fw.id, version: fw.version } }, hr)).deleteFramework).toBe(true);
    expect(await t.ds.query('SELECT 1 FROM competency_framework WHERE id = $1', [fw.id])).toEqual([]);
    expect(await t.ds.query(`SELECT 1 FROM competency WHERE framework_id = $1`, [fw.id])).toEqual([]);
    expect((await audits('FRAMEWORK_DELETED', fw.id))[0].changes).toMatchObject({
      before: { code: 'MISTAKE', levels: [{ level: 1, label: 'One', descriptor: 'One descriptor' }] },
      competencies: ['M1'],
    });
    expect(codeOf(await t.gql(M.framework, { id: fw.id }, hr))).toBe('NOT_FOUND');
  });

  it('a Deprecated CASE package imports as a retired framework', async () => {
    const fw = ok(await t.gql(M.create, { input: { code: 'SOURCE', title: 'Source', levels: scale(['One', 'Two']) } }, hr)).createFramework;
    ok(await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'S1', name: 'Source one', dimension: 'D' } }, hr));
    const pkg = JSON.parse(ok(await t.gql(M.export, { id: fw.id }, hr)).exportCasePackage);
    // The same content under new identifiers, as another publisher's deprecated framework.
    const text = JSON.stringify(pkg).replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
      (id) => `${id.slice(0, -4)}beef`,
    );
    const copy = JSON.parse(text);
    copy.CFDocument.adoptionStatus = 'Deprecated';
    const preview = ok(await t.gql(M.import, { input: { packageJson: JSON.stringify(copy), dryRun: true } }, hr)).importCasePackage;
    expect(preview.problems.join(' ')).toMatch(/Deprecated.*will be retired/);
    const done = ok(await t.gql(M.import, { input: { packageJson: JSON.stringify(copy), dryRun: false } }, hr)).importCasePackage;
    expect((await t.ds.query('SELECT retired_at IS NOT NULL AS r FROM competency_framework WHERE id = $1', [done.frameworkId]))[0].r).toBe(
      true,
    );
  });

  it('an imported framework whose competencies share one scale gets it, so HR can relabel its levels', async () => {
    const fw = ok(
      await t.gql(M.create, { input: { code: 'PUBLISHED', title: 'Published', levels: scale(['Novice', 'Expert']) } }, hr),
    ).createFramework;
    ok(await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'P1', name: 'Published one', dimension: 'D' } }, hr));
    ok(await t.gql(M.createCompetency, { input: { frameworkId: fw.id, code: 'P2', name: 'Published two', dimension: 'D' } }, hr));
    const pkg = JSON.parse(ok(await t.gql(M.export, { id: fw.id }, hr)).exportCasePackage);
    const copy = JSON.parse(
      JSON.stringify(pkg).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => `${id.slice(0, -4)}cafe`),
    );
    const done = ok(await t.gql(M.import, { input: { packageJson: JSON.stringify(copy), dryRun: false } }, hr)).importCasePackage;
    const imported = ok(await t.gql(M.framework, { id: done.frameworkId }, hr)).framework;
    expect(imported.levels).toEqual(scale(['Novice', 'Expert']));
    expect(imported.competencies.map((c: { followsFrameworkLevels: boolean }) => c.followsFrameworkLevels)).toEqual([true, true]);
    ok(await t.gql(M.update, { input: { id: imported.id, version: imported.version, levels: scale(['Beginner', 'Expert']) } }, hr));
    const after = ok(await t.gql(M.framework, { id: done.frameworkId }, hr)).framework;
    for (const c of after.competencies) expect(c.levels.map((l: { label: string }) => l.label)).toEqual(['Beginner', 'Expert']);
    // The relabelled framework exports the new labels in its rubric.
    const out = JSON.parse(ok(await t.gql(M.export, { id: done.frameworkId }, hr)).exportCasePackage);
    expect(out.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels.map((l: { quality: string }) => l.quality)).toEqual([
      'Beginner',
      'Expert',
    ]);
  });
});
