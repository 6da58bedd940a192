import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CandidateIdentityModel } from './application.model.js';
import { ApplicationStatus } from './hiring-enums.js';
import { PanelAggregateModel, RequirementAggregateModel } from './panel.model.js';

@ObjectType('ComparedRequirement')
export class ComparedRequirementModel {
  @Field(() => ID) requirementId: string;
  @Field(() => ID) competencyId: string;
  @Field() competencyCode: string;
  @Field() competencyName: string;
  @Field() kind: string;
  @Field(() => Int) minLevel: number;
}

@ObjectType('ComparedEvidence', { description: 'One evidence item behind a demonstrated level' })
export class ComparedEvidenceModel {
  @Field() kind: string;
  @Field() title: string;
  @Field() verificationStatus: string;
  @Field(() => String, { nullable: true }) startedOn: string | null;
  @Field(() => String, { nullable: true }) endedOn: string | null;
  @Field(() => String, { nullable: true }) issuedOn: string | null;
  @Field(() => String, { nullable: true }) expiresOn: string | null;
  @Field() expired: boolean;
  @Field(() => Int, { nullable: true, description: 'The level this item claims' }) level: number | null;
}

@ObjectType('ComparisonCell', { description: 'One candidate on one requirement' })
export class ComparisonCellModel {
  @Field(() => ID) requirementId: string;
  @Field(() => Int) demonstratedLevel: number;
  @Field() met: boolean;
  @Field(() => [ComparedEvidenceModel]) evidence: ComparedEvidenceModel[];
  @Field(() => RequirementAggregateModel, { nullable: true, description: "The panel's scores (hidden from a panelist until they submit theirs)" })
  panel: RequirementAggregateModel | null;
}

@ObjectType('ComparedCandidate')
export class ComparedCandidateModel {
  @Field(() => ID) applicationId: string;
  @Field(() => CandidateIdentityModel) candidate: CandidateIdentityModel;
  @Field(() => ApplicationStatus) status: ApplicationStatus;
  @Field({ description: 'SAVED_RUN: from the latest saved ranking run; LIVE: the candidate is not in it, explained now' }) engineSource: string;
  @Field(() => Int, { nullable: true, description: 'Rank in the latest saved ranking run (null when not in it)' }) engineRank: number | null;
  @Field(() => Int) engineScore: number;
  @Field(() => Int) engineMaxScore: number;
  @Field() qualified: boolean;
  @Field() overextended: boolean;
  @Field(() => [ComparisonCellModel], { description: 'One per requirement, in requirement order' }) cells: ComparisonCellModel[];
  @Field(() => PanelAggregateModel, { nullable: true }) panel: PanelAggregateModel | null;
}

@ObjectType('CandidateComparison', { description: 'Requirements x candidates, side by side' })
export class CandidateComparisonModel {
  @Field(() => ID) roleId: string;
  @Field() roleTitle: string;
  @Field() blindReview: boolean;
  @Field({ description: 'False while blind review hides identities from you' }) identitiesVisible: boolean;
  @Field(() => ID, { nullable: true, description: 'The saved ranking run the engine columns come from' }) rankingRunId: string | null;
  @Field(() => String, { nullable: true }) rankingRunAsOf: string | null;
  @Field(() => [ComparedRequirementModel]) requirements: ComparedRequirementModel[];
  @Field(() => [ComparedCandidateModel]) candidates: ComparedCandidateModel[];
}
