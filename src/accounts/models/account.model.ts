import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Persona } from '../../access/persona.js';
import { SessionModel } from '../../access/models/session.model.js';
import { Connection } from '../../common/pagination.js';
import { AccountStatus } from '../dto/account.input.js';

@ObjectType('Account', { description: 'A person who may sign in, with the personas that decide what they may do (HR only)' })
export class AccountModel {
  @Field(() => ID, { description: "The account's id" })
  id: string;

  @Field({ description: 'The sign-in email address, unique regardless of case' })
  email: string;

  @Field({ description: 'The name colleagues see' })
  displayName: string;

  @Field(() => [Persona], { description: 'Every persona the account holds' })
  personas: Persona[];

  @Field(() => ID, { nullable: true, description: 'The educator profile this person is; set with the EDUCATOR persona' })
  educatorId: string | null;

  @Field(() => AccountStatus, { description: 'Whether the account may sign in' })
  status: AccountStatus;

  @Field(() => Date, { nullable: true, description: 'When it was disabled; null while enabled' })
  disabledAt: Date | null;

  @Field({ description: 'False until the person has set a password (or when they sign in only through single sign-on)' })
  hasPassword: boolean;

  @Field(() => Date, { description: 'When HR created it' })
  createdAt: Date;

  @Field(() => Int, { description: 'Increases with every change; send it back when you change, disable or enable the account' })
  version: number;
}

@ObjectType('AccountConnection', { description: 'A page of accounts, by email' })
export class AccountConnection extends Connection(AccountModel) {}

@ObjectType('SetPasswordLink', { description: 'Shown once: only a hash of the token is kept. Give it to the person privately.' })
export class SetPasswordLinkModel {
  @Field({ description: 'Open this to choose a password; works once, until expiresAt' })
  url: string;

  @Field({ description: 'The one-time token inside the url, for setPassword' })
  token: string;

  @Field(() => Date, { description: 'When the link stops working; HR can make a new one with forcePasswordReset' })
  expiresAt: Date;
}

@ObjectType('AccountWithLink', { description: 'An account and its one-time set-password link' })
export class AccountWithLinkModel {
  @Field(() => AccountModel, { description: 'The account' })
  account: AccountModel;

  @Field(() => SetPasswordLinkModel, { description: 'The link to give the person privately, shown only this once' })
  setPasswordLink: SetPasswordLinkModel;
}

export { SessionModel };
