import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

export enum CapabilityGapReason {
  NOBODY = 'NOBODY',
  SPLIT = 'SPLIT',
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
}

registerEnumType(CapabilityGapReason, {
  name: 'CapabilityGapReason',
  description: 'Why a building counts as a gap for a capability',
  valuesMap: {
    NOBODY: { description: 'Nobody holds the whole capability, and some part is held by nobody either (empty buildings included)' },
    SPLIT: { description: 'Every part is held by someone on staff, but nobody holds the whole capability' },
    BELOW_THRESHOLD: { description: 'Some hold the whole capability, but fewer than the threshold share' },
  },
});

@ObjectType('CapabilityComponent', { description: 'One part of a capability: a competency at a minimum level' })
export class CapabilityComponentModel {
  @Field(() => ReportCompetencyModel, { description: 'The competency' }) competency: ReportCompetencyModel;
  @Field(() => Int, { description: 'Held at or above this level (1-4) to count' }) minLevel: number;
}

@ObjectType('Capability', { description: 'A named set of competencies at levels, saved by HR' })
export class CapabilityModel {
  @Field(() => ID, { description: "The capability's id" }) id: string;
  @Field({ description: 'Its short code, e.g. AI-TOOL-REVIEW; reports can ask for it by code' }) code: string;
  @Field({ description: 'What it is called' }) name: string;
  @Field({ description: 'What it is for; may be empty' }) description: string;
  @Field(() => [CapabilityComponentModel], {
    description: 'The competencies at levels that someone must hold, all of them, to have the capability',
  })
  components: CapabilityComponentModel[];
  @Field(() => Int, { description: 'Increases with every change; send it back when you change or delete the capability' }) version: number;
}

@ObjectType('CapabilityComponentHolders', { description: 'How many in a building hold one part of a capability' })
export class CapabilityComponentHoldersModel {
  @Field(() => ID, { description: "The part's competency" }) competencyId: string;
  @Field(() => Int, { description: 'The level the part asks for' }) minLevel: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Staff holding this part at its level or above (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  holders: number | null;
}

@ObjectType('CapabilityCount', { description: 'How many educators hold a whole capability' })
export class CapabilityCountModel {
  @Field(() => Int, {
    nullable: true,
    description: 'Staff on the day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Of them, those holding every part (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  covered: number | null;
  @Field(() => Float, { nullable: true, description: 'Covered / educators, 0-1; null when there are no educators or a count is hidden' })
  share: number | null;
}

@ObjectType('BuildingCapability', { description: 'How many in one building hold a capability, part by part and whole' })
export class BuildingCapabilityModel extends CapabilityCountModel {
  @Field(() => ReportBuildingModel, { description: 'The building' }) building: ReportBuildingModel;
  @Field(() => [CapabilityComponentHoldersModel], { description: "Holders of each part, in the capability's order" })
  components: CapabilityComponentHoldersModel[];
  @Field({ description: 'Each part is held by someone, but nobody holds the whole' }) split: boolean;
  @Field(() => CapabilityGapReason, { nullable: true, description: 'Why the building is a gap for this capability; null when it is not' })
  gap: CapabilityGapReason | null;
}

@ObjectType('CapabilityCoverageReport', { description: 'How many educators hold a whole capability, in the district and in each building' })
export class CapabilityCoverageReportModel {
  @Field(() => ReportBasisModel, { description: 'How the report was computed: as-of day, what counted, hidden small counts' })
  basis: ReportBasisModel;
  @Field(() => CapabilityModel, { description: 'The capability reported on' }) capability: CapabilityModel;
  @Field(() => Float, { description: 'The share (0-1) under which a building is a gap; 0 means only buildings where nobody holds it' })
  threshold: number;
  @Field(() => CapabilityCountModel, { description: 'All selected buildings together' }) total: CapabilityCountModel;
  @Field(() => [BuildingCapabilityModel], { description: 'Every selected building, zeros included, by code' })
  buildings: BuildingCapabilityModel[];
}

@ObjectType('CapabilityTrendPoint', { description: 'Coverage of a capability on one day' })
export class CapabilityTrendPointModel {
  @Field({ description: "The day (YYYY-MM-DD): a month end, or the report's as-of day for the last point" }) asOf: string;
  @Field(() => CapabilityCountModel, { description: 'All selected buildings together on that day' }) total: CapabilityCountModel;
  @Field(() => [BuildingCapabilityModel], { description: 'Each selected building on that day, by building code' })
  buildings: BuildingCapabilityModel[];
}

@ObjectType('CapabilityTrendReport', { description: 'Coverage of a capability by building, at month ends for the last 12 months' })
export class CapabilityTrendReportModel {
  @Field(() => ReportBasisModel, { description: 'How the report was computed; its asOf is the last point' }) basis: ReportBasisModel;
  @Field(() => CapabilityModel, { description: 'The capability reported on' }) capability: CapabilityModel;
  @Field(() => [CapabilityTrendPointModel], { description: 'Oldest first: the last day of each of the 11 months before asOf, then asOf' })
  points: CapabilityTrendPointModel[];
}

@ObjectType('CommitmentHolder', { description: 'An educator carrying many hybrid commitments in a building' })
export class CommitmentHolderModel {
  @Field(() => ID, { description: 'The educator' }) educatorId: string;
  @Field({ description: 'Their name' }) fullName: string;
  @Field(() => Int, { description: 'Hybrid commitments active on the as-of day' }) commitments: number;
  @Field(() => Float, { description: 'Their total role FTE in those commitments (e.g. 0.4 = two days a week)' }) roleFte: number;
}

@ObjectType('BuildingCommitmentConcentration', { description: "How much of one building's hybrid work its top 3 educators carry" })
export class BuildingCommitmentConcentrationModel {
  @Field(() => ReportBuildingModel, { description: 'The building' }) building: ReportBuildingModel;
  @Field(() => Int, {
    nullable: true,
    description: 'Staff on the day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Hybrid commitments active on the day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  commitments: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Educators carrying at least one (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educatorsCommitted: number | null;
  @Field(() => [CommitmentHolderModel], {
    description: 'The 3 carrying most (commitments, then FTE); empty for district leaders, who see no names',
  })
  topThree: CommitmentHolderModel[];
  @Field(() => Int, { nullable: true, description: 'Commitments carried by the top 3; null for leaders when a count beside it is hidden' })
  topThreeCommitments: number | null;
  @Field(() => Float, { nullable: true, description: 'TopThreeCommitments / commitments, 0-1; null with none' }) topThreeShare:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Null for leaders when a count beside it is hidden' }) totalRoleFte: number | null;
  @Field(() => Float, { nullable: true, description: 'Null for leaders when a count beside it is hidden' }) topThreeRoleFte: number | null;
  @Field(() => Float, { nullable: true, description: 'TopThreeRoleFte / totalRoleFte, 0-1; null with none or when hidden' })
  topThreeFteShare: number | null;
}

@ObjectType('CommitmentConcentrationReport', { description: "How much of each building's hybrid work its top 3 educators carry" })
export class CommitmentConcentrationReportModel {
  @Field(() => ReportBasisModel, { description: 'How the report was computed: as-of day, building filter, hidden small counts' })
  basis: ReportBasisModel;
  @Field(() => [BuildingCommitmentConcentrationModel], { description: 'Every selected building, by building code' })
  buildings: BuildingCommitmentConcentrationModel[];
}
