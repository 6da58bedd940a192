import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../common/pagination.js';
import { EVIDENCE_KINDS } from '../domain/evidence-rules.js';

@ObjectType('EvidenceCredit', { description: 'One evidence item behind a requirement, with the factors applied to it' })
export class EvidenceCreditModel {
  @Field(() => ID, { description: 'The evidence item' }) evidenceId: string;
  @Field({ description: `${EVIDENCE_KINDS.slice(0, -1).join(', ')} or ${EVIDENCE_KINDS[EVIDENCE_KINDS.length - 1]}` }) kind: string;
  @Field(() => String, { nullable: true, description: 'LEAD, CO_LEAD or MEMBER for pilots' }) pilotPart: string | null;
  @Field({ description: 'The kind as the policy weighs it, e.g. PILOT_LEAD' }) scoringKind: string;
  @Field({ description: 'Its title' }) title: string;
  @Field({ description: 'VERIFIED, ENDORSED or SELF_REPORTED' }) status: string;
  @Field({
    description:
      "Trusted enough (at or above the policy's qualifying status) to meet the requirement; untrusted evidence earns reduced points only",
  })
  trusted: boolean;
  @Field(() => String, { nullable: true, description: 'When the work started (YYYY-MM-DD); null when not given' }) startedOn: string | null;
  @Field(() => String, { nullable: true, description: 'When it ended (YYYY-MM-DD); null when not given or ongoing' }) endedOn:
    string | null;
  @Field(() => String, { nullable: true, description: 'For a certification, when it was issued (YYYY-MM-DD)' }) issuedOn: string | null;
  @Field(() => String, { nullable: true, description: 'For a certification, when it expires (YYYY-MM-DD); null when it does not' })
  expiresOn: string | null;
  @Field({ description: 'Expired evidence is listed but earns nothing' }) expired: boolean;
  @Field(() => Int, { description: 'The level the evidence claims' }) claimedLevel: number;
  @Field(() => Int, { description: 'The level it counts for (attendance is capped)' }) countedLevel: number;
  @Field({ description: "True when the claimed level was cut to the policy's attendance cap" }) cappedByAttendance: boolean;
  @Field(() => Float, { description: 'How much this kind of evidence counts under the policy, 0-1' }) kindWeight: number;
  @Field(() => Float, { description: 'How much its verification status counts under the policy, 0-1' }) verificationFactor: number;
  @Field(() => Float, { description: 'How much of its weight it keeps for its age, 0-1 (1 for kinds that do not age)' }) ageFactor: number;
  @Field(() => Float, { description: 'Min(1, counted level / required level)' }) levelFactor: number;
  @Field(() => Float, { description: 'Kind weight x verification x age x level, in thousandths' }) credit: number;
  @Field(() => Int, {
    description: "This item's share of the requirement's points: the strongest counts in full, the others add a quarter of their credit",
  })
  points: number;
}

@ObjectType('RequirementExplanation', { description: 'How one requirement of the role scored for the candidate, evidence by evidence' })
export class RequirementExplanationModel {
  @Field(() => ID, { description: "The role requirement's id" }) requirementId: string;
  @Field(() => ID, { description: 'The required competency' }) competencyId: string;
  @Field({ description: 'Its code within its framework' }) competencyCode: string;
  @Field({ description: 'Its name' }) competencyName: string;
  @Field({ description: 'REQUIRED (gates qualification) or PREFERRED' }) kind: string;
  @Field(() => Float, { description: "The requirement's relative weight in the role" }) weight: number;
  @Field(() => Int, { description: 'The most this requirement can add to the score: round(weight x 100)' }) maxPoints: number;
  @Field(() => Int, { description: 'The level the role asks for' }) requiredLevel: number;
  @Field(() => Int, { description: '0 when nothing counts' }) demonstratedLevel: number;
  @Field({ description: 'True when trusted evidence shows the required level (for REQUIRED ones, needed to qualify)' }) met: boolean;
  @Field(() => Int, { description: 'The highest level shown by evidence not yet trusted enough to meet a requirement (0 with none)' })
  untrustedLevel: number;
  @Field({ description: 'Not met, but verifying (or endorsing) evidence already held would meet it' }) metOnceVerified: boolean;
  @Field(() => [ID], { description: 'The evidence whose verification would meet the requirement' }) metOnceVerifiedEvidenceIds: string[];
  @Field(() => Int, { description: 'Points toward the score; the contributions add up to the score exactly' }) contribution: number;
  @Field({ description: 'The same in plain words' }) summary: string;
  @Field(() => [EvidenceCreditModel], { description: 'Every evidence item claiming the competency, strongest credit first' })
  evidence: EvidenceCreditModel[];
}

