import { caseAlignment, checkIssuable, checkIssuerUrl, didWebFor } from './district-credential.js';

const evidence = {
  id: 'e1',
  kind: 'PILOT',
  pilotPart: 'LEAD',
  verificationStatus: 'VERIFIED',
  title: 't',
  description: '',
  startedOn: null,
  endedOn: null,
  venue: null,
  sessions: null,
  attendees: null,
  classrooms: null,
  students: null,
};

describe('district credentials', () => {
  it('derives the did:web of the site, with the port escaped', () => {
    expect(didWebFor('https://pathways.district.org')).toBe('did:web:pathways.district.org');
    expect(didWebFor('http://127.0.0.1:3104')).toBe('did:web:127.0.0.1%3A3104');
  });

  it('wants https (http only outside production) and the site root', () => {
    expect(checkIssuerUrl('https://pathways.district.org/', true)).toBe('https://pathways.district.org');
    expect(() => checkIssuerUrl('http://pathways.district.org', true)).toThrow(/https/);
    expect(() => checkIssuerUrl('https://pathways.district.org/app', true)).toThrow(/root/);
  });

  it('issues only for VERIFIED led pilots, PD and presentations', () => {
    expect(checkIssuable(evidence)).toBe('PILOT');
    expect(() => checkIssuable({ ...evidence, pilotPart: 'MEMBER' })).toThrow(/led/);
    expect(() => checkIssuable({ ...evidence, verificationStatus: 'ENDORSED' })).toThrow(/VERIFIED/);
    expect(() => checkIssuable({ ...evidence, kind: 'COURSE' })).toThrow(/pilots/);
  });

  it("aligns to the CASE item: the publisher's URI for an imported item, the provider URI under the public base URL otherwise", () => {
    const c = {
      code: 'AI.1',
      name: 'Evaluates AI tools',
      itemIdentifier: '6b7f0b52-1f3a-4f0e-8a51-3b8f3f7e2c10',
      itemUri: null,
      frameworkIdentifier: 'f',
      frameworkTitle: 'District AI Framework',
      documentTitle: null,
    };
    expect(caseAlignment(c, 'https://pathways.district.org/')).toEqual({
      targetType: 'CFItem',
      targetUrl: 'https://pathways.district.org/ims/case/v1p1/CFItems/6b7f0b52-1f3a-4f0e-8a51-3b8f3f7e2c10',
      targetName: 'Evaluates AI tools',
      targetCode: 'AI.1',
      targetFramework: 'District AI Framework',
    });
    const imported = { ...c, itemUri: 'https://case.state.example/uri/6b7f0b52', documentTitle: 'State AI Competencies 2026' };
    expect(caseAlignment(imported, 'https://pathways.district.org')).toMatchObject({
      targetUrl: 'https://case.state.example/uri/6b7f0b52',
      targetFramework: 'State AI Competencies 2026',
    });
  });
});
