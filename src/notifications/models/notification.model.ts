import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { NotificationKind } from '../domain/messages.js';

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'What a notification is about',
  valuesMap: {
    ACCOUNT_INVITATION: { description: 'A new account: the link to choose a password (the link goes only in the email, never in the API)' },
    PASSWORD_RESET: { description: 'HR reset your password: the link to choose a new one (email only)' },
    APPLICATION_INVITATION: { description: 'HR invites you to apply for a role' },
    EDUCATOR_REINSTATED: { description: 'HR withdrew a leaving recorded for you; what it closed stays closed' },
    INVITATION_WITHDRAWN: { description: 'An invitation to apply you sent was closed without an answer (the educator left)' },
    APPLICATION_STATUS: { description: 'Your application moved along the hiring pipeline, with the reason given' },
    OFFER_MADE: { description: 'You are offered a role: its FTE and dates' },
    OFFER_ANSWERED: { description: 'For HR: a candidate accepted or declined an offer' },
    VERIFICATION_DECIDED: { description: 'HR decided your verification request, with the reason' },
    EVIDENCE_STATUS_CHANGED: { description: 'The verification status of your evidence changed' },
    CREDENTIAL_STATUS_CHANGED: {
      description: "An imported credential's status changed (for example revoked or expired) and its evidence with it",
    },
    DISPUTE_UPDATE: { description: 'A dispute about a decision changed status or was decided' },
    ENDORSEMENT_DECIDED: { description: 'An endorser endorsed or declined your evidence, with the reason' },
    EVIDENCE_REVISION_DECIDED: { description: 'Your edit of trusted evidence was approved or rejected, with the reason' },
    NEW_ROLE_MATCH: { description: 'Opt-in: a newly posted role you qualify for or are one requirement away from' },
  },
});

export const DeliveryStatus = { PENDING: 'PENDING', SENT: 'SENT', FAILED: 'FAILED' } as const;
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus];
registerEnumType(DeliveryStatus, {
  name: 'NotificationDeliveryStatus',
  description: 'Where an email stands',
  valuesMap: {
    PENDING: { description: 'Waiting in the outbox (no mail server configured, or a retry is scheduled)' },
    SENT: { description: 'Handed to the mail server' },
    FAILED: { description: 'Every attempt failed; kept so it can be read here' },
  },
});

@ObjectType('Notification', { description: 'A message Pathways sent, or will send, by email; readable here whatever its delivery' })
export class NotificationModel {
  @Field(() => ID, { description: 'The notification id' }) id: string;
  @Field(() => NotificationKind, { description: 'What it is about' }) kind: NotificationKind;
  @Field({ description: 'Where the email goes' }) recipientEmail: string;
  @Field({ description: 'The email subject' }) subject: string;
  @Field({ description: 'The text; a set-password link is only ever in the email itself' }) body: string;
  @Field(() => DeliveryStatus, { description: 'Delivery by email' }) deliveryStatus: DeliveryStatus;
  @Field(() => Int, { description: 'Delivery attempts so far' }) attempts: number;
  @Field(() => Date, { description: 'When it was written, with the change it reports' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the mail server accepted it' }) sentAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When its reader marked it read' }) readAt: Date | null;
}

@ObjectType('NotificationConnection', { description: 'A page of notifications, newest first' })
export class NotificationConnection extends Connection(NotificationModel) {
  @Field(() => Int, { description: 'Unread notifications in the whole list' }) unreadCount: number;
}

@ObjectType('NotificationPreferences', { description: 'What you chose to be told about beyond what concerns you directly' })
export class NotificationPreferencesModel {
  @Field({ description: 'Email me when a role is posted that I qualify for or am one requirement away from' }) newRoleAlerts: boolean;
  @Field(() => Int, { description: 'Version, for the next change' }) version: number;
}

@ObjectType('OutboxDelivery', { description: 'What one delivery pass did' })
export class OutboxDeliveryModel {
  @Field({ description: 'False when no mail server is configured (SMTP_URL): messages wait in the outbox' }) ran: boolean;
  @Field(() => Int, { description: 'Messages handed to the mail server' }) sent: number;
  @Field(() => Int, { description: 'Messages whose attempt failed (retried later, or FAILED after the last attempt)' }) failed: number;
}
