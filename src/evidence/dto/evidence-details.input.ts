import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_ATTENDEES, MAX_CLASSROOMS, MAX_COURSE_HOURS, MAX_SESSIONS, MAX_STUDENTS, MAX_TEACHERS } from '../domain/details.js';
import { PilotPart } from '../models/evidence-enums.js';
import { ISO_DATE, MAX_NAME, MAX_TEXT } from '../domain/fields.js';

// Fields a kind requires are nullable in the schema on purpose: the domain rules then refuse a missing one
// with a sentence naming the rule, instead of a bare GraphQL type error.

export const DATE_MESSAGE = '$property must be a date written YYYY-MM-DD between 1900 and 2099';

@InputType({ description: 'CERTIFICATION: issuer and issuedOn are required' })
export class CertificationInput {
  @Field(() => String, { nullable: true, description: 'Who awarded the certification, e.g. "ISTE" (required for CERTIFICATION)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  issuer?: string | null;

  @Field(() => String, { nullable: true, description: "The certificate's number or id at the issuer, for HR to check" })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  credentialId?: string | null;

  @Field(() => String, { nullable: true, description: 'When it was awarded (YYYY-MM-DD; required for CERTIFICATION)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  issuedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before issuedOn' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  expiresOn?: string | null;
}

@InputType({ description: "PILOT: the educator's part is required; scope and outcomes are optional" })
export class PilotInput {
  @Field(() => PilotPart, { nullable: true, description: "The educator's part: LEAD, CO_LEAD or MEMBER (required for PILOT)" })
  @IsOptional()
  @IsEnum(PilotPart)
  part?: PilotPart | null;

  @Field(() => Int, { nullable: true, description: 'How many classrooms took part' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CLASSROOMS)
  classrooms?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many teachers took part' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TEACHERS)
  teachers?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many students took part' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_STUDENTS)
  students?: number | null;

  @Field(() => String, { nullable: true, description: 'What the pilot found or changed, in plain words' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  outcomes?: string | null;
}

@InputType({ description: 'PROFESSIONAL_LEARNING designed or delivered for colleagues: sessions and attendees, each at least 1' })
export class ProfessionalLearningInput {
  @Field(() => Int, { nullable: true, description: 'How many sessions were delivered, at least 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SESSIONS)
  sessions?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many colleagues attended in all, at least 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ATTENDEES)
  attendees?: number | null;
}

@InputType({ description: 'PRESENTATION at a conference: the venue is required' })
export class PresentationInput {
  @Field(() => String, { nullable: true, description: "Where it was given, e.g. the conference's name (required for PRESENTATION)" })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  venue?: string | null;
}

@InputType({ description: `COURSE or workshop attended: hours are required, above 0 and at most ${MAX_COURSE_HOURS}` })
export class CourseInput {
  @Field(() => Float, { nullable: true, description: 'Hours attended (required for COURSE)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0.1)
  @Max(MAX_COURSE_HOURS)
  hours?: number | null;

  @Field(() => String, { nullable: true, description: 'Who ran the course or workshop' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NAME)
  provider?: string | null;
}
