import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

@InputType({ description: "One step of a competency's proficiency scale" })
export class ProficiencyLevelInput {
  @Field(() => Int, { description: "The level's number, 1-10; levels run 1..n without gaps, higher is more proficient" })
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;

  @Field({ description: 'A short name for the level, e.g. "Leading others" (1-80 characters)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  label: string;

  @Field({ defaultValue: '', description: 'What someone at this level can do, as evidence should show it (up to 2000 characters)' })
  @IsString()
  @MaxLength(2000)
  descriptor: string;
}

@InputType({ description: 'A new competency in a framework' })
export class CreateCompetencyInput {
  @Field(() => ID, { description: 'The framework it belongs to' })
  @IsUUID()
  frameworkId: string;

  @Field({ description: 'Its code within the framework (1-32 letters, digits, dots, dashes or underscores); never changes' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code: string;

  @Field({ description: 'What it is called, e.g. "AI bias evaluation" (1-200 characters)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field({
    defaultValue: '',
    description: 'What the competency covers, for educators claiming it and HR verifying it (up to 4000 characters)',
  })
  @IsString()
  @MaxLength(4000)
  description: string;

  @Field({ description: 'The group it belongs to in the framework, e.g. "Ethics of AI" (1-120 characters)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  dimension: string;

  @Field(() => String, {
    nullable: true,
    description: "The framework's own progression stage, e.g. Acquire, Deepen or Create (up to 40 characters)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  progression?: string | null;

  @Field(() => [ProficiencyLevelInput], {
    nullable: true,
    description: "Levels numbered 1..n without gaps; omit them to follow the framework's scale (and its later edits)",
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProficiencyLevelInput)
  levels?: ProficiencyLevelInput[] | null;
}

@InputType({ description: 'Changes to a competency; omitted fields stay as they are. Its code and levels do not change' })
export class UpdateCompetencyInput extends VersionedRefInput {
  @Field({ nullable: true, description: 'The new name (1-200 characters)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true, description: 'The new description (up to 4000 characters)' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field({ nullable: true, description: 'The new group within the framework (1-120 characters)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  dimension?: string;

  @Field(() => String, { nullable: true, description: 'The new progression stage within the framework, e.g. Deepen (up to 40 characters)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  progression?: string;

  @Field(() => Int, {
    nullable: true,
    description: "Move it within its framework: its new place (1 = first) in the framework's display order",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  position?: number;
}

@InputType({ description: 'A competency to retire: it stays readable on existing claims and roles but accepts no new ones' })
export class RetireCompetencyInput extends VersionedRefInput {}
