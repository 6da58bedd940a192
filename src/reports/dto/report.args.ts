import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { VerificationStatus } from '../../evidence/models/evidence-enums.js';
import {
  DEFAULT_CONCENTRATION_THRESHOLD,
  MAX_REPORT_BUILDINGS,
  MAX_REPORT_COMPETENCIES,
  REPORT_LEVEL_MAX,
  REPORT_LEVEL_MIN,
} from '../domain/report-rules.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUIDS = { each: true, message: '$property holds a malformed id: ids are UUIDs' };
const LEVEL_MESSAGE = `must be a level from ${REPORT_LEVEL_MIN} to ${REPORT_LEVEL_MAX}`;
const SHARE = { allowNaN: false, allowInfinity: false };

/** What every report takes: the date it answers for, which evidence counts, and which buildings. */
@ArgsType()
export class ReportScopeArgs {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: answer from the evidence valid on this day (today, UTC, when omitted)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'asOf must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'asOf must be a real calendar date' })
  asOf?: string;

  @Field(() => [VerificationStatus], {
    nullable: true,
    description:
      'Verification statuses whose evidence counts. Omitted: those that can meet a requirement under the scoring policy in force (verified and endorsed by default), so reports agree with rankings',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'statuses must name at least one verification status' })
  @IsEnum(VerificationStatus, { each: true })
  statuses?: VerificationStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only these buildings (all buildings when omitted)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'buildingIds must name at least one building, or be left out for all' })
  @ArrayMaxSize(MAX_REPORT_BUILDINGS)
  @IsUUID('all', UUIDS)
  buildingIds?: string[];

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Also list buildings archived by asOf that had nobody on staff that day (left out by default; a building named in buildingIds is always listed)',
  })
  @IsBoolean()
  includeArchived: boolean = false;
}

/**
 * Which competencies a report is about: by id, or by framework code plus competency codes (so a saved
 * query works on any database), or a whole framework by its code alone.
 */
@ArgsType()
export class CompetencySelectionArgs extends ReportScopeArgs {
  @Field(() => [ID], { nullable: true, description: 'Competencies by id (or use frameworkCode + competencyCodes)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'competencyIds must name at least one competency' })
  @ArrayMaxSize(MAX_REPORT_COMPETENCIES)
  @IsUUID('all', UUIDS)
  competencyIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'A framework code, e.g. DISTRICT-AI-READINESS; alone it selects all its competencies not retired',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  frameworkCode?: string;

  @Field(() => [String], { nullable: true, description: 'Competency codes within frameworkCode, e.g. ["AI-TOOL-EVAL", "AI-BIAS"]' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'competencyCodes must name at least one competency' })
  @ArrayMaxSize(MAX_REPORT_COMPETENCIES)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  competencyCodes?: string[];
}

@ArgsType()
export class CoverageArgs extends CompetencySelectionArgs {
  @Field(() => Int, { description: `At or above this level (${REPORT_LEVEL_MIN}-${REPORT_LEVEL_MAX})` })
  @IsInt()
  @Min(REPORT_LEVEL_MIN, { message: `minLevel ${LEVEL_MESSAGE}` })
  @Max(REPORT_LEVEL_MAX, { message: `minLevel ${LEVEL_MESSAGE}` })
  minLevel: number;
}

@ArgsType()
export class HeatMapArgs extends CompetencySelectionArgs {}

@ArgsType()
export class GapsArgs extends CompetencySelectionArgs {
  @Field(() => Int, { description: `Educators at or above this level count (${REPORT_LEVEL_MIN}-${REPORT_LEVEL_MAX})` })
  @IsInt()
  @Min(REPORT_LEVEL_MIN, { message: `level ${LEVEL_MESSAGE}` })
  @Max(REPORT_LEVEL_MAX, { message: `level ${LEVEL_MESSAGE}` })
  level: number;

  @Field(() => Float, { description: 'A building whose share of educators at the level is below this (0-1) is a gap' })
  @IsNumber(SHARE)
  @Min(0, { message: 'threshold must be a share between 0 and 1' })
  @Max(1, { message: 'threshold must be a share between 0 and 1' })
  threshold: number;
}

@ArgsType()
export class OverextensionArgs extends CompetencySelectionArgs {
  @Field(() => Float, {
    defaultValue: DEFAULT_CONCENTRATION_THRESHOLD,
    description: 'A building is flagged when its top 3 people hold more than this share (0-1) of its level-3+ evidence',
  })
  @IsNumber(SHARE)
  @Min(0, { message: 'concentrationThreshold must be a share between 0 and 1' })
  @Max(1, { message: 'concentrationThreshold must be a share between 0 and 1' })
  concentrationThreshold: number = DEFAULT_CONCENTRATION_THRESHOLD;
}

@ArgsType()
export class PipelineArgs extends CompetencySelectionArgs {
  @Field(() => Int, { description: `The level to develop people to (${REPORT_LEVEL_MIN}-${REPORT_LEVEL_MAX})` })
  @IsInt()
  @Min(REPORT_LEVEL_MIN, { message: `targetLevel ${LEVEL_MESSAGE}` })
  @Max(REPORT_LEVEL_MAX, { message: `targetLevel ${LEVEL_MESSAGE}` })
  targetLevel: number;
}
