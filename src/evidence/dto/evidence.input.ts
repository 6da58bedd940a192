import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_CLAIMS, MIN_CLAIMS } from '../domain/claims.js';
import { EvidenceKind, VerificationStatus } from '../models/evidence-enums.js';
import { ISO_DATE, MAX_TEXT, MAX_TITLE, MAX_URL } from '../domain/fields.js';
import {
  CertificationInput,
  CourseInput,
  DATE_MESSAGE,
  PilotInput,
  PresentationInput,
  ProfessionalLearningInput,
} from './evidence-details.input.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
const URL_MESSAGE = 'url must be a full web address starting with http:// or https://';
const given = (_: object, value: unknown) => value !== undefined;

@InputType({ description: 'A competency an evidence item shows, at a level' })
export class EvidenceClaimInput {
  @Field(() => ID, { description: 'The competency (not retired)' })
  @IsUUID()
  competencyId: string;

  @Field(() => Int, { description: "One of the competency's own levels" })
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;
}

/** The kind-specific groups; exactly the one matching the item's kind may be given (none for ARTIFACT). */
@InputType({ isAbstract: true })
abstract class EvidenceDetailGroups {
  @Field(() => CertificationInput, { nullable: true, description: 'Details of a CERTIFICATION; give only for that kind' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificationInput)
  certification?: CertificationInput | null;

  @Field(() => PilotInput, { nullable: true, description: 'Details of a PILOT; give only for that kind' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PilotInput)
  pilot?: PilotInput | null;

  @Field(() => ProfessionalLearningInput, { nullable: true, description: 'Details of PROFESSIONAL_LEARNING; give only for that kind' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfessionalLearningInput)
  professionalLearning?: ProfessionalLearningInput | null;

  @Field(() => PresentationInput, { nullable: true, description: 'Details of a PRESENTATION; give only for that kind' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PresentationInput)
  presentation?: PresentationInput | null;

  @Field(() => CourseInput, { nullable: true, description: 'Details of a COURSE; give only for that kind' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CourseInput)
  course?: CourseInput | null;
}

@InputType({ description: 'A new evidence item; it starts self-reported until HR verifies it' })
export class CreateEvidenceInput extends EvidenceDetailGroups {
  @Field(() => ID, { nullable: true, description: 'HR only: whose evidence this is. Educators always add to their own portfolio.' })
  @IsOptional()
  @IsUUID()
  educatorId?: string | null;

  @Field(() => EvidenceKind, { description: 'What sort of evidence it is; decides which details group applies and its weight in matching' })
  @IsEnum(EvidenceKind)
  kind: EvidenceKind;

  @Field({ description: 'A short title, e.g. "Led the AI feedback pilot in grade 8"' })
  @IsString()
  @MaxLength(MAX_TITLE)
  title: string;

  @Field(() => String, { nullable: true, description: 'What was done and what it shows, for panels and HR to read' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) link to the evidence' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'When the work started (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  startedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before startedOn' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  endedOn?: string | null;

  @Field(() => [EvidenceClaimInput], { description: `${MIN_CLAIMS}-${MAX_CLAIMS} competencies this item shows, each at a level` })
  @IsArray()
  @ArrayMinSize(MIN_CLAIMS)
  @ArrayMaxSize(MAX_CLAIMS)
  @ValidateNested({ each: true })
  @Type(() => EvidenceClaimInput)
  claims: EvidenceClaimInput[];
}

@InputType({ description: 'Fields left out stay as they are; null clears an optional field. The kind cannot change.' })
export class UpdateEvidenceInput extends EvidenceDetailGroups {
  @Field(() => ID, { description: 'The evidence item to edit' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true, description: 'The new title' })
  @ValidateIf(given)
  @IsString()
  @MaxLength(MAX_TITLE)
  title?: string;

  @Field(() => String, { nullable: true, description: 'The new description' })
  @ValidateIf(given)
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string;

  @Field(() => String, { nullable: true, description: 'The new http(s) link; null removes it' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'The new start date (YYYY-MM-DD); null clears it' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  startedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The new end date (YYYY-MM-DD, not before startedOn); null clears it' })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  endedOn?: string | null;

  @Field(() => [EvidenceClaimInput], { nullable: true, description: 'When given, replaces all claims' })
  @ValidateIf(given)
  @IsArray()
  @ArrayMinSize(MIN_CLAIMS)
  @ArrayMaxSize(MAX_CLAIMS)
  @ValidateNested({ each: true })
  @Type(() => EvidenceClaimInput)
  claims?: EvidenceClaimInput[];
}

@InputType({ description: 'An evidence item to delete, with the version you read' })
export class DeleteEvidenceInput extends VersionedRefInput {}

@InputType({ description: 'One of your archived evidence items to restore, within 30 days of archiving' })
export class RestoreEvidenceInput extends VersionedRefInput {}

@InputType({ description: "HR's direct change of an evidence item's verification status" })
export class SetEvidenceVerificationInput extends VersionedRefInput {
  @Field(() => VerificationStatus, { description: 'The new status: SELF_REPORTED, ENDORSED or VERIFIED' })
  @IsEnum(VerificationStatus)
  status: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  note?: string | null;
}
