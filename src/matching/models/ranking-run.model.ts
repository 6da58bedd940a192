import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { RankedCandidateModel } from './ranking.model.js';

@ObjectType('RankingRunRequirement', { description: 'A requirement of the role as it stood when the run was saved' })
export class RankingRunRequirementModel {
  @Field(() => ID, { description: "The role requirement's id" }) requirementId: string;
  @Field(() => ID, { description: 'The required competency' }) competencyId: string;
  @Field({ description: 'Its code within its framework' }) competencyCode: string;
  @Field({ description: 'Its name' }) competencyName: string;
  @Field({ description: 'REQUIRED (gates qualification) or PREFERRED (adds to the score)' }) kind: string;
  @Field(() => Int, { description: 'The level it asked for' }) minLevel: number;
  @Field(() => Float, { description: 'Its relative weight in the score' }) weight: number;
}

@ObjectType('RankedCandidateConnection', { description: "A page of a saved run's candidates, in rank order" })
export class RankedCandidateConnection extends Connection(RankedCandidateModel) {}

@ObjectType('RankingRun', { description: 'A saved ranking: exactly what was shown, kept unchanged' })
export class RankingRunModel {
  @Field(() => ID, { description: "The saved run's id" }) id: string;
  @Field(() => ID, { description: 'The role ranked' }) roleId: string;
  @Field({ description: 'Its title when the run was saved' }) roleTitle: string;
  @Field(() => Int, { nullable: true, description: "The role's minimum years of service then; null when none" }) minYearsOfService:
    number | null;
  @Field(() => [RankingRunRequirementModel], { description: "The role's requirements as they stood then" })
  requirements: RankingRunRequirementModel[];
  @Field(() => ID, { description: 'The scoring policy used' }) policyId: string;
  @Field(() => Int, { description: 'Its version' }) policyVersion: number;
  @Field({ description: 'The day the evidence was counted for (YYYY-MM-DD)' }) asOf: string;
  @Field(() => Float, { description: 'The overextension threshold (role FTE) in force then' }) overextensionFteThreshold: number;
  @Field({ description: 'Whether only qualified candidates were kept' }) qualifiedOnly: boolean;
  @Field(() => ID, { nullable: true, description: 'The building filter; null for all buildings' }) buildingId: string | null;
  @Field(() => Int, { description: 'Candidates in scope when the run was saved' }) candidateCount: number;
  @Field(() => Int, { description: 'Qualified candidates in scope then' }) qualifiedCount: number;
  @Field(() => Int, { description: 'How many top candidates were kept' }) resultCount: number;
  @Field(() => Date, { description: 'When it was saved' }) createdAt: Date;
  @Field(() => String, { nullable: true, description: 'Email of who saved it; null if the account is gone' }) createdBy: string | null;
}

@ObjectType('RankingRunConnection', { description: 'A page of saved ranking runs, newest first' })
export class RankingRunConnection extends Connection(RankingRunModel) {}
