/**
 * What Pathways tells people, in words: one pure function per kind of notification. The outbox stores the rendered
 * subject and body, so a message reads the same whenever it is delivered or read in the API.
 */
export const NotificationKind = {
  ACCOUNT_INVITATION: 'ACCOUNT_INVITATION',
  PASSWORD_RESET: 'PASSWORD_RESET',
  APPLICATION_INVITATION: 'APPLICATION_INVITATION',
  INVITATION_WITHDRAWN: 'INVITATION_WITHDRAWN',
  APPLICATION_STATUS: 'APPLICATION_STATUS',
  OFFER_MADE: 'OFFER_MADE',
  OFFER_ANSWERED: 'OFFER_ANSWERED',
  VERIFICATION_DECIDED: 'VERIFICATION_DECIDED',
  EVIDENCE_STATUS_CHANGED: 'EVIDENCE_STATUS_CHANGED',
  ENDORSEMENT_DECIDED: 'ENDORSEMENT_DECIDED',
  EVIDENCE_REVISION_DECIDED: 'EVIDENCE_REVISION_DECIDED',
  CREDENTIAL_STATUS_CHANGED: 'CREDENTIAL_STATUS_CHANGED',
  DISPUTE_UPDATE: 'DISPUTE_UPDATE',
  NEW_ROLE_MATCH: 'NEW_ROLE_MATCH',
  EDUCATOR_REINSTATED: 'EDUCATOR_REINSTATED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const NOTIFICATION_KINDS = Object.values(NotificationKind);

export interface RenderedMessage {
  subject: string;
  /** What the API shows and the email carries. */
  body: string;
  /** When the email must carry a secret (a set-password link): the email's body; the API only ever shows `body`. */
  secretBody?: string;
}

export type MessageFacts =
  | { kind: 'ACCOUNT_INVITATION'; displayName: string; link: string; expiresAt: Date }
  | { kind: 'PASSWORD_RESET'; displayName: string; link: string; expiresAt: Date }
  | { kind: 'APPLICATION_INVITATION'; roleTitle: string; message: string }
  | { kind: 'INVITATION_WITHDRAWN'; roleTitle: string; candidate: string; reason: string }
  | { kind: 'APPLICATION_STATUS'; roleTitle: string; from: string; to: string; reason: string }
  | { kind: 'OFFER_MADE'; roleTitle: string; roleFte: number; startsOn: string; endsOn: string | null }
  | { kind: 'OFFER_ANSWERED'; roleTitle: string; candidate: string; answer: 'ACCEPTED' | 'DECLINED' }
  | { kind: 'VERIFICATION_DECIDED'; evidenceTitle: string; decision: string; reason: string; decidedBy: string }
  | { kind: 'EVIDENCE_STATUS_CHANGED'; evidenceTitle: string; from: string; to: string; note: string | null }
  | { kind: 'ENDORSEMENT_DECIDED'; evidenceTitle: string; decision: string; reason: string; decidedBy: string }
  | { kind: 'EVIDENCE_REVISION_DECIDED'; evidenceTitle: string; decision: string; reason: string; decidedBy: string; status: string }
  | { kind: 'CREDENTIAL_STATUS_CHANGED'; evidenceTitle: string; from: string; to: string; detail: string }
  | { kind: 'DISPUTE_UPDATE'; subject: string; status: string; outcome: string | null }
  | { kind: 'NEW_ROLE_MATCH'; roleTitle: string; qualified: boolean; missing: string[] }
  | { kind: 'EDUCATOR_REINSTATED'; leavingDate: string; closedApplications: number; closedInvitations: number };

const SIGN_OFF = '\n\nPathways';
const day = (d: Date) => d.toISOString().slice(0, 10);
const words = (s: string) => s.toLowerCase().replace(/_/g, ' ');
const fte = (n: number) => `${Math.round(n * 100)}% FTE`;

/** One message per kind; every text names what happened, and what the reader can do next. */
export function render(facts: MessageFacts, publicBaseUrl: string): RenderedMessage {
  switch (facts.kind) {
    case 'ACCOUNT_INVITATION':
      return {
        subject: 'Your Pathways account is ready',
        body: `Hello ${facts.displayName},\n\nHR created a Pathways account for you. The email carries a one-time link to set your password; it expires on ${day(facts.expiresAt)}.${SIGN_OFF}`,
        secretBody: `Hello ${facts.displayName},\n\nHR created a Pathways account for you. Set your password here (the link works once and expires on ${day(facts.expiresAt)}):\n\n${facts.link}${SIGN_OFF}`,
      };
    case 'PASSWORD_RESET':
      return {
        subject: 'Set a new Pathways password',
        body: `Hello ${facts.displayName},\n\nHR reset your Pathways password. The email carries a one-time link to choose a new one; it expires on ${day(facts.expiresAt)}.${SIGN_OFF}`,
        secretBody: `Hello ${facts.displayName},\n\nHR reset your Pathways password. Choose a new one here (the link works once and expires on ${day(facts.expiresAt)}):\n\n${facts.link}${SIGN_OFF}`,
      };
    case 'APPLICATION_INVITATION':
      return {
        subject: `You are invited to apply: ${facts.roleTitle}`,
        body: `HR invites you to apply for ${facts.roleTitle}.${facts.message ? `\n\nTheir message: ${facts.message}` : ''}\n\nAccept or decline the invitation in Pathways (myInvitations).${SIGN_OFF}`,
      };
    case 'INVITATION_WITHDRAWN':
      return {
        subject: `Invitation closed: ${facts.candidate} for ${facts.roleTitle}`,
        body: `Your invitation to ${facts.candidate} to apply for ${facts.roleTitle} was closed without an answer.\n\nReason: ${facts.reason}\n\nIt is not reopened by itself: if the leaving was recorded by mistake and is undone, invite them again.${SIGN_OFF}`,
      };
    case 'EDUCATOR_REINSTATED': {
      const closed = facts.closedApplications + facts.closedInvitations;
      return {
        subject: 'Your leaving was withdrawn: you are on staff again',
        body: `HR withdrew the leaving date (${facts.leavingDate}) recorded for you: you are on staff again and can sign in to Pathways.${
          closed
            ? `\n\nWhat closed when the leaving was recorded stays closed (${facts.closedApplications} application(s), ${facts.closedInvitations} invitation(s)): apply again, or ask HR to invite you again.`
            : ''
        }${SIGN_OFF}`,
      };
    }
    case 'APPLICATION_STATUS':
      return {
        subject: `Your application for ${facts.roleTitle}: ${words(facts.to)}`,
        body: `Your application for ${facts.roleTitle} moved from ${words(facts.from)} to ${words(facts.to)}.${facts.reason ? `\n\nReason: ${facts.reason}` : ''}\n\nYou can read its whole history in Pathways, and dispute a decision there.${SIGN_OFF}`,
      };
    case 'OFFER_MADE':
      return {
        subject: `An offer: ${facts.roleTitle}`,
        body: `You have an offer for ${facts.roleTitle} at ${fte(facts.roleFte)}, starting ${facts.startsOn}${facts.endsOn ? ` and ending ${facts.endsOn}` : ''}.\n\nAccept or decline it in Pathways (myOffers).${SIGN_OFF}`,
      };
    case 'OFFER_ANSWERED':
      return {
        subject: `Offer ${words(facts.answer)}: ${facts.roleTitle}`,
        body: `${facts.candidate} ${words(facts.answer)} your offer for ${facts.roleTitle}.${SIGN_OFF}`,
      };
    case 'VERIFICATION_DECIDED':
      return {
        subject: `Verification decided: ${facts.evidenceTitle}`,
        body: `Your request to verify "${facts.evidenceTitle}" was decided ${words(facts.decision)} by ${facts.decidedBy}.\n\nReason: ${facts.reason}\n\nIf you disagree, you can dispute the decision in Pathways.${SIGN_OFF}`,
      };
    case 'ENDORSEMENT_DECIDED':
      return {
        subject: `Endorsement ${words(facts.decision)}: ${facts.evidenceTitle}`,
        body: `${facts.decidedBy} ${words(facts.decision)} "${facts.evidenceTitle}".${facts.reason ? `\n\nReason: ${facts.reason}` : ''}${SIGN_OFF}`,
      };
    case 'EVIDENCE_REVISION_DECIDED':
      return {
        subject: `Your edit was ${words(facts.decision)}: ${facts.evidenceTitle}`,
        body:
          facts.decision === 'APPROVED'
            ? `${facts.decidedBy} approved your edit of "${facts.evidenceTitle}"; it now counts, ${words(facts.status)}.\n\nReason: ${facts.reason}${SIGN_OFF}`
            : `${facts.decidedBy} rejected your edit of "${facts.evidenceTitle}"; the ${words(facts.status)} version keeps counting.\n\nReason: ${facts.reason}${SIGN_OFF}`,
      };
    case 'EVIDENCE_STATUS_CHANGED':
      return {
        subject: `Evidence ${words(facts.to)}: ${facts.evidenceTitle}`,
        body: `"${facts.evidenceTitle}" is now ${words(facts.to)} (it was ${words(facts.from)}).${facts.note ? `\n\nNote: ${facts.note}` : ''}${SIGN_OFF}`,
      };
    case 'CREDENTIAL_STATUS_CHANGED':
      return {
        subject: `Credential status changed: ${facts.evidenceTitle}`,
        body: `The credential behind "${facts.evidenceTitle}" changed from ${words(facts.from)} to ${words(facts.to)}: ${facts.detail}.\n\nA revoked, suspended or expired credential stops counting towards roles until its issuer restores it.${SIGN_OFF}`,
      };
    case 'DISPUTE_UPDATE':
      return {
        subject: `Dispute ${words(facts.status)}: ${facts.subject}`,
        body: `Your dispute about ${facts.subject} is ${words(facts.status)}.${facts.outcome ? `\n\nOutcome: ${facts.outcome}` : ''}${SIGN_OFF}`,
      };
    case 'NEW_ROLE_MATCH':
      return {
        subject: facts.qualified ? `A new role you qualify for: ${facts.roleTitle}` : `A new role one requirement away: ${facts.roleTitle}`,
        body: facts.qualified
          ? `${facts.roleTitle} was just posted, and your verified evidence meets every requirement.\n\nSee it and apply at ${publicBaseUrl} (openRoles).${SIGN_OFF}`
          : `${facts.roleTitle} was just posted, and you are one requirement away: ${facts.missing.join(', ')}.\n\nYour standing in Pathways shows what would meet it.${SIGN_OFF}`,
      };
  }
}
