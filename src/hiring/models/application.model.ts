import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { ApplicationStatus, InvitationStatus } from './hiring-enums.js';

@ObjectType('CandidateIdentity', {
  description: 'Who a candidate is, as this viewer may see it: under blind review a panelist sees only the pseudonym until they submit their scores',
})
export class CandidateIdentityModel {
  @Field({ description: 'The real name, or the pseudonym while identities are hidden' })
  displayName: string;

  @Field({ description: 'Stable per role and candidate, e.g. "Candidate K7QM"' })
  pseudonym: string;

  @Field()
  identityHidden: boolean;

  @Field(() => ID, { nullable: true, description: 'Null while identities are hidden' })
  educatorId: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  buildingName: string | null;
}

@ObjectType('ApplicationTransition', { description: 'One step of an application\'s history' })
export class ApplicationTransitionModel {
  @Field(() => ApplicationStatus, { nullable: true, description: 'Null for the submission itself' })
  from: ApplicationStatus | null;

  @Field(() => ApplicationStatus)
  to: ApplicationStatus;

  @Field(() => String, { nullable: true })
  actorEmail: string | null;

  @Field()
  reason: string;

  @Field()
  at: Date;
}

@ObjectType('Application')
export class ApplicationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  roleId: string;

  @Field()
  roleTitle: string;

  @Field(() => ApplicationStatus)
  status: ApplicationStatus;

  @Field()
  statement: string;

  @Field(() => CandidateIdentityModel)
  candidate: CandidateIdentityModel;

  @Field({ description: 'True when it came from accepting an invitation' })
  invited: boolean;

  @Field()
  submittedAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('ApplicationConnection')
export class ApplicationConnection extends Connection(ApplicationModel) {}

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  roleId: string;

  @Field()
  roleTitle: string;

  @Field(() => ID)
  educatorId: string;

  @Field(() => InvitationStatus)
  status: InvitationStatus;

  @Field()
  message: string;

  @Field()
  invitedAt: Date;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The application created by accepting' })
  applicationId: string | null;
}
