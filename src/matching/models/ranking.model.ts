import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination.js';

@ObjectType('EvidenceCredit', { description: 'One evidence item behind a requirement, with the factors applied to it' })
export class EvidenceCreditModel {
  @Field(() => ID) evidenceId: string;
  @Field({ description: 'CERTIFICATION, PILOT, PROFESSIONAL_LEARNING, PRESENTATION, ARTIFACT or COURSE' }) kind: string;
  @Field(() => String, { nullable: true, description: 'LEAD, CO_LEAD or MEMBER for pilots' }) pilotPart: string | null;
  @Field({ description: 'The kind as the policy weighs it, e.g. PILOT_LEAD' }) scoringKind: string;
  @Field() title: string;
  @Field({ description: 'VERIFIED, ENDORSED or SELF_REPORTED' }) status: string;
  @Field({ description: "Trusted enough (at or above the policy's qualifying status) to meet the requirement; untrusted evidence earns reduced points only" })
  trusted: boolean;
  @Field(() => String, { nullable: true }) startedOn: string | null;
  @Field(() => String, { nullable: true }) endedOn: string | null;
  @Field(() => String, { nullable: true }) issuedOn: string | null;
  @Field(() => String, { nullable: true }) expiresOn: string | null;
  @Field({ description: 'Expired evidence is listed but earns nothing' }) expired: boolean;
  @Field(() => Int, { description: 'The level the evidence claims' }) claimedLevel: number;
  @Field(() => Int, { description: 'The level it counts for (attendance is capped)' }) countedLevel: number;
  @Field() cappedByAttendance: boolean;
  @Field(() => Float) kindWeight: number;
  @Field(() => Float) verificationFactor: number;
  @Field(() => Float) ageFactor: number;
  @Field(() => Float, { description: 'min(1, counted level / required level)' }) levelFactor: number;
  @Field(() => Float, { description: 'kind weight x verification x age x level, in thousandths' }) credit: number;
  @Field(() => Int, { description: "This item's share of the requirement's points: the strongest counts in full, the others add a quarter of their credit" }) points: number;
}

@ObjectType('RequirementExplanation')
export class RequirementExplanationModel {
  @Field(() => ID) requirementId: string;
  @Field(() => ID) competencyId: string;
  @Field() competencyCode: string;
  @Field() competencyName: string;
  @Field({ description: 'REQUIRED (gates qualification) or PREFERRED' }) kind: string;
  @Field(() => Float) weight: number;
  @Field(() => Int, { description: 'round(weight x 100)' }) maxPoints: number;
  @Field(() => Int) requiredLevel: number;
  @Field(() => Int, { description: '0 when nothing counts' }) demonstratedLevel: number;
  @Field() met: boolean;
  @Field(() => Int, { description: 'The highest level shown by evidence not yet trusted enough to meet a requirement (0 with none)' }) untrustedLevel: number;
  @Field({ description: 'Not met, but verifying (or endorsing) evidence already held would meet it' }) metOnceVerified: boolean;
  @Field(() => [ID], { description: 'The evidence whose verification would meet the requirement' }) metOnceVerifiedEvidenceIds: string[];
  @Field(() => Int, { description: 'Points toward the score; the contributions add up to the score exactly' }) contribution: number;
  @Field({ description: 'The same in plain words' }) summary: string;
  @Field(() => [EvidenceCreditModel]) evidence: EvidenceCreditModel[];
}

@ObjectType('ServiceExplanation', { description: 'Shown only when the role asks for a minimum number of years of service' })
export class ServiceExplanationModel {
  @Field(() => Int) minYears: number;
  @Field(() => Int) years: number;
  @Field() met: boolean;
  @Field() summary: string;
}

@ObjectType('CandidateExplanation', { description: "One educator's standing for one role, explained" })
export class CandidateExplanationModel {
  @Field(() => ID) roleId: string;
  @Field(() => ID) educatorId: string;
  @Field() fullName: string;
  @Field(() => ID) buildingId: string;
  @Field(() => Int) score: number;
  @Field(() => Int) maxScore: number;
  @Field() qualified: boolean;
  @Field(() => Int) requiredMet: number;
  @Field(() => Int) requiredTotal: number;
  @Field({ description: 'Active hybrid commitments at or above the overextension threshold' }) overextended: boolean;
  @Field(() => Float, { description: 'Total role FTE of active hybrid commitments' }) commitmentsFte: number;
  @Field() summary: string;
  @Field(() => [RequirementExplanationModel]) requirements: RequirementExplanationModel[];
  @Field(() => ServiceExplanationModel, { nullable: true }) yearsOfService: ServiceExplanationModel | null;
  @Field(() => Int, { description: 'Policy version used' }) policyVersion: number;
  @Field({ description: 'The day the evidence was counted for' }) asOf: string;
}

@ObjectType('RankedCandidate')
export class RankedCandidateModel extends CandidateExplanationModel {
  @Field(() => Int, { description: '1 = first. Candidates with the same qualification and score share a rank ("1, 2, 2, 4")' }) rank: number;
  @Field({ description: 'Another candidate shares this rank; inside a tie the order follows the policy tie-break, then the educator id' }) tied: boolean;
  @Field(() => Int, { description: 'Place in the list (1 = first), unique and deterministic even inside a tie' }) position: number;
}

@ObjectType('RoleRanking', { description: "A role's candidates in rank order, paged" })
export class RoleRankingModel {
  @Field(() => ID) roleId: string;
  @Field() roleTitle: string;
  @Field(() => Int) policyVersion: number;
  @Field() asOf: string;
  @Field(() => Float) overextensionFteThreshold: number;
  @Field(() => Int) maxScore: number;
  @Field(() => Int, { description: 'Candidates matching the filters' }) totalCount: number;
  @Field(() => Int, { description: 'Qualified candidates in scope (whatever qualifiedOnly says)' }) qualifiedCount: number;
  @Field(() => [RankedCandidateModel]) nodes: RankedCandidateModel[];
  @Field(() => PageInfo) pageInfo: PageInfo;
}

