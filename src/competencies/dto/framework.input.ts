import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';
import { ProficiencyLevelInput } from './competency.input.js';

@InputType({ description: 'A new competency framework the district recognises, with its proficiency scale' })
export class CreateFrameworkInput {
  @Field({ description: 'Stable short code, e.g. ISTE-EDUCATORS-2017; unique' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'code must be 1-64 letters, digits, dots, dashes or underscores' })
  code: string;

  @Field({ description: 'Its full title, e.g. "ISTE Standards for Educators"' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @Field({ defaultValue: '', description: 'What the framework is for and where it comes from' })
  @IsString()
  @MaxLength(4000)
  description: string;

  @Field({ defaultValue: '', description: 'Who publishes it, e.g. ISTE, UNESCO or the district' })
  @IsString()
  @MaxLength(200)
  publisher: string;

  @Field(() => [ProficiencyLevelInput], {
    description: "The framework's proficiency scale, numbered 1..n without gaps (n at most 10); new competencies take it",
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProficiencyLevelInput)
  levels: ProficiencyLevelInput[];
}

@InputType({ description: 'Changes to a framework; omitted fields stay as they are' })
export class UpdateFrameworkInput extends VersionedRefInput {
  @Field({ nullable: true, description: 'The new title' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @Field({ nullable: true, description: 'The new description' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field({ nullable: true, description: 'The new publisher' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  publisher?: string;

  @Field(() => [ProficiencyLevelInput], {
    nullable: true,
    description:
      'The whole new scale (number of levels, label and descriptor of each); every competency that follows the framework scale takes it. Fewer levels than a claim or requirement stands on is refused (LEVEL_IN_USE)',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProficiencyLevelInput)
  levels?: ProficiencyLevelInput[];
}

@InputType({ description: 'A framework to retire: it stays readable but takes no new requirements, claims or competencies' })
export class RetireFrameworkInput extends VersionedRefInput {}

@InputType({ description: 'A framework nothing uses, to delete outright' })
export class DeleteFrameworkInput extends VersionedRefInput {}

@ArgsType()
export class FrameworksArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Include retired frameworks' })
  @IsBoolean()
  includeRetired: boolean = false;
}
