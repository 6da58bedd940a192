import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { VerificationStatus } from '../../evidence/models/evidence-enums.js';
import { Connection } from '../../common/pagination.js';
import { SCORING_VARIANTS } from '../domain/evidence-rules.js';

export enum RankingTieBreak {
  REQUIRED_MET_THEN_EDUCATOR_ID = 'REQUIRED_MET_THEN_EDUCATOR_ID',
  EDUCATOR_ID = 'EDUCATOR_ID',
}

registerEnumType(RankingTieBreak, {
  name: 'RankingTieBreak',
  description: 'How equal scores are ordered (qualified candidates always come first, then higher scores)',
  valuesMap: {
    REQUIRED_MET_THEN_EDUCATOR_ID: { description: 'More required requirements met, then more requirements met, then educator id' },
    EDUCATOR_ID: { description: 'Educator id only (a stable key that carries no meaning)' },
  },
});

/** One weight per scoring kind, named and described by the evidence kind registry. */
@ObjectType('EvidenceKindWeights', { description: 'How much each kind of evidence counts, from 0 to 1' })
export class EvidenceKindWeightsModel {
  [weightField: string]: number;
}
for (const v of SCORING_VARIANTS)
  Field(() => Float, { description: v.weightDescription })(EvidenceKindWeightsModel.prototype, v.weightField);

@ObjectType('VerificationFactors', { description: 'How much evidence counts by verification status, from 0 to 1' })
export class VerificationFactorsModel {
  @Field(() => Float, { description: 'Factor for VERIFIED evidence, 0-1' }) verified: number;
  @Field(() => Float, { description: 'Factor for ENDORSED evidence, 0-1' }) endorsed: number;
  @Field(() => Float, { description: 'Factor for SELF_REPORTED evidence, 0-1' }) selfReported: number;
}

@ObjectType('EvidenceAgeing', { description: 'How evidence loses weight with age' })
export class EvidenceAgeingModel {
  @Field(() => Float, { nullable: true, description: 'Evidence loses half its weight every this many years (null: no ageing)' })
  halfLifeYears: number | null;

  @Field(() => Float, { description: 'Old evidence never counts for less than this share' })
  minimumFactor: number;

  @Field(() => [String], { description: 'Evidence kinds that do not age: they count in full until they expire' })
  exemptKinds: string[];
}

@ObjectType('ScoringPolicy', { description: 'One published version of the district scoring policy; versions are never changed' })
export class ScoringPolicyModel {
  @Field(() => ID, { description: "The policy version's id" }) id: string;
  @Field(() => Int, { description: 'The version number, from 1; rankings record the one they used' }) version: number;
  @Field({ description: 'True for the version rankings use now' }) current: boolean;
  @Field(() => EvidenceKindWeightsModel, { description: 'How much each kind of evidence counts' }) kindWeights: EvidenceKindWeightsModel;
  @Field(() => VerificationFactorsModel, { description: 'How much each verification status counts' })
  verificationFactors: VerificationFactorsModel;
  @Field(() => EvidenceAgeingModel, { description: 'How evidence loses weight with age' }) ageing: EvidenceAgeingModel;

  @Field(() => Int, { description: 'The highest level workshop or course attendance alone can ever demonstrate' })
  attendanceCapLevel: number;

  @Field(() => Float, { nullable: true, description: "Null: the deployment's OVEREXTENSION_FTE_THRESHOLD applies" })
  overextensionFteThreshold: number | null;

  @Field(() => Float, { description: 'The threshold in force: this policy value, else the deployment default' })
  effectiveOverextensionFteThreshold: number;

  @Field(() => RankingTieBreak, { description: 'How equal scores are ordered' }) tieBreak: RankingTieBreak;
  @Field(() => VerificationStatus, {
    description:
      'The lowest verification status that can meet a requirement: less trusted evidence earns reduced points but alone never qualifies',
  })
  qualifyingStatus: VerificationStatus;
  @Field({ description: 'Why this version was published; may be empty' }) notes: string;
  @Field(() => Date, { description: 'When it was published' }) publishedAt: Date;
  @Field(() => String, {
    nullable: true,
    description: 'Email of the HR account that published it; null for versions shipped with Pathways',
  })
  publishedBy: string | null;
}

@ObjectType('ScoringPolicyConnection', { description: 'A page of scoring policy versions, newest first' })
export class ScoringPolicyConnection extends Connection(ScoringPolicyModel) {}
