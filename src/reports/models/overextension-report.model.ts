import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel } from './report-common.model.js';

@ObjectType('ReportCommitment', { description: "A hybrid commitment counted towards someone's load" })
export class ReportCommitmentModel {
  @Field(() => ID, { nullable: true, description: 'Null for a commitment made outside Pathways' }) roleId: string | null;
  @Field({ description: "The hybrid role's title" }) roleTitle: string;
  @Field(() => Float, { description: 'Its share of a full-time post, e.g. 0.4' }) roleFte: number;
  @Field({ description: 'First day (YYYY-MM-DD)' }) startsOn: string;
  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD); null when open-ended' }) endsOn: string | null;
}

@ObjectType('OverextendedEducator', { description: 'An educator whose active hybrid commitments reach the FTE threshold' })
export class OverextendedEducatorModel {
  @Field(() => ID, { description: 'The educator' }) educatorId: string;
  @Field({ description: 'Their name' }) fullName: string;
  @Field(() => ReportBuildingModel, { description: 'Their building on the as-of day' }) building: ReportBuildingModel;
  @Field(() => Float, { description: 'Role FTE of the hybrid commitments active on the as-of day' }) totalRoleFte: number;
  @Field(() => [ReportCommitmentModel], { description: 'The active commitments that add up to totalRoleFte' })
  commitments: ReportCommitmentModel[];
}

@ObjectType('ExpertHolder', { description: "One of the people holding most of a building's expert evidence" })
export class ExpertHolderModel {
  @Field(() => ID, { description: 'The educator' }) educatorId: string;
  @Field({ description: 'Their name' }) fullName: string;
  @Field(() => Int, { description: 'Level-3+ evidence items this person holds' }) evidence: number;
}

@ObjectType('ExpertiseConcentration', { description: "Whether a building's level-3+ expertise sits with a few people" })
export class ExpertiseConcentrationModel {
  @Field(() => ReportBuildingModel, { description: 'The building' }) building: ReportBuildingModel;
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators on staff on the as-of day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Evidence items that count and show level 3 or higher (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  expertEvidence: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators holding at least one such item (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  holders: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Items held by the 3 people holding most (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  topThreeEvidence: number | null;
  @Field(() => Float, { nullable: true, description: 'TopThreeEvidence / expertEvidence, 0-1; null when there is none' }) topThreeShare:
    number | null;
  @Field({ description: 'More than 3 educators and the top-3 share above the concentration threshold' }) concentrated: boolean;
  @Field(() => [ExpertHolderModel], { description: 'The top 3, most first (ties by name)' }) topHolders: ExpertHolderModel[];
}

@ObjectType('OverextensionReport', { description: 'People carrying too much, and buildings leaning on a few people' })
export class OverextensionReportModel {
  @Field(() => ReportBasisModel, {
    description: 'How the report was computed: as-of day, statuses that counted, policy version, hidden small counts',
  })
  basis: ReportBasisModel;
  @Field(() => Float, { description: 'Total active role FTE at or above this flags a person (policy, else deployment setting)' })
  fteThreshold: number;
  @Field(() => Float, { description: 'A building whose top 3 hold more than this share (0-1) of its expert evidence is concentrated' })
  concentrationThreshold: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators at or over the threshold (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  overextendedCount: number | null;
  @Field(() => [OverextendedEducatorModel], {
    description: 'Most role FTE first, then name; empty for district leaders, who see no names (overextendedCount instead)',
  })
  educators: OverextendedEducatorModel[];
  @Field(() => [ExpertiseConcentrationModel], { description: 'Every selected building, by building code' })
  buildings: ExpertiseConcentrationModel[];
}
