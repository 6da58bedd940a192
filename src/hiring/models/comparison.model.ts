import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CandidateIdentityModel } from './application.model.js';
import { ApplicationStatus } from './hiring-enums.js';
import { PanelAggregateModel, RequirementAggregateModel } from './panel.model.js';

@ObjectType('ComparedRequirement', { description: 'A requirement of the role, a row of the comparison' })
export class ComparedRequirementModel {
  @Field(() => ID, { description: "The role requirement's id" }) requirementId: string;
  @Field(() => ID, { description: 'The required competency' }) competencyId: string;
  @Field({ description: 'Its code within its framework' }) competencyCode: string;
  @Field({ description: 'Its name' }) competencyName: string;
  @Field({ description: 'REQUIRED (gates qualification) or PREFERRED (adds to the score)' }) kind: string;
  @Field(() => Int, { description: 'The level the role asks for' }) minLevel: number;
}

@ObjectType('ComparedEvidence', { description: 'One evidence item behind a demonstrated level' })
export class ComparedEvidenceModel {
  @Field({ description: 'The evidence kind, e.g. PILOT' }) kind: string;
  @Field({ description: 'Its title' }) title: string;
  @Field({ description: 'VERIFIED, ENDORSED or SELF_REPORTED' }) verificationStatus: string;
  @Field(() => String, { nullable: true, description: 'When the work started (YYYY-MM-DD); null when not given' }) startedOn: string | null;
  @Field(() => String, { nullable: true, description: 'When it ended (YYYY-MM-DD); null when not given or ongoing' }) endedOn:
    string | null;
  @Field(() => String, { nullable: true, description: 'For a certification, when it was issued (YYYY-MM-DD)' }) issuedOn: string | null;
  @Field(() => String, { nullable: true, description: 'For a certification, when it expires (YYYY-MM-DD); null when it does not' })
  expiresOn: string | null;
  @Field({ description: 'True when it expired before the as-of day: listed, but earns nothing' }) expired: boolean;
  @Field(() => Int, { nullable: true, description: 'The level this item claims' }) level: number | null;
}

@ObjectType('ComparisonCell', { description: 'One candidate on one requirement' })
export class ComparisonCellModel {
  @Field(() => ID, { description: 'The requirement (the row)' }) requirementId: string;
  @Field(() => Int, { description: "The highest level the candidate's trusted evidence shows (0 with none)" }) demonstratedLevel: number;
  @Field({ description: 'True when that reaches the required level' }) met: boolean;
  @Field(() => [ComparedEvidenceModel], { description: 'The evidence behind it, strongest first' }) evidence: ComparedEvidenceModel[];
  @Field(() => RequirementAggregateModel, {
    nullable: true,
    description: "The panel's scores (hidden from a panelist until they submit theirs)",
  })
  panel: RequirementAggregateModel | null;
}

@ObjectType('ComparedCandidate', { description: 'One candidate, a column of the comparison' })
export class ComparedCandidateModel {
  @Field(() => ID, { description: 'Their application' }) applicationId: string;
  @Field(() => CandidateIdentityModel, { description: 'Who they are, as you may see them (a pseudonym under blind review)' })
  candidate: CandidateIdentityModel;
  @Field(() => ApplicationStatus, { description: 'Where their application is in the pipeline' }) status: ApplicationStatus;
  @Field({ description: 'SAVED_RUN: from the latest saved ranking run; LIVE: the candidate is not in it, explained now' })
  engineSource: string;
  @Field(() => Int, { nullable: true, description: 'Rank in the latest saved ranking run (null when not in it)' }) engineRank:
    number | null;
  @Field(() => Int, { description: 'The matching score, 0 to engineMaxScore' }) engineScore: number;
  @Field(() => Int, { description: 'The most any candidate can score for this role' }) engineMaxScore: number;
  @Field({ description: 'True when every REQUIRED requirement is met' }) qualified: boolean;
  @Field({ description: 'True when their active hybrid commitments reach the overextension threshold' }) overextended: boolean;
  @Field(() => [ComparisonCellModel], { description: 'One per requirement, in requirement order' }) cells: ComparisonCellModel[];
  @Field(() => PanelAggregateModel, {
    nullable: true,
    description: "The panel's scores overall (hidden from a panelist until they submit theirs)",
  })
  panel: PanelAggregateModel | null;
}

@ObjectType('CandidateComparison', { description: 'Requirements x candidates, side by side' })
export class CandidateComparisonModel {
  @Field(() => ID, { description: 'The role' }) roleId: string;
  @Field({ description: 'Its title' }) roleTitle: string;
  @Field({ description: "True when the role's panel reviews under pseudonyms" }) blindReview: boolean;
  @Field({ description: 'False while blind review hides identities from you' }) identitiesVisible: boolean;
  @Field(() => ID, { nullable: true, description: 'The saved ranking run the engine columns come from' }) rankingRunId: string | null;
  @Field(() => String, { nullable: true, description: 'The day that run counted evidence for (YYYY-MM-DD); null without a saved run' })
  rankingRunAsOf: string | null;
  @Field(() => [ComparedRequirementModel], { description: "The rows: the role's requirements, in order" })
  requirements: ComparedRequirementModel[];
  @Field(() => [ComparedCandidateModel], { description: 'The columns: the candidates, in the order asked for' })
  candidates: ComparedCandidateModel[];
}
