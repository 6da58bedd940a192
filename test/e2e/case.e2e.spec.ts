import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { Persona } from '../../src/access/persona.js';
import { generatePackage } from '../bench/case-package.js';
import { codeOf, startTestApp, type TestApp } from '../support/test-app.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/case/${name}`, import.meta.url), 'utf8');
const schema = JSON.parse(fixture('case-v1p1-cfpackage.official.json'));
const ajv = new Ajv2019({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2019) => void)(ajv);
const validate = ajv.compile(schema);

const IMPORT = `mutation($input: ImportCasePackageInput!) { importCasePackage(input: $input) {
  dryRun changed frameworkId frameworkCode newFramework version unchanged levelsSource problems
  associationsCreated associationsRemoved
  created { identifier kind code inUse } updated { identifier } retired { identifier inUse } adjustments { path message } } }`;

describe('CASE 1.1: export, provider, import', () => {
  let t: TestApp;
  let hr: string;
  let educator: string;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_BASE_URL: 'https://pathways.example.org' });
    hr = (await t.signInAs([Persona.HR])).token;
    educator = (await t.signInAs([Persona.EDUCATOR])).token;
  });
  afterAll(() => t.close());

  const frameworks = async () =>
    (await t.ds.query(`SELECT id, code, case_identifier::text AS cid FROM competency_framework
    WHERE code IN ('DISTRICT-AI-READINESS', 'UNESCO-AI-CFT-2024') ORDER BY code`)) as Array<{ id: string; code: string; cid: string }>;
  const exportOf = async (id: string) => {
    const res = await t.gql(`query($id: ID!) { exportCasePackage(frameworkId: $id) }`, { id }, hr);
    expect(res.errors).toBeUndefined();
    return JSON.parse(res.data.exportCasePackage);
  };
  const importPkg = (pkg: string, dryRun: boolean, token = hr) => t.gql(IMPORT, { input: { packageJson: pkg, dryRun } }, token);

  it('exports every shipped framework as a CFPackage that the official schema accepts', async () => {
    const shipped = await frameworks();
    expect(shipped.map((f) => f.code)).toEqual(['DISTRICT-AI-READINESS', 'UNESCO-AI-CFT-2024']);
    for (const f of shipped) {
      const pkg = await exportOf(f.id);
      expect(validate(pkg) ? [] : validate.errors).toEqual([]);
      expect(pkg.CFDocument.identifier).toBe(f.cid);
      expect(pkg.CFDocument.uri).toBe(`https://pathways.example.org/ims/case/v1p1/CFDocuments/${f.cid}`);
      for (const i of pkg.CFItems) expect(i.identifier).toMatch(/^[0-9a-f-]{36}$/);
      expect(pkg.CFRubrics[0].CFRubricCriteria[0].CFRubricCriterionLevels.map((l: { quality: string }) => l.quality)).toEqual([
        'Aware',
        'Practising',
        'Leading others',
        'Shaping the system',
      ]);
    }
    const unesco = await exportOf(shipped[1].id);
    const dims = unesco.CFItems.filter((i: { CFItemType: string }) => i.CFItemType === 'Dimension');
    expect(dims).toHaveLength(5);
    expect(unesco.CFItems.filter((i: { CFItemType: string }) => i.CFItemType === 'Competency')).toHaveLength(15);
    const agency = unesco.CFItems.find((i: { fullStatement: string }) => i.fullStatement === 'Human agency');
    const parent = unesco.CFAssociations.find(
      (a: any) => a.associationType === 'isChildOf' && a.originNodeURI.identifier === agency.identifier,
    );
    expect(parent.destinationNodeURI.title).toBe('Human-centred mindset');
    // Identifiers are stored, so a second export is identical.
    expect(await exportOf(shipped[1].id)).toEqual(unesco);
    // Importing a shipped framework's own export changes nothing.
    const again = (await importPkg(JSON.stringify(unesco), false)).data.importCasePackage;
    expect(again).toMatchObject({ changed: false, newFramework: false, created: [], updated: [], retired: [], unchanged: 20 });
  });

  it('serves the provider endpoints with the spec status codes and imsx errors', async () => {
    const [district, unesco] = await frameworks();
    const get = async (path: string, token?: string) => {
      const res = await fetch(`${t.baseUrl}/ims/case/v1p1/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      return { status: res.status, body: (await res.json()) as any, headers: res.headers };
    };
    // Signed-in only by default: invisible anonymously, 401 when asked directly.
    expect((await get('CFDocuments')).body.CFDocuments).toEqual([]);
    const denied = await get(`CFPackages/${unesco.cid}`);
    expect(denied.status).toBe(401);
    expect(denied.body.imsx_codeMajor).toBe('failure');
    expect((await get(`CFPackages/${unesco.cid}`, educator)).status).toBe(200);

    const [fw] = await t.ds.query(`SELECT version FROM competency_framework WHERE id = $1`, [unesco.id]);
    const pub = await t.gql(
      `mutation($input: SetFrameworkPublicationInput!) { setFrameworkPublication(input: $input) { publication version } }`,
      { input: { frameworkId: unesco.id, publication: 'PUBLIC', version: fw.version } },
      hr,
    );
    expect(pub.errors).toBeUndefined();
    expect(pub.data.setFrameworkPublication.publication).toBe('PUBLIC');
    const [row] = await t.ds.query(`SELECT publication FROM competency_framework WHERE id = $1`, [unesco.id]);
    expect(row.publication).toBe('PUBLIC');

    const list = await get('CFDocuments?fields=identifier,title&sort=title&orderBy=desc&limit=10');
    expect(list.status).toBe(200);
    expect(list.body.CFDocuments).toEqual([{ identifier: unesco.cid, title: 'UNESCO AI Competency Framework for Teachers' }]);
    const both = await get(`CFDocuments?sort=title&orderBy=asc&filter=${encodeURIComponent('title~AI')}`, educator);
    expect(both.body.CFDocuments.map((d: { identifier: string }) => d.identifier)).toEqual([district.cid, unesco.cid]);
    expect(both.headers.get('x-total-count')).toBe('2');
    expect((await get('CFDocuments?limit=1&offset=1', educator)).body.CFDocuments).toHaveLength(1);
    const badField = await get('CFDocuments?fields=nope');
    expect(badField.status).toBe(400);
    expect(badField.body.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('invalid_selection_field');
    expect((await get('CFDocuments?sort=nope')).status).toBe(400);

    const doc = await get(`CFDocuments/${unesco.cid}`);
    expect(doc.body.CFPackageURI.uri).toBe(`https://pathways.example.org/ims/case/v1p1/CFPackages/${unesco.cid}`);
    const pkg: any = (await get(`CFPackages/${unesco.cid}`)).body;
    const item = pkg.CFItems[7];
    expect((await get(`CFItems/${item.identifier}`)).body).toMatchObject({
      identifier: item.identifier,
      CFDocumentURI: { identifier: unesco.cid },
    });
    const assoc = pkg.CFAssociations[0];
    expect((await get(`CFAssociations/${assoc.identifier}`)).body.identifier).toBe(assoc.identifier);
    const ia: any = (await get(`CFItemAssociations/${item.identifier}`)).body;
    expect(ia.CFItem.identifier).toBe(item.identifier);
    expect(ia.CFAssociations.length).toBeGreaterThan(0);
    expect((await get(`CFRubrics/${pkg.CFRubrics[0].identifier}`)).body.CFRubricCriteria).toHaveLength(15);
    const missing: any = await get('CFItems/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.imsx_CodeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe('unknownobject');
    expect((await get('CFItems/not-a-uuid')).status).toBe(400);
    // The district framework stays signed-in only.
    const districtItem = (await exportOf(district.id)).CFItems[0].identifier;
    expect((await get(`CFItems/${districtItem}`)).status).toBe(401);
  });

  it('previews, imports and re-imports the OpenSALT sample: lenient, reported, idempotent', async () => {
    const text = fixture('opensalt-sample-framework.json');
    const preview = await importPkg(text, true);
    expect(preview.errors).toBeUndefined();
    const p = preview.data.importCasePackage;
    expect(p).toMatchObject({ dryRun: true, changed: true, newFramework: true, levelsSource: 'DEFAULT_SCALE' });
    expect(p.created).toHaveLength(16);
    expect(p.adjustments.length).toBeGreaterThan(10);
    expect(p.adjustments.map((a: { path: string }) => a.path)).toContain('$.CFDocument.CFPackageURI');
    expect(p.problems[0]).toMatch(/default scale/);
    expect(
      await t.ds.query(`SELECT 1 FROM competency_framework WHERE case_identifier = $1`, ['20c5134f-423d-4097-a971-3dd5152bf507']),
    ).toEqual([]);

    const done = (await importPkg(text, false)).data.importCasePackage;
    expect(done).toMatchObject({ dryRun: false, changed: true, version: 1 });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM competency WHERE framework_id = $1`, [done.frameworkId]);
    const [{ g }] = await t.ds.query(`SELECT count(*)::int AS g FROM case_grouping WHERE framework_id = $1`, [done.frameworkId]);
    expect(n + g).toBe(16);
    const [{ levels }] = await t.ds.query(
      `SELECT count(*)::int AS levels FROM competency_level l JOIN competency c ON c.id = l.competency_id WHERE c.framework_id = $1`,
      [done.frameworkId],
    );
    expect(levels).toBe(n * 4);

    const again = (await importPkg(text, false)).data.importCasePackage;
    expect(again).toMatchObject({ changed: false, version: 1, unchanged: 16, created: [], updated: [], retired: [] });

    // Round trip: the export validates, and importing it changes nothing.
    const exported = await exportOf(done.frameworkId);
    expect(validate(exported) ? [] : validate.errors).toEqual([]);
    const round = (await importPkg(JSON.stringify(exported), false)).data.importCasePackage;
    expect(round).toMatchObject({ changed: false, version: 1 });
    expect(await exportOf(done.frameworkId)).toEqual(exported);
  });

  it('round-trips a package with a rubric and a parentless item without changing anything', async () => {
    const pkg = generatePackage(120, 'round-trip');
    const orphan = pkg.CFItems[5].identifier;
    pkg.CFAssociations = pkg.CFAssociations.filter((a) => !(a.associationType === 'isChildOf' && a.originNodeURI.identifier === orphan));
    const first = (await importPkg(JSON.stringify(pkg), false)).data.importCasePackage;
    expect(first).toMatchObject({
      newFramework: true,
      levelsSource: 'RUBRIC',
      associationsCreated: pkg.CFAssociations.filter((a) => a.associationType !== 'isChildOf').length,
    });
    expect(first.associationsCreated).toBeGreaterThan(5);
    expect(first.created).toHaveLength(120);
    const levels = await t.ds.query(
      `SELECT l.label, l.case_identifier::text AS cid FROM competency_level l JOIN competency c ON c.id = l.competency_id WHERE c.case_identifier = $1 ORDER BY l.level`,
      [orphan],
    );
    expect(levels.map((l: { label: string }) => l.label)).toEqual(['Beginning', 'Developing', 'Proficient', 'Exemplary']);
    expect(levels[0].cid).toBe(
      pkg.CFRubrics![0].CFRubricCriteria!.find((c) => c.CFItemURI!.identifier === orphan)!.CFRubricCriterionLevels![0].identifier,
    );
    const exported = await exportOf(first.frameworkId);
    expect(validate(exported) ? [] : validate.errors).toEqual([]);
    expect(exported.CFItems).toEqual(pkg.CFItems);
    expect(exported.CFAssociations.map((a: { identifier: string }) => a.identifier).sort()).toEqual(
      pkg.CFAssociations.map((a) => a.identifier).sort(),
    );
    for (const text of [JSON.stringify(pkg), JSON.stringify(exported)]) {
      expect((await importPkg(text, false)).data.importCasePackage).toMatchObject({ changed: false, version: first.version });
    }
  });

  it('a changed package is a new version; a used competency is retired, never deleted', async () => {
    const pkg = JSON.parse(fixture('opensalt-SmartLevelFramework.json'));
    const first = (await importPkg(JSON.stringify(pkg), false)).data.importCasePackage;
    expect(first.changed).toBe(true);
    const leaf = first.created.find((c: { kind: string }) => c.kind === 'competency');
    const [comp] = await t.ds.query(`SELECT id FROM competency WHERE case_identifier = $1`, [leaf.identifier]);
    pkg.CFItems = pkg.CFItems.filter((i: { identifier: string }) => i.identifier !== leaf.identifier);
    pkg.CFAssociations = pkg.CFAssociations.filter(
      (a: any) => a.originNodeURI.identifier !== leaf.identifier && a.destinationNodeURI.identifier !== leaf.identifier,
    );
    const preview = (await importPkg(JSON.stringify(pkg), true)).data.importCasePackage;
    expect(preview.retired.map((r: { identifier: string }) => r.identifier)).toEqual([leaf.identifier]);
    const second = (await importPkg(JSON.stringify(pkg), false)).data.importCasePackage;
    expect(second.version).toBe(first.version + 1);
    const [row] = await t.ds.query(`SELECT retired_at FROM competency WHERE id = $1`, [comp.id]);
    expect(row.retired_at).not.toBeNull();
  });

  it.each([
    ['not JSON', () => '{"CFDocument": ', 'CASE_NOT_JSON', '$'],
    [
      'an unknown association type',
      () =>
        mutate((p) => {
          p.CFAssociations[0].associationType = 'isCousinOf';
        }),
      'CASE_UNKNOWN_ASSOCIATION_TYPE',
      '$.CFAssociations[0].associationType',
    ],
    [
      'a non-UUID identifier',
      () =>
        mutate((p) => {
          p.CFItems[2].identifier = 'item-3';
        }),
      'CASE_BAD_IDENTIFIER',
      '$.CFItems[2].identifier',
    ],
    [
      'a relative URI',
      () =>
        mutate((p) => {
          p.CFItems[1].uri = '/uri/abc';
        }),
      'CASE_BAD_URI',
      '$.CFItems[1].uri',
    ],
    [
      'a duplicate identifier',
      () =>
        mutate((p) => {
          p.CFItems[1].identifier = p.CFItems[0].identifier;
        }),
      'CASE_DUPLICATE_IDENTIFIER',
      '$.CFItems[0]',
    ],
    [
      'a dangling association',
      () =>
        mutate((p) => {
          p.CFAssociations[0].originNodeURI.identifier = '11111111-1111-4111-8111-111111111111';
          p.CFAssociations[0].associationType = 'isChildOf';
        }),
      'CASE_DANGLING_ASSOCIATION',
      '$.CFAssociations[0]',
    ],
    [
      'an isChildOf cycle',
      () =>
        mutate((p) => {
          const [a, b] = p.CFItems;
          const link = (i: any) => ({ title: 't', identifier: i.identifier, uri: i.uri });
          p.CFAssociations.push(
            {
              identifier: '22222222-2222-4222-8222-222222222221',
              uri: 'urn:x:1',
              associationType: 'isChildOf',
              originNodeURI: link(a),
              destinationNodeURI: link(b),
              lastChangeDateTime: '2020-01-01T00:00:00Z',
            },
            {
              identifier: '22222222-2222-4222-8222-222222222222',
              uri: 'urn:x:2',
              associationType: 'isChildOf',
              originNodeURI: link(b),
              destinationNodeURI: link(a),
              lastChangeDateTime: '2020-01-01T00:00:00Z',
            },
          );
        }),
      'CASE_CYCLE',
      '$.CFAssociations',
    ],
  ])('refuses %s with a coded error naming the path, writing nothing', async (_name, build, caseCode, path) => {
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM competency`);
    const res = await importPkg(build(), false);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ caseCode, path });
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM competency`)).toEqual(before);
  });

  it('takes a package larger than the 2 MB request limit from HR only, and only for the import', async () => {
    const big = JSON.parse(fixture('opensalt-SmartLevelFramework.json'));
    big.CFDocument.description = 'x'.repeat(3_000_000);
    const post = (body: unknown, token?: string) =>
      fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
    const asImport = { query: IMPORT, variables: { input: { packageJson: JSON.stringify(big), dryRun: true } } };
    expect((await post(asImport)).status).toBe(413);
    expect((await post(asImport, educator)).status).toBe(413);
    expect((await post({ query: '{ viewer { email } }', variables: { pad: 'x'.repeat(3_000_000) } }, hr)).status).toBe(413);
    const ok = await post(asImport, hr);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.importCasePackage).toMatchObject({ dryRun: true, changed: true });
  });

  it('refuses a package over the size limit', async () => {
    const local = await startTestApp({ CASE_MAX_PACKAGE_BYTES: '2048' });
    try {
      const token = (await local.signInAs([Persona.HR])).token;
      const res = await local.gql(IMPORT, { input: { packageJson: fixture('opensalt-SmartLevelFramework.json'), dryRun: false } }, token);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', caseCode: 'CASE_TOO_LARGE', path: '$' });
    } finally {
      await local.close();
    }
  });

  it('imports from a provider URL through the guarded client, following a CFDocument to its package', async () => {
    const body = fixture('opensalt-SmartLevelFramework.json');
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/ims/case/v1p1/CFDocuments/d0000000-0000-0000-0000-000000000000') {
        res.end(
          JSON.stringify({
            identifier: 'd0000000-0000-0000-0000-000000000000',
            CFPackageURI: { uri: `http://127.0.0.1:${port}/ims/case/v1p1/CFPackages/d0000000-0000-0000-0000-000000000000` },
          }),
        );
      } else if (req.url === '/ims/case/v1p1/CFPackages/d0000000-0000-0000-0000-000000000000') res.end(body);
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const local = await startTestApp({
      OUTBOUND_HTTP_ALLOWED_HOSTS: '127.0.0.1',
      OUTBOUND_HTTP_ALLOW_PRIVATE: 'true',
      OUTBOUND_HTTP_ALLOW_PLAIN_HTTP: 'true',
    });
    try {
      const token = (await local.signInAs([Persona.HR])).token;
      const url = `http://127.0.0.1:${port}/ims/case/v1p1/CFDocuments/d0000000-0000-0000-0000-000000000000`;
      const res = await local.gql(IMPORT, { input: { packageUrl: url, dryRun: false } }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.importCasePackage).toMatchObject({ newFramework: true, changed: true });
      expect(
        await local.ds.query(`SELECT title FROM competency_framework WHERE case_identifier = $1`, ['d0000000-0000-0000-0000-000000000000']),
      ).toEqual([{ title: 'SmartLevel Test' }]);
      const missing = await local.gql(IMPORT, { input: { packageUrl: `http://127.0.0.1:${port}/nothing`, dryRun: true } }, token);
      expect(missing.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', caseCode: 'CASE_FETCH_FAILED' });
      // Neither or both sources is a usage error.
      expect(codeOf(await local.gql(IMPORT, { input: { dryRun: true } }, token))).toBe('BAD_USER_INPUT');
    } finally {
      await local.close();
      server.close();
    }
    // The main app has no allow-list: the host is refused before any connection.
    const refused = await t.gql(IMPORT, { input: { packageUrl: `http://127.0.0.1:${port}/x`, dryRun: true } }, hr);
    expect(refused.errors![0].extensions).toMatchObject({ caseCode: 'CASE_FETCH_FAILED' });
    expect(refused.errors![0].message).toMatch(/OUTBOUND_HTTP_ALLOWED_HOSTS/);
  });

  it('lets HR add and remove a crosswalk, exported with the origin framework', async () => {
    const [district, unesco] = await frameworks();
    const [d] = await t.ds.query(`SELECT id FROM competency WHERE framework_id = $1 AND code = 'AI-BIAS'`, [district.id]);
    const [u] = await t.ds.query(`SELECT id, case_identifier::text AS cid FROM competency WHERE framework_id = $1 AND code = '2.1'`, [
      unesco.id,
    ]);
    const add = `mutation($input: AddCrosswalkInput!) { addCrosswalk(input: $input) { id caseIdentifier associationType } }`;
    expect(
      codeOf(
        await t.gql(add, { input: { originCompetencyId: d.id, destinationCompetencyId: u.id, associationType: 'isRelatedTo' } }, educator),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await t.gql(add, { input: { originCompetencyId: d.id, destinationCompetencyId: u.id, associationType: 'isCousinOf' } }, hr)),
    ).toBe('BAD_USER_INPUT');
    const res = await t.gql(
      add,
      { input: { originCompetencyId: d.id, destinationCompetencyId: u.id, associationType: 'isRelatedTo' } },
      hr,
    );
    expect(res.errors).toBeUndefined();
    const pkg = await exportOf(district.id);
    const cw = pkg.CFAssociations.find((a: { identifier: string }) => a.identifier === res.data.addCrosswalk.caseIdentifier);
    expect(cw).toMatchObject({ associationType: 'isRelatedTo', destinationNodeURI: { identifier: u.cid } });
    expect(validate(pkg) ? [] : validate.errors).toEqual([]);
    const list = await t.gql(`query($id: ID!) { crosswalks(competencyId: $id) { id } }`, { id: u.id }, educator);
    expect(list.data.crosswalks.map((c: { id: string }) => c.id)).toContain(res.data.addCrosswalk.id);
    const rm = await t.gql(
      `mutation($input: RemoveCrosswalkInput!) { removeCrosswalk(input: $input) }`,
      { input: { id: res.data.addCrosswalk.id } },
      hr,
    );
    expect(rm.data.removeCrosswalk).toBe(true);
    expect(await t.ds.query(`SELECT 1 FROM case_association WHERE id = $1`, [res.data.addCrosswalk.id])).toEqual([]);
  });
});

function mutate(change: (p: any) => void): string {
  const p = JSON.parse(readFileSync(new URL('../fixtures/case/opensalt-SmartLevelFramework.json', import.meta.url), 'utf8'));
  change(p);
  return JSON.stringify(p);
}
