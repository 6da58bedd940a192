import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { VerificationStatus } from '../../evidence/models/evidence-enums.js';
import { SCORING_VARIANTS } from '../domain/evidence-rules.js';
import { RankingTieBreak } from '../models/scoring-policy.model.js';

const weightRules = (target: object, key: string) => {
  IsOptional()(target, key);
  IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
  Min(0)(target, key);
  Max(1)(target, key);
};
const weight = (description: string) => (target: object, key: string) => {
  Field(() => Float, { nullable: true, description })(target, key);
  weightRules(target, key);
};

/** One optional weight per scoring kind, named and described by the evidence kind registry. */
@InputType({ description: 'Omitted weights keep their current value' })
export class EvidenceKindWeightsInput {
  [weightField: string]: number | undefined;
}
for (const v of SCORING_VARIANTS) {
  Field(() => Float, { nullable: true, description: v.weightDescription })(EvidenceKindWeightsInput.prototype, v.weightField);
  weightRules(EvidenceKindWeightsInput.prototype, v.weightField);
}

@InputType({ description: 'Omitted factors keep their current value; they must stay verified > endorsed > self-reported > 0' })
export class VerificationFactorsInput {
  @weight('New factor for VERIFIED evidence, 0-1') verified?: number;
  @weight('New factor for ENDORSED evidence, 0-1') endorsed?: number;
  @weight('New factor for SELF_REPORTED evidence, above 0') selfReported?: number;
}

@InputType({ description: 'Changes to how evidence loses weight with age; omitted fields keep their value' })
export class EvidenceAgeingInput {
  @Field(() => Float, { nullable: true, description: 'Years; null switches ageing off; omitted keeps the current value' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(100)
  halfLifeYears?: number | null;

  @weight('The share (0-1) old evidence never drops below; omitted keeps the current value') minimumFactor?: number;
}

@InputType({ description: 'A new policy version: every omitted field is copied from the current version' })
export class PublishScoringPolicyInput {
  @Field(() => Int, { description: 'The current version you read; if someone published since, CONFLICT and nothing changes' })
  @IsInt()
  @Min(1)
  basedOnVersion: number;

  @Field(() => EvidenceKindWeightsInput, { nullable: true, description: 'New weights per evidence kind; omitted: unchanged' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceKindWeightsInput)
  kindWeights?: EvidenceKindWeightsInput;

  @Field(() => VerificationFactorsInput, { nullable: true, description: 'New factors per verification status; omitted: unchanged' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VerificationFactorsInput)
  verificationFactors?: VerificationFactorsInput;

  @Field(() => EvidenceAgeingInput, { nullable: true, description: 'New ageing rules; omitted: unchanged' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceAgeingInput)
  ageing?: EvidenceAgeingInput;

  @Field(() => Int, { nullable: true, description: 'The highest level attendance alone can demonstrate (1-4); omitted: unchanged' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  attendanceCapLevel?: number;

  @Field(() => Float, { nullable: true, description: 'Null: use the deployment default; omitted keeps the current value' })
  @ValidateIf((_o, v) => v !== null && v !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(1)
  overextensionFteThreshold?: number | null;

  @Field(() => RankingTieBreak, { nullable: true, description: 'How equal scores are ordered; omitted: unchanged' })
  @IsOptional()
  @IsEnum(RankingTieBreak)
  tieBreak?: RankingTieBreak;

  @Field(() => VerificationStatus, {
    nullable: true,
    description:
      'The lowest verification status that can meet a requirement; less trusted evidence still earns reduced points. Omitted keeps the current value',
  })
  @IsOptional()
  @IsEnum(VerificationStatus)
  qualifyingStatus?: VerificationStatus;

  @Field({ description: 'Why this version; shown with the policy', defaultValue: '' })
  @IsString()
  @MaxLength(4000)
  notes: string;
}
