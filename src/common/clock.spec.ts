import { jest } from '@jest/globals';
import { districtToday } from './clock.js';
import { claimStateOn, dayOf } from '../matching/domain/evidence-rules.js';
import { isExpired } from '../evidence/domain/verification.js';
import { toEvidenceModel } from '../evidence/evidence.mapper.js';
import type { EvidenceEntity } from '../evidence/evidence.entity.js';

describe("one clock: the district's day", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('is the same calendar day in every process time zone, Pacific/Auckland included', () => {
    const instant = new Date('2026-03-10T20:00:00Z'); // already 11 March, 09:00, in Auckland
    process.env.TZ = 'Pacific/Auckland';
    expect(new Date(instant).getDate()).toBe(11); // the process clock really is in Auckland
    expect(districtToday(instant)).toBe('2026-03-10');
    process.env.TZ = 'America/Los_Angeles';
    expect(districtToday(instant)).toBe('2026-03-10');
  });

  it('a certification expiring today is shown valid and counted by matching, under TZ=Pacific/Auckland', () => {
    process.env.TZ = 'Pacific/Auckland';
    const instant = new Date('2026-03-10T20:00:00Z');
    const today = districtToday(instant);
    const cert = {
      id: 'e1', educatorId: 'ed', kind: 'CERTIFICATION', title: 'AI certification', description: '', url: null, startedOn: null, endedOn: null,
      verificationStatus: 'VERIFIED', verifiedBy: null, verifiedAt: null, issuer: 'ISTE', credentialId: null, issuedOn: '2024-03-10', expiresOn: '2026-03-10',
      createdAt: instant, updatedAt: instant, version: 1,
    } as unknown as EvidenceEntity;
    expect(isExpired(cert.expiresOn, today)).toBe(false);
    expect(toEvidenceModel(cert, today).expired).toBe(false);
    // The mapper's own default day is the district's day too, not the process's local date.
    jest.useFakeTimers({ now: instant, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval'] });
    try {
      expect(toEvidenceModel(cert).expired).toBe(false);
    } finally {
      jest.useRealTimers();
    }
    expect(claimStateOn({ startDay: dayOf('2024-03-10'), expiresDay: dayOf('2026-03-10') }, dayOf(today))).toBe('COUNTS');
    // The next district day both sides agree it has expired.
    const tomorrow = districtToday(new Date('2026-03-11T01:00:00Z'));
    expect(isExpired(cert.expiresOn, tomorrow)).toBe(true);
    expect(claimStateOn({ startDay: null, expiresDay: dayOf('2026-03-10') }, dayOf(tomorrow))).toBe('EXPIRED');
  });
});
