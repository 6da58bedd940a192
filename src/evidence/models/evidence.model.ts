import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { EvidenceKind, PilotPart, VerificationStatus } from './evidence-enums.js';

@ObjectType('CertificationDetails')
export class CertificationDetailsModel {
  @Field()
  issuer: string;

  @Field(() => String, { nullable: true })
  credentialId: string | null;

  @Field({ description: 'YYYY-MM-DD' })
  issuedOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  expiresOn: string | null;
}

@ObjectType('PilotDetails')
export class PilotDetailsModel {
  @Field(() => PilotPart, { description: "The educator's part in the pilot" })
  part: PilotPart;

  @Field(() => Int, { nullable: true })
  classrooms: number | null;

  @Field(() => Int, { nullable: true })
  teachers: number | null;

  @Field(() => Int, { nullable: true })
  students: number | null;

  @Field(() => String, { nullable: true })
  outcomes: string | null;
}

@ObjectType('ProfessionalLearningDetails')
export class ProfessionalLearningDetailsModel {
  @Field(() => Int)
  sessions: number;

  @Field(() => Int)
  attendees: number;
}

@ObjectType('PresentationDetails')
export class PresentationDetailsModel {
  @Field(() => String, { nullable: true })
  venue: string | null;
}

@ObjectType('CourseDetails')
export class CourseDetailsModel {
  @Field(() => Float)
  hours: number;

  @Field(() => String, { nullable: true })
  provider: string | null;
}

/** A competency claimed at a level; `competency` is resolved in batches. */
@ObjectType('EvidenceClaim')
export class EvidenceClaimModel {
  @Field(() => ID)
  competencyId: string;

  @Field(() => Int)
  level: number;
}

@ObjectType('Evidence', { description: 'One item of an educator\'s evidence; `claims` lists what it shows' })
export class EvidenceModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  educatorId: string;

  @Field(() => EvidenceKind)
  kind: EvidenceKind;

  @Field()
  title: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  startedOn: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  endedOn: string | null;

  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'Email of the account (HR or an endorser) that endorsed or verified it' })
  verifiedBy: string | null;

  @Field(() => Date, { nullable: true })
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

  @Field(() => Int)
  version: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType('EvidenceConnection')
export class EvidenceConnection extends Connection(EvidenceModel) {}
