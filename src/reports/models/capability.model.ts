import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

export enum CapabilityGapReason {
  NOBODY = 'NOBODY',
  SPLIT = 'SPLIT',
  BELOW_THRESHOLD = 'BELOW_THRESHOLD',
}

registerEnumType(CapabilityGapReason, {
  name: 'CapabilityGapReason',
  valuesMap: {
    NOBODY: { description: 'Nobody holds the whole capability, and some part is held by nobody either (empty buildings included)' },
    SPLIT: { description: 'Every part is held by someone on staff, but nobody holds the whole capability' },
    BELOW_THRESHOLD: { description: 'Some hold the whole capability, but fewer than the threshold share' },
  },
});

@ObjectType('CapabilityComponent')
export class CapabilityComponentModel {
  @Field(() => ReportCompetencyModel) competency: ReportCompetencyModel;
  @Field(() => Int) minLevel: number;
}

@ObjectType('Capability', { description: 'A named set of competencies at levels, saved by HR' })
export class CapabilityModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field() description: string;
  @Field(() => [CapabilityComponentModel]) components: CapabilityComponentModel[];
  @Field(() => Int) version: number;
}

@ObjectType('CapabilityComponentHolders')
export class CapabilityComponentHoldersModel {
  @Field(() => ID) competencyId: string;
  @Field(() => Int) minLevel: number;
  @Field(() => Int, { nullable: true, description: 'Staff holding this part at its level or above (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) holders: number | null;
}

@ObjectType('CapabilityCount')
export class CapabilityCountModel {
  @Field(() => Int, { nullable: true, description: 'Staff on the day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educators: number | null;
  @Field(() => Int, { nullable: true, description: 'Of them, those holding every part (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) covered: number | null;
  @Field(() => Float, { nullable: true }) share: number | null;
}

@ObjectType('BuildingCapability')
export class BuildingCapabilityModel extends CapabilityCountModel {
  @Field(() => ReportBuildingModel) building: ReportBuildingModel;
  @Field(() => [CapabilityComponentHoldersModel]) components: CapabilityComponentHoldersModel[];
  @Field({ description: 'Each part is held by someone, but nobody holds the whole' }) split: boolean;
  @Field(() => CapabilityGapReason, { nullable: true }) gap: CapabilityGapReason | null;
}

@ObjectType('CapabilityCoverageReport')
export class CapabilityCoverageReportModel {
  @Field(() => ReportBasisModel) basis: ReportBasisModel;
  @Field(() => CapabilityModel) capability: CapabilityModel;
  @Field(() => Float) threshold: number;
  @Field(() => CapabilityCountModel) total: CapabilityCountModel;
  @Field(() => [BuildingCapabilityModel], { description: 'Every selected building, zeros included, by code' }) buildings: BuildingCapabilityModel[];
}

@ObjectType('CapabilityTrendPoint')
export class CapabilityTrendPointModel {
  @Field() asOf: string;
  @Field(() => CapabilityCountModel) total: CapabilityCountModel;
  @Field(() => [BuildingCapabilityModel]) buildings: BuildingCapabilityModel[];
}

@ObjectType('CapabilityTrendReport', { description: 'Coverage of a capability by building, at month ends for the last 12 months' })
export class CapabilityTrendReportModel {
  @Field(() => ReportBasisModel, { description: 'asOf is the last point' }) basis: ReportBasisModel;
  @Field(() => CapabilityModel) capability: CapabilityModel;
  @Field(() => [CapabilityTrendPointModel], { description: 'Oldest first: the last day of each of the 11 months before asOf, then asOf' })
  points: CapabilityTrendPointModel[];
}

@ObjectType('CommitmentHolder')
export class CommitmentHolderModel {
  @Field(() => ID) educatorId: string;
  @Field() fullName: string;
  @Field(() => Int) commitments: number;
  @Field(() => Float) roleFte: number;
}

@ObjectType('BuildingCommitmentConcentration')
export class BuildingCommitmentConcentrationModel {
  @Field(() => ReportBuildingModel) building: ReportBuildingModel;
  @Field(() => Int, { nullable: true, description: 'Staff on the day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educators: number | null;
  @Field(() => Int, { nullable: true, description: 'Hybrid commitments active on the day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) commitments: number | null;
  @Field(() => Int, { nullable: true, description: 'Educators carrying at least one (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educatorsCommitted: number | null;
  @Field(() => [CommitmentHolderModel], { description: 'The 3 carrying most (commitments, then FTE); empty for district leaders, who see no names' }) topThree: CommitmentHolderModel[];
  @Field(() => Int, { nullable: true }) topThreeCommitments: number | null;
  @Field(() => Float, { nullable: true, description: 'topThreeCommitments / commitments; null with none' }) topThreeShare: number | null;
  @Field(() => Float, { nullable: true, description: 'Null for leaders when a count beside it is hidden' }) totalRoleFte: number | null;
  @Field(() => Float, { nullable: true, description: 'Null for leaders when a count beside it is hidden' }) topThreeRoleFte: number | null;
  @Field(() => Float, { nullable: true }) topThreeFteShare: number | null;
}

@ObjectType('CommitmentConcentrationReport', { description: 'How much of each building\'s hybrid work its top 3 educators carry' })
export class CommitmentConcentrationReportModel {
  @Field(() => ReportBasisModel) basis: ReportBasisModel;
  @Field(() => [BuildingCommitmentConcentrationModel]) buildings: BuildingCommitmentConcentrationModel[];
}
