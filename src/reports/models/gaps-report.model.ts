import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GapReason, ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('BuildingLevelShare')
export class BuildingLevelShareModel {
  @Field(() => ReportBuildingModel) building: ReportBuildingModel;
  @Field(() => Int, { nullable: true, description: 'Educators on staff on the as-of day (the denominator) (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educators: number | null;
  @Field(() => Int, { nullable: true, description: 'Educators at or above the level (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) atLevel: number | null;
  @Field(() => Float, { nullable: true, description: 'atLevel / educators; null when there are no educators' }) share: number | null;
  @Field(() => GapReason, { nullable: true, description: 'Why this building is a gap; null when it is not' }) gap: GapReason | null;
}

@ObjectType('CoverageSpread')
export class CoverageSpreadModel {
  @Field(() => BuildingLevelShareModel) best: BuildingLevelShareModel;
  @Field(() => BuildingLevelShareModel) worst: BuildingLevelShareModel;
  @Field(() => Float, { description: 'best.share - worst.share' }) spread: number;
}

@ObjectType('CompetencyGaps')
export class CompetencyGapsModel {
  @Field(() => ReportCompetencyModel) competency: ReportCompetencyModel;
  @Field(() => [BuildingLevelShareModel], { description: 'Every selected building, by building code' }) buildings: BuildingLevelShareModel[];
  @Field(() => [BuildingLevelShareModel], { description: 'The gaps only: lowest share first (no educators last), then code' }) gaps: BuildingLevelShareModel[];
  @Field(() => CoverageSpreadModel, { nullable: true, description: 'Null when no selected building has educators' }) spread: CoverageSpreadModel | null;
}

@ObjectType('GapsReport', { description: 'Buildings with nobody, or too few, at a level; and the spread between buildings' })
export class GapsReportModel {
  @Field(() => ReportBasisModel) basis: ReportBasisModel;
  @Field(() => Int) level: number;
  @Field(() => Float) threshold: number;
  @Field(() => [CompetencyGapsModel]) competencies: CompetencyGapsModel[];
}
