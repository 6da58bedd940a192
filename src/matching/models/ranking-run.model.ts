import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { RankedCandidateModel } from './ranking.model.js';

@ObjectType('RankingRunRequirement', { description: 'A requirement of the role as it stood when the run was saved' })
export class RankingRunRequirementModel {
  @Field(() => ID) requirementId: string;
  @Field(() => ID) competencyId: string;
  @Field() competencyCode: string;
  @Field() competencyName: string;
  @Field() kind: string;
  @Field(() => Int) minLevel: number;
  @Field(() => Float) weight: number;
}

@ObjectType('RankedCandidateConnection')
export class RankedCandidateConnection extends Connection(RankedCandidateModel) {}

@ObjectType('RankingRun', { description: 'A saved ranking: exactly what was shown, kept unchanged' })
export class RankingRunModel {
  @Field(() => ID) id: string;
  @Field(() => ID) roleId: string;
  @Field() roleTitle: string;
  @Field(() => Int, { nullable: true }) minYearsOfService: number | null;
  @Field(() => [RankingRunRequirementModel]) requirements: RankingRunRequirementModel[];
  @Field(() => ID) policyId: string;
  @Field(() => Int) policyVersion: number;
  @Field() asOf: string;
  @Field(() => Float) overextensionFteThreshold: number;
  @Field() qualifiedOnly: boolean;
  @Field(() => ID, { nullable: true }) buildingId: string | null;
  @Field(() => Int, { description: 'Candidates in scope when the run was saved' }) candidateCount: number;
  @Field(() => Int) qualifiedCount: number;
  @Field(() => Int, { description: 'How many top candidates were kept' }) resultCount: number;
  @Field(() => Date) createdAt: Date;
  @Field(() => String, { nullable: true }) createdBy: string | null;
}

@ObjectType('RankingRunConnection')
export class RankingRunConnection extends Connection(RankingRunModel) {}
