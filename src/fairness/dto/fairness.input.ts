import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'Your voluntary sex and race/ethnicity answer for the fairness audit; nobody else sees it' })
export class SetSelfIdentificationInput {
  @Field({ description: 'MALE, FEMALE or DECLINED_TO_STATE (see selfIdentificationOptions)' })
  @IsString()
  @MaxLength(64)
  sex: string;

  @Field({ description: 'An EEO-1 race/ethnicity category or DECLINED_TO_STATE (see selfIdentificationOptions)' })
  @IsString()
  @MaxLength(64)
  raceEthnicity: string;

  @Field(() => Int, { nullable: true, description: 'The version you loaded, when changing an existing answer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}

export const MAX_MIN_CATEGORY_SIZE = 1000;

@InputType({ description: 'What a fairness audit covers: one role or all, a period, and how small categories are treated' })
export class RunFairnessAuditInput {
  @Field(() => ID, { nullable: true, description: 'One role; all roles when omitted' })
  @IsOptional()
  @IsUUID('all', { message: 'roleId is a malformed id: ids are UUIDs' })
  roleId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day of the period, YYYY-MM-DD (UTC); by default the day after the same date a year before `to`',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real calendar date' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the period, included, YYYY-MM-DD (UTC); today by default' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real calendar date' })
  to?: string | null;

  @Field({ defaultValue: false, description: 'Leave categories under 2% of the data out of the ratios (they are still reported)' })
  @IsBoolean()
  excludeUnderTwoPercent: boolean = false;

  @Field(() => Int, {
    defaultValue: 5,
    description: `Categories with fewer people assessed are marked too small to read (1-${MAX_MIN_CATEGORY_SIZE})`,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_MIN_CATEGORY_SIZE)
  minCategorySize: number = 5;
}

@ArgsType()
export class FairnessAuditsArgs extends PageArgs {}
