import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { MAX_COMMENT_LENGTH, MAX_SCORE, MIN_SCORE } from '../domain/panel-scores.js';

@InputType()
export class PanelSeatInput {
  @Field(() => ID)
  @IsUUID()
  roleId: string;

  @Field(() => ID, { description: 'The account of the panelist (it must hold the PANELIST persona)' })
  @IsUUID()
  accountId: string;
}

@InputType()
export class SetBlindReviewInput {
  @Field(() => ID)
  @IsUUID()
  roleId: string;

  @Field()
  @IsBoolean()
  enabled: boolean;
}

@InputType()
export class DeclareConflictInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType()
export class RequirementScoreInput {
  @Field(() => ID)
  @IsUUID()
  requirementId: string;

  @Field(() => Int, { description: `${MIN_SCORE}-${MAX_SCORE}` })
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  score: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string | null;
}

@InputType({ description: 'Draft scores for one candidate; they stay editable until submitted' })
export class SavePanelScoresInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field(() => [RequirementScoreInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequirementScoreInput)
  scores: RequirementScoreInput[];
}

@InputType()
export class SubmitPanelScoresInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;
}
