import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isObjectType } from 'graphql';
import { fullSelectionOf } from '../support/full-selection.js';
import { hiringWorld, ok, postOpenRole, Q, type HiringWorld } from '../support/hiring-fixtures.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Demographics never touch a score: every answer HR, panels and educators get from rankings, explanations,
 * comparisons, exports and standings is byte-for-byte the same with and without self-identification data.
 */
const SET = `mutation($input: SetSelfIdentificationInput!) { setMySelfIdentification(input: $input) { sex raceEthnicity version } }`;
const MINE = `{ mySelfIdentification { sex raceEthnicity version } }`;

describe('self-identification is kept apart', () => {
  let t: TestApp;
  let w: HiringWorld;
  let roleId: string;
  let runId: string;
  let applicationIds: string[];
  let reads: Array<{ name: string; query: string; variables: Record<string, unknown>; token: string }>;

  /** The raw HTTP body of each read, as the client receives it. */
  const snapshot = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const r of reads) {
      const res = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
        body: JSON.stringify({ query: r.query, variables: r.variables }),
      });
      out[r.name] = await res.text();
    }
    return out;
  };

  beforeAll(async () => {
    t = await startTestApp({ GRAPHQL_MAX_COST: '10000000', GRAPHQL_MAX_DEPTH: '20' });
    w = await hiringWorld(t);
    roleId = await postOpenRole(t, w);
    applicationIds = [];
    for (const p of [w.bea, w.cy, w.al]) applicationIds.push(ok(await t.gql(Q.apply, { input: { roleId } }, p.token)).applyToRole.id);
    runId = ok(await t.gql(Q.saveRun, { input: { roleId } }, w.hr)).saveRankingRun.id;
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const sel = (field: string) => fullSelectionOf(schema, field);
    const comps = Object.values(w.comps);
    reads = [
      {
        name: 'ranking',
        query: `query($roleId: ID!) { roleRanking(roleId: $roleId, first: 50) ${sel('roleRanking')} }`,
        variables: { roleId },
        token: w.hr,
      },
      {
        name: 'explanation (HR)',
        query: `query($roleId: ID!, $e: ID!) { explainCandidate(roleId: $roleId, educatorId: $e) ${sel('explainCandidate')} }`,
        variables: { roleId, e: w.bea.educatorId },
        token: w.hr,
      },
      {
        name: 'explanation (self)',
        query: `query($roleId: ID!, $e: ID!) { explainCandidate(roleId: $roleId, educatorId: $e) ${sel('explainCandidate')} }`,
        variables: { roleId, e: w.cy.educatorId },
        token: w.cy.token,
      },
      {
        name: 'standing (HR)',
        query: `query($e: ID!) { educatorStanding(educatorId: $e) ${sel('educatorStanding')} }`,
        variables: { e: w.al.educatorId },
        token: w.hr,
      },
      { name: 'standing (self)', query: `{ myRoleStanding ${sel('myRoleStanding')} }`, variables: {}, token: w.bea.token },
      { name: 'saved run', query: `query($id: ID!) { rankingRun(id: $id) ${sel('rankingRun')} }`, variables: { id: runId }, token: w.hr },
      { name: 'comparison (HR)', query: Q.compare, variables: { roleId, ids: applicationIds }, token: w.hr },
      { name: 'comparison CSV', query: Q.compareCsv, variables: { roleId, ids: applicationIds }, token: w.hr },
      {
        name: 'applications',
        query: `query($roleId: ID!) { roleApplications(roleId: $roleId, first: 50) ${sel('roleApplications')} }`,
        variables: { roleId },
        token: w.hr,
      },
      {
        name: 'educator profile',
        query: `query($id: ID!) { educator(id: $id) ${sel('educator')} }`,
        variables: { id: w.bea.educatorId },
        token: w.hr,
      },
      {
        name: 'coverage report and CSV',
        query: `query($ids: [ID!]) { capacityCoverage(competencyIds: $ids, minLevel: 2) ${sel('capacityCoverage')} }`,
        variables: { ids: comps },
        token: w.hr,
      },
      {
        name: 'heat map and CSV',
        query: `query($ids: [ID!]) { capacityHeatMap(competencyIds: $ids) ${sel('capacityHeatMap')} }`,
        variables: { ids: comps },
        token: w.hr,
      },
    ];
  });
  afterAll(() => t.close());

  it('leaves every ranking, explanation, comparison, export and standing byte-for-byte unchanged', async () => {
    const before = await snapshot();
    for (const [name, body] of Object.entries(before)) expect([name, body.includes('"errors"')]).toEqual([name, false]);
    expect(before['ranking']).toContain(w.bea.educatorId);
    expect(before['comparison CSV']).toContain('Bea Lopez');

    const answers: Array<[string, string, string]> = [
      [w.bea.token, 'FEMALE', 'HISPANIC_OR_LATINO'],
      [w.cy.token, 'MALE', 'BLACK_OR_AFRICAN_AMERICAN'],
      [w.al.token, 'DECLINED_TO_STATE', 'WHITE'],
    ];
    for (const [token, sex, raceEthnicity] of answers) ok(await t.gql(SET, { input: { sex, raceEthnicity } }, token));
    expect(Number((await t.ds.query('SELECT count(*) FROM fairness.self_identification'))[0].count)).toBe(3);
    expect(await snapshot()).toEqual(before);

    // Changed answers, and one withdrawn: still identical.
    ok(await t.gql(SET, { input: { sex: 'MALE', raceEthnicity: 'ASIAN', version: 1 } }, w.bea.token));
    expect(ok(await t.gql(`mutation { withdrawMySelfIdentification }`, {}, w.cy.token)).withdrawMySelfIdentification).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("exposes the answers through no type but the educator's own", () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const holders = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) =>
        Object.values((type as any).getFields() as Record<string, any>)
          .filter(
            (f) =>
              /^(sex|raceEthnicity|race|ethnicity|gender)$/i.test(f.name) ||
              (getNamedType(f.type) as unknown as { name: string }).name === 'SelfIdentification',
          )
          .map((f) => `${type.name}.${f.name}`),
      );
    expect(holders.sort()).toEqual([
      'Mutation.setMySelfIdentification',
      'Query.mySelfIdentification',
      'SelfIdentification.raceEthnicity',
      'SelfIdentification.sex',
      // the category lists a form offers, not anyone's answer
      'SelfIdentificationOptions.raceEthnicity',
      'SelfIdentificationOptions.sex',
    ]);
  });

  // The one exception is the person's own rights: their export must include their answer, and erasure must delete it.
  const RIGHTS_FILES = ['rights/domain/erasure.ts', 'rights/erasure.repository.ts', 'rights/personal-data-sections.ts'];

  it("is read by no module but the fairness module (and the person's own export and erasure)", () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.includes(`${join(root, 'fairness')}/`) && !path.endsWith(join('database', 'entities.ts'))) {
          const text = readFileSync(path, 'utf8');
          if (/\bfairness\.(self_identification|audit_run)|self_identification|SelfIdentification(Entity|Service)/.test(text))
            offenders.push(path.slice(root.length));
        }
      }
    };
    walk(root);
    expect(offenders.filter((f) => !RIGHTS_FILES.includes(f))).toEqual([]);
  });

  it('lets an educator set, change and withdraw only their own answer, with decline to state always there', async () => {
    const { token, accountId } = w.al;
    const mine = () => t.gql(MINE, {}, token);
    expect(ok(await mine()).mySelfIdentification).toEqual({ sex: 'DECLINED_TO_STATE', raceEthnicity: 'WHITE', version: 1 });
    expect(codeOf(await t.gql(SET, { input: { sex: 'MALE', raceEthnicity: 'WHITE' } }, token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(SET, { input: { sex: 'MALE', raceEthnicity: 'WHITE', version: 7 } }, token))).toBe('CONFLICT');
    const unknown = await t.gql(SET, { input: { sex: 'NONBINARY', raceEthnicity: 'WHITE', version: 1 } }, token);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0].message).toMatch(/use one of MALE, FEMALE, DECLINED_TO_STATE/);
    expect(codeOf(await t.gql(SET, { input: { sex: 'MALE', raceEthnicity: 'Martian', version: 1 } }, token))).toBe('BAD_USER_INPUT');
    expect(
      await t.ds.query('SELECT sex, race_ethnicity, version FROM fairness.self_identification WHERE educator_id = $1', [w.al.educatorId]),
    ).toEqual([{ sex: 'DECLINED_TO_STATE', race_ethnicity: 'WHITE', version: 1 }]);
    expect(
      ok(await t.gql(SET, { input: { sex: 'MALE', raceEthnicity: 'DECLINED_TO_STATE', version: 1 } }, token)).setMySelfIdentification,
    ).toEqual({ sex: 'MALE', raceEthnicity: 'DECLINED_TO_STATE', version: 2 });
    expect(ok(await t.gql(`mutation { withdrawMySelfIdentification }`, {}, token)).withdrawMySelfIdentification).toBe(true);
    expect(ok(await mine()).mySelfIdentification).toBeNull();
    expect(await t.ds.query('SELECT 1 FROM fairness.self_identification WHERE educator_id = $1', [w.al.educatorId])).toEqual([]);
    expect(ok(await t.gql(`mutation { withdrawMySelfIdentification }`, {}, token)).withdrawMySelfIdentification).toBe(false);
    // Nothing about it reaches the audit log HR reads.
    expect(await t.ds.query(`SELECT action FROM audit_entry WHERE actor_account_id = $1 ORDER BY id`, [accountId])).toEqual([
      { action: 'APPLICATION_SUBMITTED' },
    ]);
    expect(await t.ds.query(`SELECT 1 FROM audit_entry WHERE changes::text ~ '(DECLINED_TO_STATE|ASIAN|HISPANIC|FEMALE)'`)).toEqual([]);
    const options = ok(
      await t.gql(`{ selfIdentificationOptions { sex { code label } raceEthnicity { code label } notice } }`, {}, token),
    ).selfIdentificationOptions;
    expect(options.sex.map((o: any) => o.code)).toEqual(['MALE', 'FEMALE', 'DECLINED_TO_STATE']);
    expect(options.raceEthnicity).toHaveLength(8);
    expect(options.raceEthnicity.at(-1)).toEqual({ code: 'DECLINED_TO_STATE', label: 'Decline to state' });
  });
});
