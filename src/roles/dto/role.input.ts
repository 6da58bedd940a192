import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsPositive, IsString,
  IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import {
  OPENINGS_MAX, OPENINGS_MIN, REQUIREMENTS_MAX, REQUIREMENTS_MIN, STIPEND_MAX, SUMMARY_MAX, TITLE_MAX, WEIGHT_MAX,
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

@InputType()
export class RoleRequirementInput {
  @Field(() => ID)
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

  @Field(() => RequirementKind)
  @IsEnum(RequirementKind)
  kind: RequirementKind;
}

@InputType()
export class CreateRoleInput {
  @Field()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title: string;

  @Field({ defaultValue: '' })
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

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  @Max(STIPEND_MAX)
  stipend: number;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(OPENINGS_MIN)
  @Max(OPENINGS_MAX)
  openings: number;

  @Field(() => String, { nullable: true, description: 'Last day to apply, YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'closingDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'closingDate must be a real calendar date' })
  closingDate?: string | null;

  @Field({ defaultValue: true })
  @IsBoolean()
  internalOnly: boolean;

  @Field(() => Int, { nullable: true })
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
  @Field({ nullable: true })
  @NotNullIfGiven()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  title?: string;

  @Field({ nullable: true })
  @NotNullIfGiven()
  @IsString()
  @MaxLength(SUMMARY_MAX)
  summary?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  buildingId?: string | null;

  @Field(() => Float, { nullable: true })
  @NotNullIfGiven()
  @IsNumber(FTE)
  @Min(0)
  @Max(1)
  classroomFte?: number;

  @Field(() => Float, { nullable: true })
  @NotNullIfGiven()
  @IsNumber(FTE)
  @IsPositive()
  @Max(1)
  roleFte?: number;

  @Field(() => Int, { nullable: true })
  @NotNullIfGiven()
  @IsInt()
  @Min(0)
  @Max(STIPEND_MAX)
  stipend?: number;

  @Field(() => Int, { nullable: true })
  @NotNullIfGiven()
  @IsInt()
  @Min(OPENINGS_MIN)
  @Max(OPENINGS_MAX)
  openings?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'closingDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'closingDate must be a real calendar date' })
  closingDate?: string | null;

  @Field({ nullable: true })
  @NotNullIfGiven()
  @IsBoolean()
  internalOnly?: boolean;

  @Field(() => Int, { nullable: true })
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

@InputType()
export class ChangeRoleStatusInput extends VersionedRefInput {
  @Field(() => RoleStatus)
  @IsEnum(RoleStatus)
  status: RoleStatus;
}
