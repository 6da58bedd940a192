import { Persona } from '../../src/access/persona.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

describe('competency frameworks over HTTP', () => {
  let t: TestApp;
  let hr: string;
  let educator: string;

  beforeAll(async () => {
    t = await startTestApp();
    hr = (await t.signInAs([Persona.HR])).token;
    educator = (await t.signInAs([Persona.EDUCATOR])).token;
  });
  afterAll(() => t.close());

  const FRAMEWORK = `query($code: String) { framework(code: $code) { id code title competencies { id code name dimension progression levels { level label } version } } }`;

  it('ships the UNESCO framework with its 15 competencies under their exact names', async () => {
    const res = await t.gql(FRAMEWORK, { code: 'UNESCO-AI-CFT-2024' }, educator);
    const names = res.data.framework.competencies.map((c: { name: string }) => c.name);
    expect(names).toEqual([
      'Human agency',
      'Human accountability',
      'Social responsibility',
      'Ethical principles',
      'Safe and responsible use',
      'Co-creating ethical rules',
      'Basic AI techniques and applications',
      'Application skills',
      'Creating with AI',
      'AI-assisted teaching',
      'AI-pedagogy integration',
      'AI-enhanced pedagogical transformation',
      'AI enabling lifelong professional learning',
      'AI to enhance organizational learning',
      'AI to support professional transformation',
    ]);
    expect(res.data.framework.competencies[5]).toMatchObject({ dimension: 'Ethics of AI', progression: 'Create' });
  });

  it('ships the district AI-readiness set, each on levels 1-4', async () => {
    const res = await t.gql(FRAMEWORK, { code: 'DISTRICT-AI-READINESS' }, hr);
    const comps = res.data.framework.competencies;
    expect(comps).toHaveLength(10);
    expect(comps.map((c: { name: string }) => c.name)).toContain('AI bias evaluation');
    for (const c of comps) expect(c.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4]);
  });

  it('lets HR add, rename and retire a competency; retired ones stay readable and an audit entry is kept', async () => {
    const fw = (await t.gql(FRAMEWORK, { code: 'DISTRICT-AI-READINESS' }, hr)).data.framework;
    const created = await t.gql(
      `mutation($input: CreateCompetencyInput!) { createCompetency(input: $input) { id code version levels { level } } }`,
      {
        input: {
          frameworkId: fw.id,
          code: 'AI-PROMPTING',
          name: 'Prompt design',
          dimension: 'Teaching and assessment',
          levels: [
            { level: 1, label: 'Aware' },
            { level: 2, label: 'Practising' },
          ],
        },
      },
      hr,
    );
    expect(created.errors).toBeUndefined();
    const { id, version } = created.data.createCompetency;

    const renamed = await t.gql(
      `mutation($input: UpdateCompetencyInput!) { updateCompetency(input: $input) { name version } }`,
      { input: { id, version, name: 'Prompt design for learning' } },
      hr,
    );
    expect(renamed.data.updateCompetency).toEqual({ name: 'Prompt design for learning', version: version + 1 });

    const stale = await t.gql(
      `mutation($input: UpdateCompetencyInput!) { updateCompetency(input: $input) { name } }`,
      { input: { id, version, name: 'Lost update' } },
      hr,
    );
    expect(codeOf(stale)).toBe('CONFLICT');

    const retired = await t.gql(
      `mutation($input: RetireCompetencyInput!) { retireCompetency(input: $input) { retired } }`,
      { input: { id, version: version + 1 } },
      hr,
    );
    expect(retired.data.retireCompetency.retired).toBe(true);

    const read = await t.gql(`query($id: ID!) { competency(id: $id) { name retired } }`, { id }, educator);
    expect(read.data.competency).toEqual({ name: 'Prompt design for learning', retired: true });
    const listed = (await t.gql(FRAMEWORK, { code: 'DISTRICT-AI-READINESS' }, hr)).data.framework.competencies;
    expect(listed.map((c: { id: string }) => c.id)).not.toContain(id);

    const rows = await t.ds.query(`SELECT action FROM audit_entry WHERE target_id = $1 ORDER BY id`, [id]);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['COMPETENCY_CREATED', 'COMPETENCY_UPDATED', 'COMPETENCY_RETIRED']);
  });

  it('refuses levels with gaps and leaves nothing behind', async () => {
    const fw = (await t.gql(FRAMEWORK, { code: 'DISTRICT-AI-READINESS' }, hr)).data.framework;
    const before = await t.ds.query('SELECT count(*)::int AS n FROM competency');
    const res = await t.gql(
      `mutation($input: CreateCompetencyInput!) { createCompetency(input: $input) { id } }`,
      {
        input: {
          frameworkId: fw.id,
          code: 'GAPPY',
          name: 'Gappy',
          dimension: 'X',
          levels: [
            { level: 1, label: 'a' },
            { level: 3, label: 'c' },
          ],
        },
      },
      hr,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(await t.ds.query('SELECT count(*)::int AS n FROM competency')).toEqual(before);
  });

  it('answers unknown ids with NOT_FOUND and malformed ids with BAD_USER_INPUT', async () => {
    expect(codeOf(await t.gql(`{ competency(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, hr))).toBe('NOT_FOUND');
    const malformed = await t.gql(`{ competency(id: "not-a-uuid") { id } }`, {}, hr);
    expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(malformed)).not.toMatch(/stack|SELECT|invalid input syntax/i);
  });

  it('refuses an educator calling an HR mutation with FORBIDDEN and an anonymous call with UNAUTHENTICATED', async () => {
    const input = { id: '00000000-0000-4000-8000-000000000000', version: 1, name: 'x' };
    const q = `mutation($input: UpdateCompetencyInput!) { updateCompetency(input: $input) { id } }`;
    expect(codeOf(await t.gql(q, { input }, educator))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(q, { input }))).toBe('UNAUTHENTICATED');
  });
});
