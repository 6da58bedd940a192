import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';

@ObjectType('AuditEntry', {
  description: 'One recorded action: who did what to which record and when. Entries are never changed or deleted',
})
export class AuditEntryModel {
  @Field(() => ID, { description: "The entry's id" })
  id: string;

  @Field(() => Date, { description: 'When the action happened (server time, UTC)' })
  at: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The account that acted; null for the system (imports, scheduled jobs) or an unknown caller',
  })
  actorAccountId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The actor's email address at the time of the action; null when there was no signed-in actor",
  })
  actorEmail: string | null;

  @Field(() => String, { nullable: true, description: 'The persona the actor acted as' })
  persona: string | null;

  @Field({ description: 'What happened, as an upper-case code such as SIGN_IN_FAILED or EVIDENCE_VERIFIED' })
  action: string;

  @Field({ description: 'The kind of record acted on, e.g. Role, Evidence, Account' })
  targetType: string;

  @Field(() => String, {
    nullable: true,
    description: 'The id of the record acted on; null when the action has no single target (a failed sign-in with an unknown email)',
  })
  targetId: string | null;

  @Field({ description: 'What changed, as a JSON object' })
  changesJson: string;
}

@ObjectType('AuditEntryConnection', { description: 'A page of audit log entries, newest first' })
export class AuditEntryConnection extends Connection(AuditEntryModel) {}
