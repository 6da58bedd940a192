import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { EvidenceKind, PilotPart, VerificationStatus } from './evidence-enums.js';

@ObjectType('CertificationDetails', { description: 'Details of a certification' })
export class CertificationDetailsModel {
  @Field({ description: 'Who awarded it' })
  issuer: string;

  @Field(() => String, { nullable: true, description: "The certificate's number or id at the issuer; null when not given" })
  credentialId: string | null;

  @Field({ description: 'When it was awarded (YYYY-MM-DD)' })
  issuedOn: string;

  @Field(() => String, {
    nullable: true,
    description: 'When it expires (YYYY-MM-DD); null when it does not. Expired evidence stays listed but earns nothing in matching',
  })
  expiresOn: string | null;
}

@ObjectType('PilotDetails', { description: 'Details of a pilot' })
export class PilotDetailsModel {
  @Field(() => PilotPart, { description: "The educator's part in the pilot" })
  part: PilotPart;

  @Field(() => Int, { nullable: true, description: 'How many classrooms took part; null when not given' })
  classrooms: number | null;

  @Field(() => Int, { nullable: true, description: 'How many teachers took part; null when not given' })
  teachers: number | null;

  @Field(() => Int, { nullable: true, description: 'How many students took part; null when not given' })
  students: number | null;

  @Field(() => String, { nullable: true, description: 'What the pilot found or changed; null when not given' })
  outcomes: string | null;
}

@ObjectType('ProfessionalLearningDetails', {
  description: 'Details of professional learning the educator designed or delivered for colleagues',
})
export class ProfessionalLearningDetailsModel {
  @Field(() => Int, { description: 'How many sessions were delivered' })
  sessions: number;

  @Field(() => Int, { description: 'How many colleagues attended in all' })
  attendees: number;
}

@ObjectType('PresentationDetails', { description: 'Details of a conference presentation' })
export class PresentationDetailsModel {
  @Field(() => String, { nullable: true, description: 'Where it was given; null when not given' })
  venue: string | null;
}

@ObjectType('CourseDetails', { description: 'Details of a course or workshop attended' })
export class CourseDetailsModel {
  @Field(() => Float, { description: 'Hours attended' })
  hours: number;

  @Field(() => String, { nullable: true, description: 'Who ran it; null when not given' })
  provider: string | null;
}

/** A competency claimed at a level; `competency` is resolved in batches. */
@ObjectType('EvidenceClaim', { description: 'A competency an evidence item shows, at a level' })
export class EvidenceClaimModel {
  @Field(() => ID, { description: "The competency's id" })
  competencyId: string;

  @Field(() => Int, { description: "The level the item shows, one of the competency's levels" })
  level: number;
}

@ObjectType('Evidence', { description: "One item of an educator's evidence; `claims` lists what it shows" })
export class EvidenceModel {
  @Field(() => ID, { description: "The evidence item's id" })
  id: string;

  @Field(() => ID, { description: 'Whose portfolio it is in' })
  educatorId: string;

  @Field(() => EvidenceKind, { description: 'What sort of evidence it is' })
  kind: EvidenceKind;

  @Field({ description: 'Its short title' })
  title: string;

  @Field({ description: 'What was done and what it shows; may be empty' })
  description: string;

  @Field(() => String, { nullable: true, description: 'An http(s) link to the work; null when none' })
  url: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When the work started (YYYY-MM-DD); evidence ages from its end date, else from this one',
  })
  startedOn: string | null;

  @Field(() => String, { nullable: true, description: 'When the work ended (YYYY-MM-DD); null when ongoing or not given' })
  endedOn: string | null;

  @Field(() => VerificationStatus, { description: 'How far the district vouches for it' })
  verificationStatus: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'Email of the account (HR or an endorser) that endorsed or verified it' })
  verifiedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When HR endorsed or verified it; null while self-reported' })
  verifiedAt: Date | null;

  @Field({ description: 'True when a certification expired before today' })
  expired: boolean;

  @Field(() => CertificationDetailsModel, { nullable: true, description: 'Set for CERTIFICATION only' })
  certification: CertificationDetailsModel | null;

  @Field(() => PilotDetailsModel, { nullable: true, description: 'Set for PILOT only' })
  pilot: PilotDetailsModel | null;

  @Field(() => ProfessionalLearningDetailsModel, { nullable: true, description: 'Set for PROFESSIONAL_LEARNING only' })
  professionalLearning: ProfessionalLearningDetailsModel | null;

  @Field(() => PresentationDetailsModel, { nullable: true, description: 'Set for PRESENTATION only' })
  presentation: PresentationDetailsModel | null;

  @Field(() => CourseDetailsModel, { nullable: true, description: 'Set for COURSE only' })
  course: CourseDetailsModel | null;

  @Field(() => Date, { nullable: true, description: 'When it was archived (deleted); archived evidence counts nowhere' })
  deletedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Until when its owner can restore it (archived items only)' })
  restorableUntil: Date | null;

  @Field(() => Int, { description: 'Increases with every change; send it back when you edit, delete or verify the item' })
  version: number;

  @Field(() => Date, { description: 'When it was added' })
  createdAt: Date;

  @Field(() => Date, { description: 'When it last changed' })
  updatedAt: Date;
}

@ObjectType('EvidenceConnection', { description: 'A page of evidence items, newest first' })
export class EvidenceConnection extends Connection(EvidenceModel) {}