@ObjectType('GapRemedy', { description: 'A kind of evidence that, at this level or above, would close a gap' })
export class GapRemedyModel {
  @Field(() => ID, { description: 'Stable for a kind and level: a standing lists each remedy once and its gaps refer to it by this id' }) id: string;
  @Field() kind: string;
  @Field(() => String, { nullable: true }) pilotPart: string | null;
  @Field() scoringKind: string;
  @Field(() => Int) level: number;
  @Field(() => Float) kindWeight: number;
}

@ObjectType('RequirementGap')
export class RequirementGapModel {
  @Field(() => ID) requirementId: string;
  @Field(() => ID) competencyId: string;
  @Field() competencyCode: string;
  @Field() competencyName: string;
  @Field() kind: string;
  @Field(() => Int) levelHeld: number;
  @Field(() => Int) levelNeeded: number;
  @Field(() => [GapRemedyModel], { description: 'Strongest-weighted first; attendance only where its cap allows' }) ways: GapRemedyModel[];
  @Field(() => [ID], { description: 'Expired evidence that showed the needed level: renewing it would close the gap' }) renewableEvidenceIds: string[];
  @Field({ description: 'Verifying (or endorsing) evidence already held would close the gap' }) metOnceVerified: boolean;
  @Field(() => [ID], { description: 'The evidence whose verification would close the gap' }) metOnceVerifiedEvidenceIds: string[];
  @Field() summary: string;
}

@ObjectType('StandingGap', { description: 'An unmet requirement in a standing; its remedies are listed once in the standing and referred to by id' })
export class StandingGapModel {
  @Field(() => ID) requirementId: string;
  @Field(() => ID) competencyId: string;
  @Field() competencyCode: string;
  @Field() competencyName: string;
  @Field() kind: string;
  @Field(() => Int) levelHeld: number;
  @Field(() => Int) levelNeeded: number;
  @Field(() => [ID], { description: "Ids of the standing's remedies that would close the gap, strongest-weighted first" }) remedyIds: string[];
  @Field(() => [ID], { description: 'Expired evidence that showed the needed level: renewing it would close the gap' }) renewableEvidenceIds: string[];
  @Field({ description: 'Verifying (or endorsing) evidence already held would close the gap' }) metOnceVerified: boolean;
  @Field(() => [ID], { description: 'The evidence whose verification would close the gap' }) metOnceVerifiedEvidenceIds: string[];
  @Field() summary: string;
}

@ObjectType('RequirementStanding', { description: 'One requirement of a role against what an educator demonstrates (explainCandidate has the evidence)' })
export class RequirementStandingModel {
  @Field(() => ID) requirementId: string;
  @Field(() => ID) competencyId: string;
  @Field() competencyCode: string;
  @Field() competencyName: string;
  @Field() kind: string;
  @Field(() => Int) requiredLevel: number;
  @Field(() => Int) demonstratedLevel: number;
  @Field() met: boolean;
  @Field(() => Int, { description: 'The highest level shown by evidence not yet trusted enough to meet a requirement (0 with none)' }) untrustedLevel: number;
  @Field({ description: 'Not met, but verifying (or endorsing) evidence already held would meet it' }) metOnceVerified: boolean;
  @Field(() => [ID], { description: 'The evidence whose verification would meet the requirement' }) metOnceVerifiedEvidenceIds: string[];
  @Field(() => Int) contribution: number;
  @Field(() => Int) maxPoints: number;
}

@ObjectType('RoleStanding')
export class RoleStandingModel {
  @Field(() => ID) roleId: string;
  @Field() roleTitle: string;
  @Field(() => ID, { nullable: true }) buildingId: string | null;
  @Field(() => Float) roleFte: number;
  @Field(() => String, { nullable: true }) closingDate: string | null;
  @Field() qualified: boolean;
  @Field(() => Int) score: number;
  @Field(() => Int) maxScore: number;
  @Field(() => Int) requiredMet: number;
  @Field(() => Int) requiredTotal: number;
  @Field(() => Int, { description: 'Unmet requirements' }) gapCount: number;
  @Field(() => [StandingGapModel], { description: "Every unmet requirement; remedies by id (the standing's remedies list)" }) gaps: StandingGapModel[];
  @Field(() => [RequirementStandingModel], { description: 'Every requirement, met or not; explainCandidate shows the evidence behind each' })
  requirements: RequirementStandingModel[];
  @Field(() => ServiceExplanationModel, { nullable: true }) yearsOfService: ServiceExplanationModel | null;
}

@ObjectType('EducatorStanding', { description: 'Where one educator stands for the open roles, one page of roles at a time' })
export class EducatorStandingModel {
  @Field(() => ID) educatorId: string;
  @Field(() => Int) policyVersion: number;
  @Field() asOf: string;
  @Field(() => Int, { description: 'Open roles the educator qualifies for (all of them, not only this page)' }) qualifiedCount: number;
  @Field(() => Int, { description: 'Open roles in the list asked for (all pages)' }) totalCount: number;
  @Field(() => PageInfo, { description: 'Paging through the roles' }) pageInfo: PageInfo;
  @Field(() => [RoleStandingModel], { description: 'This page of roles: qualified first, then by score, title and id' }) roles: RoleStandingModel[];
  @Field(() => [GapRemedyModel], { description: "Each remedy named by this page's gaps, once" }) remedies: GapRemedyModel[];
}
