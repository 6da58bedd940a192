import { checkIssuable, checkIssuerUrl, didWebFor } from './district-credential.js';

const evidence = { id: 'e1', kind: 'PILOT', pilotPart: 'LEAD', verificationStatus: 'VERIFIED', title: 't', description: '', startedOn: null, endedOn: null, venue: null, sessions: null, attendees: null, classrooms: null, students: null };

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
});
