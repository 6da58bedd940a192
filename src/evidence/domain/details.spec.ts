import { AppError, ErrorCode } from '../../common/app-error.js';
import { applyDetails, checkDetails, NO_DETAILS, type DetailPatches } from './details.js';
import { EvidenceKind, PilotPart } from './evidence-kind.js';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const create = (kind: EvidenceKind, patches: DetailPatches) => applyDetails(kind, NO_DETAILS, patches);

describe('per-kind evidence details', () => {
  it('accepts a certification with issuer and issue date and keeps only certification columns', () => {
    const d = create(EvidenceKind.CERTIFICATION, {
      certification: { issuer: ' ISTE ', issuedOn: '2024-05-01', expiresOn: '2027-05-01', credentialId: 'X-1' },
    });
    expect(d).toEqual({ ...NO_DETAILS, issuer: 'ISTE', issuedOn: '2024-05-01', expiresOn: '2027-05-01', credentialId: 'X-1' });
  });

  it('refuses a certification without an issuer, a blank issuer, or without an issue date', () => {
    expect(refusal(() => create(EvidenceKind.CERTIFICATION, { certification: { issuedOn: '2024-05-01' } })).message).toMatch(
      /needs its issuer/,
    );
    expect(refusal(() => create(EvidenceKind.CERTIFICATION, { certification: { issuer: '   ', issuedOn: '2024-05-01' } })).message).toMatch(
      /needs its issuer/,
    );
    expect(refusal(() => create(EvidenceKind.CERTIFICATION, { certification: { issuer: 'ISTE' } })).message).toMatch(/date it was issued/);
    expect(refusal(() => create(EvidenceKind.CERTIFICATION, {})).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses a certification that expires before it was issued, or an impossible date', () => {
    expect(
      refusal(() => create(EvidenceKind.CERTIFICATION, { certification: { issuer: 'A', issuedOn: '2024-05-01', expiresOn: '2024-04-30' } }))
        .message,
    ).toMatch(/expiresOn \(2024-04-30\) must not be before certification.issuedOn/);
    expect(refusal(() => create(EvidenceKind.CERTIFICATION, { certification: { issuer: 'A', issuedOn: '2024-02-30' } })).message).toMatch(
      /YYYY-MM-DD/,
    );
  });

  it('refuses a pilot without a part or with an unknown part, and accepts a lead with its scope', () => {
    expect(refusal(() => create(EvidenceKind.PILOT, { pilot: { classrooms: 3 } })).message).toMatch(/part.*LEAD, CO_LEAD or MEMBER/);
    expect(refusal(() => create(EvidenceKind.PILOT, {})).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => create(EvidenceKind.PILOT, { pilot: { part: 'BOSS' as PilotPart } })).code).toBe(ErrorCode.BAD_USER_INPUT);
    const d = create(EvidenceKind.PILOT, {
      pilot: { part: PilotPart.LEAD, classrooms: 4, teachers: 4, students: 96, outcomes: 'Feedback time halved' },
    });
    expect(d).toMatchObject({
      pilotPart: 'LEAD',
      classrooms: 4,
      teachers: 4,
      students: 96,
      outcomes: 'Feedback time halved',
      issuer: null,
    });
  });

  it('refuses a negative or fractional pilot scope', () => {
    expect(refusal(() => create(EvidenceKind.PILOT, { pilot: { part: PilotPart.MEMBER, students: -1 } })).message).toMatch(
      /pilot.students must be a whole number/,
    );
    expect(refusal(() => create(EvidenceKind.PILOT, { pilot: { part: PilotPart.MEMBER, teachers: 1.5 } })).message).toMatch(
      /pilot.teachers/,
    );
  });

  it('needs at least one session and one attendee for professional learning', () => {
    expect(create(EvidenceKind.PROFESSIONAL_LEARNING, { professionalLearning: { sessions: 3, attendees: 40 } })).toMatchObject({
      sessions: 3,
      attendees: 40,
    });
    expect(refusal(() => create(EvidenceKind.PROFESSIONAL_LEARNING, { professionalLearning: { sessions: 3 } })).message).toMatch(
      /sessions and of attendees/,
    );
    expect(
      refusal(() => create(EvidenceKind.PROFESSIONAL_LEARNING, { professionalLearning: { sessions: 0, attendees: 5 } })).message,
    ).toMatch(/sessions must be a whole number from 1/);
  });

  it('needs a venue for a presentation and nothing for an artifact', () => {
    expect(refusal(() => create(EvidenceKind.PRESENTATION, {})).message).toMatch(/needs its venue/);
    expect(create(EvidenceKind.PRESENTATION, { presentation: { venue: 'ISTELive 25' } }).venue).toBe('ISTELive 25');
    expect(create(EvidenceKind.ARTIFACT, {})).toEqual(NO_DETAILS);
  });

  it('needs course hours above 0 and at most 2000, in tenths', () => {
    expect(create(EvidenceKind.COURSE, { course: { hours: 2000, provider: 'ASCD' } })).toMatchObject({ hours: 2000, provider: 'ASCD' });
    expect(create(EvidenceKind.COURSE, { course: { hours: 0.1 } }).hours).toBe(0.1);
    for (const hours of [0, -3, 2000.1, 1.25, Number.NaN]) {
      expect(refusal(() => create(EvidenceKind.COURSE, { course: { hours } })).message).toMatch(/needs its hours/);
    }
    expect(refusal(() => create(EvidenceKind.COURSE, { course: { provider: 'ASCD' } })).message).toMatch(/needs its hours/);
  });

  it('refuses details of another kind, even alongside the right ones', () => {
    const err = refusal(() => create(EvidenceKind.COURSE, { course: { hours: 3 }, pilot: { part: PilotPart.LEAD } }));
    expect(err.message).toMatch(/pilot details belong to PILOT evidence, not COURSE/);
    expect(refusal(() => create(EvidenceKind.ARTIFACT, { presentation: { venue: 'x' } })).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('treats a null group as not given', () => {
    expect(create(EvidenceKind.ARTIFACT, { pilot: null, course: null })).toEqual(NO_DETAILS);
  });

  it('on update keeps fields the patch leaves out, clears fields set to null, and re-checks the result', () => {
    const current = create(EvidenceKind.CERTIFICATION, {
      certification: { issuer: 'ISTE', issuedOn: '2024-05-01', credentialId: 'C-9', expiresOn: '2026-01-01' },
    });
    const next = applyDetails(EvidenceKind.CERTIFICATION, current, { certification: { expiresOn: null, credentialId: 'C-10' } });
    expect(next).toMatchObject({ issuer: 'ISTE', issuedOn: '2024-05-01', credentialId: 'C-10', expiresOn: null });
    expect(applyDetails(EvidenceKind.CERTIFICATION, current, {})).toEqual(current);
    expect(refusal(() => applyDetails(EvidenceKind.CERTIFICATION, current, { certification: { issuer: null } })).message).toMatch(
      /needs its issuer/,
    );
    expect(refusal(() => applyDetails(EvidenceKind.CERTIFICATION, current, { certification: { issuedOn: '2026-06-01' } })).message).toMatch(
      /must not be before/,
    );
  });

  it('drops stray columns of other kinds when checking stored details', () => {
    expect(checkDetails(EvidenceKind.ARTIFACT, { ...NO_DETAILS, hours: 3, venue: 'x' })).toEqual(NO_DETAILS);
  });
});
