import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min,
  ValidateNested,
} from 'class-validator';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

@InputType()
export class ProficiencyLevelInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  label: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  descriptor: string;
}

@InputType()
export class CreateCompetencyInput {
  @Field(() => ID)
  @IsUUID()
  frameworkId: string;

  @Field()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  description: string;

  @Field()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  dimension: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  progression?: string | null;

  @Field(() => [ProficiencyLevelInput], { nullable: true, description: "Levels numbered 1..n without gaps; omit them to follow the framework's scale (and its later edits)" })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ProficiencyLevelInput)
  levels?: ProficiencyLevelInput[] | null;
}

@InputType()
export class UpdateCompetencyInput extends VersionedRefInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  dimension?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  progression?: string;

  @Field(() => Int, { nullable: true, description: "Move it within its framework: its new place (1 = first) in the framework's display order" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  position?: number;
}

@InputType()
export class RetireCompetencyInput extends VersionedRefInput {
}
