import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_COMMENT_LENGTH, MAX_SCORE, MIN_SCORE } from '../domain/panel-scores.js';

@InputType({ description: "A panelist's seat on a role's hiring panel" })
export class PanelSeatInput {
  @Field(() => ID, { description: 'The role' })
  @IsUUID()
  roleId: string;

  @Field(() => ID, { description: 'The account of the panelist (it must hold the PANELIST persona)' })
  @IsUUID()
  accountId: string;
}

@InputType({ description: "Whether a role's panel reviews candidates under pseudonyms" })
export class SetBlindReviewInput {
  @Field(() => ID, { description: 'The role' })
  @IsUUID()
  roleId: string;

  @Field({ description: 'True: panelists see pseudonyms until they submit their scores' })
  @IsBoolean()
  enabled: boolean;
}

@InputType({ description: "A panelist's declaration that they should not judge a candidate (e.g. a close colleague or relative)" })
export class DeclareConflictInput {
  @Field(() => ID, { description: 'The application' })
  @IsUUID()
  applicationId: string;

  @Field(() => String, { nullable: true, description: 'Why, if you want to say' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;
}

@InputType({ description: "A panelist's score on one requirement" })
export class RequirementScoreInput {
  @Field(() => ID, { description: 'The requirement' })
  @IsUUID()
  requirementId: string;

  @Field(() => Int, { description: `${MIN_SCORE}-${MAX_SCORE}` })
  @IsInt()
  @Min(MIN_SCORE)
  @Max(MAX_SCORE)
  score: number;

  @Field(() => String, { nullable: true, description: 'What the score rests on, for the rest of the panel and HR' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string | null;
}

@InputType({ description: 'Draft scores for one candidate; they stay editable until submitted' })
export class SavePanelScoresInput {
  @Field(() => ID, { description: "The candidate's application" })
  @IsUUID()
  applicationId: string;

  @Field(() => [RequirementScoreInput], { description: 'Your scores, one per requirement you scored' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequirementScoreInput)
  scores: RequirementScoreInput[];
}

@InputType({ description: 'The final submission of your scores for one candidate; submitted scores cannot change' })
export class SubmitPanelScoresInput {
  @Field(() => ID, { description: "The candidate's application" })
  @IsUUID()
  applicationId: string;
}
