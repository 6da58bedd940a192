import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Persona } from '../../access/persona.js';
import { SessionModel } from '../../access/models/session.model.js';
import { Connection } from '../../common/pagination.js';
import { AccountStatus } from '../dto/account.input.js';

@ObjectType('Account')
export class AccountModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => [Persona])
  personas: Persona[];

  @Field(() => ID, { nullable: true })
  educatorId: string | null;

  @Field(() => AccountStatus)
  status: AccountStatus;

  @Field(() => Date, { nullable: true })
  disabledAt: Date | null;

  @Field({ description: 'False until the person has set a password (or when they sign in only through single sign-on)' })
  hasPassword: boolean;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('AccountConnection')
export class AccountConnection extends Connection(AccountModel) {}

@ObjectType('SetPasswordLink', { description: 'Shown once: only a hash of the token is kept. Give it to the person privately.' })
export class SetPasswordLinkModel {
  @Field({ description: 'Open this to choose a password; works once, until expiresAt' })
  url: string;

  @Field()
  token: string;

  @Field(() => Date)
  expiresAt: Date;
}

@ObjectType('AccountWithLink')
export class AccountWithLinkModel {
  @Field(() => AccountModel)
  account: AccountModel;

  @Field(() => SetPasswordLinkModel)
  setPasswordLink: SetPasswordLinkModel;
}

export { SessionModel };