@ObjectType('ServiceExplanation', { description: 'Shown only when the role asks for a minimum number of years of service' })
export class ServiceExplanationModel {
  @Field(() => Int, { description: 'The years of service the role asks for' }) minYears: number;
  @Field(() => Int, { description: "The educator's whole years of service on the as-of day" }) years: number;
  @Field({ description: 'True when they have at least the years asked for' }) met: boolean;
  @Field({ description: 'The same in plain words' }) summary: string;
}

@ObjectType('CandidateExplanation', { description: "One educator's standing for one role, explained" })
export class CandidateExplanationModel {
  @Field(() => ID, { description: 'The role' }) roleId: string;
  @Field(() => ID, { description: 'The candidate' }) educatorId: string;
  @Field({ description: "The candidate's name" }) fullName: string;
  @Field(() => ID, { description: "The candidate's building" }) buildingId: string;
  @Field(() => Int, { description: "Points earned, 0 to maxScore: the sum of the requirements' contributions" }) score: number;
  @Field(() => Int, { description: "The most any candidate can score for this role (the requirements' maxPoints added up)" })
  maxScore: number;
  @Field({ description: 'True when every REQUIRED requirement is met (and years of service, when asked for)' }) qualified: boolean;
  @Field(() => Int, { description: 'REQUIRED requirements met' }) requiredMet: number;
  @Field(() => Int, { description: 'REQUIRED requirements the role has' }) requiredTotal: number;
  @Field({ description: 'Active hybrid commitments at or above the overextension threshold' }) overextended: boolean;
  @Field(() => Float, { description: 'Total role FTE of active hybrid commitments' }) commitmentsFte: number;
  @Field({ description: 'The standing in plain words, for a panel or the candidate' }) summary: string;
  @Field(() => [RequirementExplanationModel], { description: "Every requirement of the role, in the role's order" })
  requirements: RequirementExplanationModel[];
  @Field(() => ServiceExplanationModel, {
    nullable: true,
    description: "Years of service against the role's minimum; null when the role sets none",
  })
  yearsOfService: ServiceExplanationModel | null;
  @Field(() => Int, { description: 'The scoring policy version that computed the score' }) policyVersion: number;
  @Field({ description: 'The day the evidence was counted for' }) asOf: string;
}

@ObjectType('RankedCandidate', { description: "A candidate in a role's ranking, with their place and the explanation of their score" })
export class RankedCandidateModel extends CandidateExplanationModel {
  @Field(() => Int, { description: '1 = first. Candidates with the same qualification and score share a rank ("1, 2, 2, 4")' })
  rank: number;
  @Field({ description: 'Another candidate shares this rank; inside a tie the order follows the policy tie-break, then the educator id' })
  tied: boolean;
  @Field(() => Int, { description: 'Place in the list (1 = first), unique and deterministic even inside a tie' }) position: number;
}

