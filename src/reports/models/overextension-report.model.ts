import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel } from './report-common.model.js';

@ObjectType('ReportCommitment')
export class ReportCommitmentModel {
  @Field(() => ID, { nullable: true, description: 'Null for a commitment made outside Pathways' }) roleId: string | null;
  @Field() roleTitle: string;
  @Field(() => Float) roleFte: number;
  @Field() startsOn: string;
  @Field(() => String, { nullable: true }) endsOn: string | null;
}

@ObjectType('OverextendedEducator')
export class OverextendedEducatorModel {
  @Field(() => ID) educatorId: string;
  @Field() fullName: string;
  @Field(() => ReportBuildingModel) building: ReportBuildingModel;
  @Field(() => Float, { description: 'Role FTE of the hybrid commitments active on the as-of day' }) totalRoleFte: number;
  @Field(() => [ReportCommitmentModel]) commitments: ReportCommitmentModel[];
}

@ObjectType('ExpertHolder')
export class ExpertHolderModel {
  @Field(() => ID) educatorId: string;
  @Field() fullName: string;
  @Field(() => Int, { description: 'Level-3+ evidence items this person holds' }) evidence: number;
}

@ObjectType('ExpertiseConcentration')
export class ExpertiseConcentrationModel {
  @Field(() => ReportBuildingModel) building: ReportBuildingModel;
  @Field(() => Int, { nullable: true, description: 'Educators on staff on the as-of day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educators: number | null;
  @Field(() => Int, { nullable: true, description: 'Evidence items that count and show level 3 or higher (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) expertEvidence: number | null;
  @Field(() => Int, { nullable: true, description: 'Educators holding at least one such item (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) holders: number | null;
  @Field(() => Int, { nullable: true, description: 'Items held by the 3 people holding most (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) topThreeEvidence: number | null;
  @Field(() => Float, { nullable: true, description: 'topThreeEvidence / expertEvidence; null when there is none' }) topThreeShare: number | null;
  @Field({ description: 'More than 3 educators and the top-3 share above the concentration threshold' }) concentrated: boolean;
  @Field(() => [ExpertHolderModel], { description: 'The top 3, most first (ties by name)' }) topHolders: ExpertHolderModel[];
}

@ObjectType('OverextensionReport', { description: 'People carrying too much, and buildings leaning on a few people' })
export class OverextensionReportModel {
  @Field(() => ReportBasisModel) basis: ReportBasisModel;
  @Field(() => Float, { description: 'Total active role FTE at or above this flags a person (policy, else deployment setting)' }) fteThreshold: number;
  @Field(() => Float) concentrationThreshold: number;
  @Field(() => Int, { nullable: true, description: 'Educators at or over the threshold (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' })
  overextendedCount: number | null;
  @Field(() => [OverextendedEducatorModel], { description: 'Most role FTE first, then name; empty for district leaders, who see no names (overextendedCount instead)' }) educators: OverextendedEducatorModel[];
  @Field(() => [ExpertiseConcentrationModel], { description: 'Every selected building, by building code' }) buildings: ExpertiseConcentrationModel[];
}
