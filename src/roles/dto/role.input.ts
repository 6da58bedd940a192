import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import {
  OPENINGS_MAX,
  OPENINGS_MIN,
  REQUIREMENTS_MAX,
  REQUIREMENTS_MIN,
  STIPEND_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  WEIGHT_MAX,
  YEARS_OF_SERVICE_MAX,
} from '../domain/role-rules.js';
import { RequirementKind, RoleStatus } from '../models/role.model.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FTE = { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 };
const UUID_MESSAGE = { message: '$property is malformed: ids are UUIDs' };

/** Optional in an update, but an explicit null is refused (only the clearable fields accept null). */
const NotNullIfGiven = () => ValidateIf((_o, v) => v !== undefined);

@ArgsType()
export class RoleListArgs extends PageArgs {
  @Field(() => RoleStatus, { nullable: true, description: 'Only roles in this status (non-HR viewers only ever see OPEN roles)' })
  @IsOptional()
  @IsEnum(RoleStatus)
  status?: RoleStatus;

  @Field(() => ID, { nullable: true, description: 'Only roles of this building (district-wide roles have none)' })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  buildingId?: string;
}

@InputType({ description: 'A competency a role asks for, at a level' })
export class RoleRequirementInput {
  @Field(() => ID, { description: 'The competency (not retired)' })
  @IsUUID('all', UUID_MESSAGE)
  competencyId: string;

  @Field(() => Int, { description: "One of the competency's levels" })
  @IsInt()
  @Min(1)
  @Max(10)
  minLevel: number;

  @Field(() => Float, { defaultValue: 1, description: `Relative weight in (0, ${WEIGHT_MAX}]` })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(WEIGHT_MAX)
  weight: number;

  @Field(() => RequirementKind, { description: 'REQUIRED to qualify, or PREFERRED to add to the score' })
  @IsEnum(RequirementKind)
  kind: RequirementKind;
}

@InputType({ description: 'A new hybrid role posting; it starts as DRAFT' })
export class CreateRoleInput {
  @Field({ description: 'What the role is called, e.g. "AI integration specialist" (1-200 characters)' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title: string;

  @Field({ defaultValue: '', description: 'What the role-holder will do, for educators deciding whether to apply (up to 4000 characters)' })
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summary: string;

  @Field(() => ID, { nullable: true, description: 'Omit or null for a district-wide role' })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  buildingId?: string | null;

  @Field(() => Float, { description: 'Share of a full-time post spent teaching, 0-1' })
  @IsNumber(FTE)
  @Min(0)
  @Max(1)
  classroomFte: number;

  @Field(() => Float, { description: 'Share spent in the hybrid role, over 0; classroomFte + roleFte <= 1.0' })
  @IsNumber(FTE)
  @IsPositive()
  @Max(1)
  roleFte: number;

  @Field(() => Int, { defaultValue: 0, description: 'Annual stipend in whole currency units, 0-1000000' })
  @IsInt()
  @Min(0)
  @Max(STIPEND_MAX)
  stipend: number;

  @Field(() => Int, { defaultValue: 1, description: 'How many people the role will take, 1-50' })
  @IsInt()
  @Min(OPENINGS_MIN)
  @Max(OPENINGS_MAX)
  openings: number;

  @Field(() => String, { nullable: true, description: 'Last day to apply, YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'closingDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'closingDate must be a real calendar date' })
  closingDate?: string | null;

  @Field({
    defaultValue: true,
    description:
      "True: the posting is for the district's own staff only (shown to candidates; every candidate in Pathways is district staff)",
  })
  @IsBoolean()
  internalOnly: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Years of service a candidate needs, 0-50; matching shows it explicitly. Omit when service length plays no part',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(YEARS_OF_SERVICE_MAX)
  minYearsOfService?: number | null;

  @Field(() => [RoleRequirementInput], { description: `${REQUIREMENTS_MIN}-${REQUIREMENTS_MAX} requirements, each competency once` })
  @ArrayMinSize(REQUIREMENTS_MIN)
  @ArrayMaxSize(REQUIREMENTS_MAX)
  @ValidateNested({ each: true })
  @Type(() => RoleRequirementInput)
  requirements: RoleRequirementInput[];
}

@InputType({ description: 'Omitted fields stay as they are; null clears buildingId (district-wide), closingDate and minYearsOfService' })
export class UpdateRoleInput extends VersionedRefInput {
  @Field({ nullable: true, description: 'The new title (1-200 characters)' })
  @NotNullIfGiven()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title?: string;

  @Field({ nullable: true, description: 'The new summary (up to 4000 characters)' })
  @NotNullIfGiven()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summary?: string;

  @Field(() => ID, { nullable: true, description: 'The new building; null makes the role district-wide' })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  buildingId?: string | null;

  @Field(() => Float, { nullable: true, description: 'The new teaching share of a full-time post, 0-1' })
  @NotNullIfGiven()
  @IsNumber(FTE)
  @Min(0)
  @Max(1)
  classroomFte?: number;

  @Field(() => Float, { nullable: true, description: 'The new hybrid share, over 0; classroomFte + roleFte <= 1.0' })
  @NotNullIfGiven()
  @IsNumber(FTE)
  @IsPositive()
  @Max(1)
  roleFte?: number;

  @Field(() => Int, { nullable: true, description: 'The new annual stipend in whole currency units, 0-1000000' })
  @NotNullIfGiven()
  @IsInt()
  @Min(0)
  @Max(STIPEND_MAX)
  stipend?: number;

  @Field(() => Int, { nullable: true, description: 'The new number of openings, 1-50' })
  @NotNullIfGiven()
  @IsInt()
  @Min(OPENINGS_MIN)
  @Max(OPENINGS_MAX)
  openings?: number;

  @Field(() => String, { nullable: true, description: 'The new last day to apply (YYYY-MM-DD); null for no closing date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'closingDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'closingDate must be a real calendar date' })
  closingDate?: string | null;

  @Field({ nullable: true, description: "True: the posting is for the district's own staff only (shown to candidates)" })
  @NotNullIfGiven()
  @IsBoolean()
  internalOnly?: boolean;

  @Field(() => Int, { nullable: true, description: 'The new minimum years of service, 0-50; null when service length plays no part' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(YEARS_OF_SERVICE_MAX)
  minYearsOfService?: number | null;

  @Field(() => [RoleRequirementInput], { nullable: true, description: 'When given, replaces the whole requirement list' })
  @NotNullIfGiven()
  @ArrayMinSize(REQUIREMENTS_MIN)
  @ArrayMaxSize(REQUIREMENTS_MAX)
  @ValidateNested({ each: true })
  @Type(() => RoleRequirementInput)
  requirements?: RoleRequirementInput[];
}

@InputType({ description: 'A move of a role along DRAFT -> OPEN -> CLOSED -> FILLED' })
export class ChangeRoleStatusInput extends VersionedRefInput {
  @Field(() => RoleStatus, { description: 'The status to move to; a move the lifecycle does not allow is BAD_USER_INPUT' })
  @IsEnum(RoleStatus)
  status: RoleStatus;
}
