import { jest } from '@jest/globals';
import { districtToday } from './clock.js';
import { claimStateOn, dayOf } from '../matching/domain/evidence-rules.js';
import { isExpired } from '../evidence/domain/verification.js';
import { toEvidenceModel } from '../evidence/evidence.mapper.js';
import type { EvidenceEntity } from '../evidence/evidence.entity.js';

/**
 * Run under a time zone east of UTC to mean anything: `npm run test:tz` runs this file (and the evidence and
 * matching end-to-end tests) with TZ=Pacific/Auckland, where 20:00 UTC on 10 March is already 11 March locally.
 */
describe("one clock: the district's day", () => {
  it('is the UTC calendar day whatever the process time zone', () => {
    expect(districtToday(new Date('2026-03-10T20:00:00Z'))).toBe('2026-03-10');
    expect(districtToday(new Date('2026-03-10T23:59:59.999Z'))).toBe('2026-03-10');
    expect(districtToday(new Date('2026-03-11T00:00:00Z'))).toBe('2026-03-11');
  });

  it('a certification expiring today is shown valid and counted by matching, under TZ=Pacific/Auckland', () => {
    const instant = new Date('2026-03-10T20:00:00Z');
    const today = districtToday(instant);
    const cert = {
      id: 'e1',
      educatorId: 'ed',
      kind: 'CERTIFICATION',
      title: 'AI certification',
      description: '',
      url: null,
      startedOn: null,
      endedOn: null,
      verificationStatus: 'VERIFIED',
      verifiedBy: null,
      verifiedAt: null,
      issuer: 'ISTE',
      credentialId: null,
      issuedOn: '2024-03-10',
      expiresOn: '2026-03-10',
      createdAt: instant,
      updatedAt: instant,
      version: 1,
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