@ObjectType('RoleRanking', { description: "A role's candidates in rank order, paged" })
export class RoleRankingModel {
  @Field(() => ID, { description: 'The role' }) roleId: string;
  @Field({ description: 'Its title' }) roleTitle: string;
  @Field(() => Int, { description: 'The scoring policy version that computed the scores' }) policyVersion: number;
  @Field({ description: 'The day the evidence was counted for (YYYY-MM-DD)' }) asOf: string;
  @Field(() => Float, { description: 'Candidates with active hybrid commitments at or above this role FTE are flagged overextended' })
  overextensionFteThreshold: number;
  @Field(() => Int, { description: 'The most any candidate can score for this role' }) maxScore: number;
  @Field(() => Int, { description: 'Candidates matching the filters' }) totalCount: number;
  @Field(() => Int, { description: 'Qualified candidates in scope (whatever qualifiedOnly says)' }) qualifiedCount: number;
  @Field(() => [RankedCandidateModel], { description: 'This page of candidates, qualified first, then by score and tie-break' })
  nodes: RankedCandidateModel[];
  @Field(() => PageInfo, { description: 'Whether more candidates follow, and the cursor to fetch them' }) pageInfo: PageInfo;
}

@ObjectType('GapRemedy', { description: 'A kind of evidence that, at this level or above, would close a gap' })
export class GapRemedyModel {
  @Field(() => ID, { description: 'Stable for a kind and level: a standing lists each remedy once and its gaps refer to it by this id' })
  id: string;
  @Field({ description: 'The evidence kind, e.g. PILOT or CERTIFICATION' }) kind: string;
  @Field(() => String, {
    nullable: true,
    description: 'For a pilot, the part the educator would take (LEAD, CO_LEAD or MEMBER); null otherwise',
  })
  pilotPart: string | null;
  @Field({ description: 'The kind as the policy weighs it, e.g. PILOT_LEAD' }) scoringKind: string;
  @Field(() => Int, { description: 'The level the new evidence must show (and have verified)' }) level: number;
  @Field(() => Float, { description: 'How much this kind counts under the policy, 0-1' }) kindWeight: number;
}

/** What every unmet requirement says, in an explanation and in a standing alike; they differ in how remedies are given. */
@ObjectType({ isAbstract: true })
abstract class GapFields {
  @Field(() => ID, { description: "The role requirement's id" }) requirementId: string;
  @Field(() => ID, { description: 'The required competency' }) competencyId: string;
  @Field({ description: 'Its code within its framework' }) competencyCode: string;
  @Field({ description: 'Its name' }) competencyName: string;
  @Field({ description: 'REQUIRED (gates qualification) or PREFERRED (adds to the score)' }) kind: string;
  @Field(() => Int, { description: "The highest level the educator's trusted evidence shows now (0 with none)" }) levelHeld: number;
  @Field(() => Int, { description: 'The level the role asks for' }) levelNeeded: number;
  @Field(() => [ID], { description: 'Expired evidence that showed the needed level: renewing it would close the gap' })
  renewableEvidenceIds: string[];
  @Field({ description: 'Verifying (or endorsing) evidence already held would close the gap' }) metOnceVerified: boolean;
  @Field(() => [ID], { description: 'The evidence whose verification would close the gap' }) metOnceVerifiedEvidenceIds: string[];
  @Field({ description: 'The gap and how to close it, in plain words' }) summary: string;
}

@ObjectType('RequirementGap', { description: 'An unmet requirement of a role, with the kinds of evidence that would close it' })
export class RequirementGapModel extends GapFields {
  @Field(() => [GapRemedyModel], { description: 'Strongest-weighted first; attendance only where its cap allows' }) ways: GapRemedyModel[];
}

@ObjectType('StandingGap', {
  description: 'An unmet requirement in a standing; its remedies are listed once in the standing and referred to by id',
})
export class StandingGapModel extends GapFields {
  @Field(() => [ID], { description: "Ids of the standing's remedies that would close the gap, strongest-weighted first" })
  remedyIds: string[];
}

