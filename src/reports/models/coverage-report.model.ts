import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('CoverageCount')
export class CoverageCountModel {
  @Field(() => Int, { nullable: true, description: 'Educators on staff on the as-of day (the denominator) (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' })
  educators: number | null;

  @Field(() => Int, { nullable: true, description: 'Of them, those demonstrating every competency at or above the level (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' })
  covered: number | null;

  @Field(() => Float, { nullable: true, description: 'covered / educators; null when there are no educators' })
  share: number | null;
}

@ObjectType('BuildingCoverage')
export class BuildingCoverageModel extends CoverageCountModel {
  @Field(() => ReportBuildingModel)
  building: ReportBuildingModel;
}

@ObjectType('CoverageReport', { description: 'How many educators demonstrate all of a set of competencies at a level' })
export class CoverageReportModel {
  @Field(() => ReportBasisModel) basis: ReportBasisModel;
  @Field(() => Int) minLevel: number;
  @Field(() => [ReportCompetencyModel]) competencies: ReportCompetencyModel[];
  @Field(() => CoverageCountModel, { description: 'All selected buildings together (the whole district without a filter)' })
  total: CoverageCountModel;
  @Field(() => [BuildingCoverageModel], { description: 'Every selected building, zeros included, by building code' })
  buildings: BuildingCoverageModel[];
}
