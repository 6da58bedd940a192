import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength,
  Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { MAX_CLAIMS, MIN_CLAIMS } from '../domain/claims.js';
import { EvidenceKind, VerificationStatus } from '../models/evidence-enums.js';
import { ISO_DATE, MAX_TEXT, MAX_TITLE, MAX_URL } from '../domain/fields.js';
import {
  CertificationInput, CourseInput, DATE_MESSAGE, PilotInput, PresentationInput, ProfessionalLearningInput,
} from './evidence-details.input.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true };
const URL_MESSAGE = 'url must be a full web address starting with http:// or https://';
const given = (_: object, value: unknown) => value !== undefined;

@InputType()
export class EvidenceClaimInput {
  @Field(() => ID)
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
  @Field(() => CertificationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CertificationInput)
  certification?: CertificationInput | null;

  @Field(() => PilotInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PilotInput)
  pilot?: PilotInput | null;

  @Field(() => ProfessionalLearningInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfessionalLearningInput)
  professionalLearning?: ProfessionalLearningInput | null;

  @Field(() => PresentationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PresentationInput)
  presentation?: PresentationInput | null;

  @Field(() => CourseInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CourseInput)
  course?: CourseInput | null;
}

@InputType()
export class CreateEvidenceInput extends EvidenceDetailGroups {
  @Field(() => ID, { nullable: true, description: 'HR only: whose evidence this is. Educators always add to their own portfolio.' })
  @IsOptional()
  @IsUUID()
  educatorId?: string | null;

  @Field(() => EvidenceKind)
  @IsEnum(EvidenceKind)
  kind: EvidenceKind;

  @Field()
  @IsString()
  @MaxLength(MAX_TITLE)
  title: string;

  @Field(() => String, { nullable: true })
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

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
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
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => String, { nullable: true })
  @ValidateIf(given)
  @IsString()
  @MaxLength(MAX_TITLE)
  title?: string;

  @Field(() => String, { nullable: true })
  @ValidateIf(given)
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_URL)
  @IsUrl(URL_OPTIONS, { message: URL_MESSAGE })
  url?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: DATE_MESSAGE })
  startedOn?: string | null;

  @Field(() => String, { nullable: true })
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

@InputType()
export class DeleteEvidenceInput extends VersionedRefInput {
}

@InputType()
export class RestoreEvidenceInput extends VersionedRefInput {
}

@InputType()
export class SetEvidenceVerificationInput extends VersionedRefInput {
  @Field(() => VerificationStatus)
  @IsEnum(VerificationStatus)
  status: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'Why; kept in the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  note?: string | null;
}