@ObjectType('RequirementStanding', {
  description: 'One requirement of a role against what an educator demonstrates (explainCandidate has the evidence)',
})
export class RequirementStandingModel {
  @Field(() => ID, { description: "The role requirement's id" }) requirementId: string;
  @Field(() => ID, { description: 'The required competency' }) competencyId: string;
  @Field({ description: 'Its code within its framework' }) competencyCode: string;
  @Field({ description: 'Its name' }) competencyName: string;
  @Field({ description: 'REQUIRED (gates qualification) or PREFERRED (adds to the score)' }) kind: string;
  @Field(() => Int, { description: 'The level the role asks for' }) requiredLevel: number;
  @Field(() => Int, { description: 'The highest level trusted evidence shows (0 with none)' }) demonstratedLevel: number;
  @Field({ description: 'True when the demonstrated level reaches the required level' }) met: boolean;
  @Field(() => Int, { description: 'The highest level shown by evidence not yet trusted enough to meet a requirement (0 with none)' })
  untrustedLevel: number;
  @Field({ description: 'Not met, but verifying (or endorsing) evidence already held would meet it' }) metOnceVerified: boolean;
  @Field(() => [ID], { description: 'The evidence whose verification would meet the requirement' }) metOnceVerifiedEvidenceIds: string[];
  @Field(() => Int, { description: 'Points this requirement adds to the score' }) contribution: number;
  @Field(() => Int, { description: 'The most it can add: round(weight x 100)' }) maxPoints: number;
}

@ObjectType('RoleStanding', { description: 'Where an educator stands for one open role' })
export class RoleStandingModel {
  @Field(() => ID, { description: 'The role' }) roleId: string;
  @Field({ description: 'The role title as posted' }) roleTitle: string;
  @Field(() => ID, { nullable: true, description: 'Its building; null for a district-wide role' }) buildingId: string | null;
  @Field(() => Float, { description: 'Its share of a full-time post, e.g. 0.4' }) roleFte: number;
  @Field(() => String, { nullable: true, description: 'Last day to apply (YYYY-MM-DD); null when open-ended' }) closingDate: string | null;
  @Field({ description: 'True when every REQUIRED requirement is met' }) qualified: boolean;
  @Field(() => Int, { description: 'Points earned, 0 to maxScore' }) score: number;
  @Field(() => Int, { description: 'The most anyone can score for the role' }) maxScore: number;
  @Field(() => Int, { description: 'REQUIRED requirements met' }) requiredMet: number;
  @Field(() => Int, { description: 'REQUIRED requirements the role has' }) requiredTotal: number;
  @Field(() => Int, { description: 'Unmet requirements' }) gapCount: number;
  @Field(() => [StandingGapModel], { description: "Every unmet requirement; remedies by id (the standing's remedies list)" })
  gaps: StandingGapModel[];
  @Field(() => [RequirementStandingModel], {
    description: 'Every requirement, met or not; explainCandidate shows the evidence behind each',
  })
  requirements: RequirementStandingModel[];
  @Field(() => ServiceExplanationModel, {
    nullable: true,
    description: "Years of service against the role's minimum; null when the role sets none",
  })
  yearsOfService: ServiceExplanationModel | null;
}

@ObjectType('EducatorStanding', { description: 'Where one educator stands for the open roles, one page of roles at a time' })
export class EducatorStandingModel {
  @Field(() => ID, { description: 'The educator' }) educatorId: string;
  @Field(() => Int, { description: 'The scoring policy version used' }) policyVersion: number;
  @Field({ description: 'The day the evidence was counted for (YYYY-MM-DD)' }) asOf: string;
  @Field(() => String, {
    nullable: true,
    description: 'The leaving date when it has come (YYYY-MM-DD): a leaver holds no standing from that day, so roles is empty',
  })
  leftOn: string | null;
  @Field(() => Int, { description: 'Open roles the educator qualifies for (all of them, not only this page)' }) qualifiedCount: number;
  @Field(() => Int, { description: 'Open roles in the list asked for (all pages)' }) totalCount: number;
  @Field(() => PageInfo, { description: 'Paging through the roles' }) pageInfo: PageInfo;
  @Field(() => [RoleStandingModel], { description: 'This page of roles: qualified first, then by score, title and id' })
  roles: RoleStandingModel[];
  @Field(() => [GapRemedyModel], { description: "Each remedy named by this page's gaps, once" }) remedies: GapRemedyModel[];
}
