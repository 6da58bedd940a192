import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_CAPABILITY_COMPONENTS } from '../domain/capability.js';
import { REPORT_LEVEL_MAX, REPORT_LEVEL_MIN } from '../domain/report-rules.js';
import { ReportScopeArgs } from './report.args.js';

@InputType({ description: 'One part of a capability: a competency held at or above a level' })
export class CapabilityComponentInput {
  @Field(() => ID, { description: 'The competency' })
  @IsUUID('all', { message: 'competencyId is a malformed id: ids are UUIDs' })
  competencyId: string;

  @Field(() => Int, { description: `Held at or above this level (${REPORT_LEVEL_MIN}-${REPORT_LEVEL_MAX})` })
  @IsInt()
  @Min(REPORT_LEVEL_MIN)
  @Max(REPORT_LEVEL_MAX)
  minLevel: number;
}

@InputType({ description: 'A named set of competencies at levels that HR wants to count together, e.g. "can review an AI tool"' })
export class CreateCapabilityInput {
  @Field({ description: 'A short code to ask for it by, e.g. AI-TOOL-REVIEW (letters, digits, - and _)' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,47}$/, { message: 'code must be 1-48 capital letters, digits, - or _, starting with a letter or digit' })
  code: string;

  @Field({ description: 'What leaders will read, e.g. "Evaluate an AI tool for alignment, bias and privacy"' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field({ nullable: true, description: 'What the capability is for, in plain words; empty when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => [CapabilityComponentInput], { description: 'The competencies, each at a level, that together make the capability' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CAPABILITY_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => CapabilityComponentInput)
  components: CapabilityComponentInput[];
}

@InputType({ description: 'Changes to a saved capability; omitted fields stay as they are' })
export class UpdateCapabilityInput {
  @Field(() => ID, { description: 'The capability to change' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you loaded (a stale one is CONFLICT)' })
  @IsInt()
  @Min(1)
  version: number;

  @Field({ nullable: true, description: 'The new name' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true, description: 'The new description' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => [CapabilityComponentInput], { nullable: true, description: 'Replaces every component' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CAPABILITY_COMPONENTS)
  @ValidateNested({ each: true })
  @Type(() => CapabilityComponentInput)
  components?: CapabilityComponentInput[];
}

@InputType({ description: 'A saved capability to delete; reports already read are unaffected' })
export class DeleteCapabilityInput {
  @Field(() => ID, { description: 'The capability to delete' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you loaded (a stale one is CONFLICT)' })
  @IsInt()
  @Min(1)
  version: number;
}

/** Which capability a report is about: by id or by code. */
@ArgsType()
export class CapabilityReportArgs extends ReportScopeArgs {
  @Field(() => ID, { nullable: true, description: 'The capability by its id (give this or capabilityCode)' })
  @IsOptional()
  @IsUUID('all', { message: 'capabilityId is a malformed id: ids are UUIDs' })
  capabilityId?: string;

  @Field(() => String, { nullable: true, description: 'Or the capability by its code' })
  @IsOptional()
  @IsString()
  @MaxLength(48)
  capabilityCode?: string;
}

@ArgsType()
export class CapabilityCoverageArgs extends CapabilityReportArgs {
  @Field(() => Float, {
    defaultValue: 0,
    description: 'A building where fewer than this share (0-1) hold the whole capability is a gap; 0: only buildings where nobody does',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  threshold: number = 0;
}

@ArgsType()
export class CapabilityTrendArgs extends CapabilityReportArgs {}

@ArgsType()
export class ConcentrationArgs extends ReportScopeArgs {}
