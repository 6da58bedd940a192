import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { ApplicationStatus, InvitationStatus } from './hiring-enums.js';

@ObjectType('CandidateIdentity', {
  description:
    'Who a candidate is, as this viewer may see it: under blind review a panelist sees only the pseudonym until they submit their scores',
})
export class CandidateIdentityModel {
  @Field({ description: 'The real name, or the pseudonym while identities are hidden' })
  displayName: string;

  @Field({ description: 'Stable per role and candidate, e.g. "Candidate K7QM"' })
  pseudonym: string;

  @Field({ description: 'True while blind review hides who the candidate is from you' })
  identityHidden: boolean;

  @Field(() => ID, { nullable: true, description: 'Null while identities are hidden' })
  educatorId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The candidate's work email; null while identities are hidden or when you may not see contact details",
  })
  email: string | null;

  @Field(() => String, { nullable: true, description: "The candidate's building; null while identities are hidden" })
  buildingName: string | null;
}

@ObjectType('ApplicationTransition', { description: "One step of an application's history" })
export class ApplicationTransitionModel {
  @Field(() => ApplicationStatus, { nullable: true, description: 'Null for the submission itself' })
  from: ApplicationStatus | null;

  @Field(() => ApplicationStatus, { description: 'The status the application moved to' })
  to: ApplicationStatus;

  @Field(() => String, { nullable: true, description: 'Who moved it; null for the system (e.g. a role filled)' })
  actorEmail: string | null;

  @Field({ description: 'Why, as given with the move; may be empty' })
  reason: string;

  @Field({ description: 'When it moved' })
  at: Date;
}

@ObjectType('Application', { description: "An educator's application to a role, as this viewer may see it" })
export class ApplicationModel {
  @Field(() => ID, { description: "The application's id" })
  id: string;

  @Field(() => ID, { description: 'The role applied for' })
  roleId: string;

  @Field({ description: 'Its title' })
  roleTitle: string;

  @Field(() => ApplicationStatus, { description: 'Where the application is in the hiring pipeline' })
  status: ApplicationStatus;

  @Field({ description: 'What the candidate wrote with the application; may be empty' })
  statement: string;

  @Field(() => CandidateIdentityModel, { description: 'Who applied, as you may see them (a pseudonym under blind review)' })
  candidate: CandidateIdentityModel;

  @Field({ description: 'True when it came from accepting an invitation' })
  invited: boolean;

  @Field({ description: 'When it was submitted' })
  submittedAt: Date;

  @Field({ description: 'When its status last changed' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Increases with every change; send it back when you move the application' })
  version: number;
}

@ObjectType('ApplicationConnection', { description: "A page of a role's applications" })
export class ApplicationConnection extends Connection(ApplicationModel) {}

@ObjectType('Invitation', { description: "HR's invitation to an educator to apply for a role" })
export class InvitationModel {
  @Field(() => ID, { description: "The invitation's id" })
  id: string;

  @Field(() => ID, { description: 'The role' })
  roleId: string;

  @Field({ description: 'Its title' })
  roleTitle: string;

  @Field(() => ID, { description: 'The educator invited' })
  educatorId: string;

  @Field(() => InvitationStatus, { description: 'INVITED until the educator accepts or declines, or the district withdraws it' })
  status: InvitationStatus;

  @Field({ description: "HR's message to the educator; may be empty" })
  message: string;

  @Field({ description: 'When HR sent it' })
  invitedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the educator answered or the district withdrew it; null while INVITED' })
  respondedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the district withdrew it (WITHDRAWN only), e.g. the educator left' })
  closedReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The application created by accepting' })
  applicationId: string | null;
}
