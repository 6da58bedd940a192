import { NOTIFICATION_KINDS, render, type MessageFacts } from './messages.js';

describe('notification texts', () => {
  it('keeps a set-password link out of the body the API shows, and in the email only', () => {
    const m = render(
      {
        kind: 'ACCOUNT_INVITATION',
        displayName: 'Ana',
        link: 'https://p.example/set-password#tok',
        expiresAt: new Date('2026-12-03T00:00:00Z'),
      },
      'https://p.example',
    );
    expect(m.body).not.toContain('tok');
    expect(m.secretBody).toContain('https://p.example/set-password#tok');
    expect(m.body).toContain('2026-12-03');
  });

  it('tells the candidate the reason for an application decision', () => {
    const m = render(
      { kind: 'APPLICATION_STATUS', roleTitle: 'AI coach', from: 'SHORTLISTED', to: 'REJECTED', reason: 'Role filled' },
      'x',
    );
    expect(m.subject).toBe('Your application for AI coach: rejected');
    expect(m.body).toContain('Reason: Role filled');
  });

  it('names what is missing for a role one requirement away', () => {
    const m = render({ kind: 'NEW_ROLE_MATCH', roleTitle: 'Data ethics lead', qualified: false, missing: ['AI-BIAS at level 3'] }, 'x');
    expect(m.subject).toContain('one requirement away');
    expect(m.body).toContain('AI-BIAS at level 3');
  });

  it('has a text for every kind', () => {
    const samples: Record<string, MessageFacts> = {
      ACCOUNT_INVITATION: { kind: 'ACCOUNT_INVITATION', displayName: 'a', link: 'l', expiresAt: new Date() },
      PASSWORD_RESET: { kind: 'PASSWORD_RESET', displayName: 'a', link: 'l', expiresAt: new Date() },
      APPLICATION_INVITATION: { kind: 'APPLICATION_INVITATION', roleTitle: 'r', message: '' },
      INVITATION_WITHDRAWN: { kind: 'INVITATION_WITHDRAWN', roleTitle: 'r', candidate: 'c', reason: 'left' },
      EDUCATOR_REINSTATED: { kind: 'EDUCATOR_REINSTATED', leavingDate: '2026-01-01', closedApplications: 1, closedInvitations: 0 },
      APPLICATION_STATUS: { kind: 'APPLICATION_STATUS', roleTitle: 'r', from: 'a', to: 'b', reason: '' },
      OFFER_MADE: { kind: 'OFFER_MADE', roleTitle: 'r', roleFte: 0.2, startsOn: '2027-01-01', endsOn: null },
      OFFER_ANSWERED: { kind: 'OFFER_ANSWERED', roleTitle: 'r', candidate: 'c', answer: 'ACCEPTED' },
      VERIFICATION_DECIDED: { kind: 'VERIFICATION_DECIDED', evidenceTitle: 'e', decision: 'VERIFIED', reason: 'ok', decidedBy: 'hr' },
      EVIDENCE_STATUS_CHANGED: { kind: 'EVIDENCE_STATUS_CHANGED', evidenceTitle: 'e', from: 'a', to: 'b', note: null },
      ENDORSEMENT_DECIDED: {
        kind: 'ENDORSEMENT_DECIDED',
        evidenceTitle: 'e',
        decision: 'DECLINED',
        reason: 'not seen',
        decidedBy: 'principal',
      },
      EVIDENCE_REVISION_DECIDED: {
        kind: 'EVIDENCE_REVISION_DECIDED',
        evidenceTitle: 'e',
        decision: 'REJECTED',
        reason: 'r',
        decidedBy: 'hr',
        status: 'VERIFIED',
      },
      CREDENTIAL_STATUS_CHANGED: { kind: 'CREDENTIAL_STATUS_CHANGED', evidenceTitle: 'e', from: 'ACTIVE', to: 'REVOKED', detail: 'd' },
      DISPUTE_UPDATE: { kind: 'DISPUTE_UPDATE', subject: 's', status: 'RESOLVED', outcome: 'o' },
      NEW_ROLE_MATCH: { kind: 'NEW_ROLE_MATCH', roleTitle: 'r', qualified: true, missing: [] },
    };
    for (const kind of NOTIFICATION_KINDS) {
      const m = render(samples[kind], 'x');
      expect(m.subject.length).toBeGreaterThan(5);
      expect(m.body.length).toBeGreaterThan(10);
    }
  });
});
