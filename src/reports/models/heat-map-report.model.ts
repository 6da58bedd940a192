import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('LevelCount')
export class LevelCountModel {
  @Field(() => Int) level: number;
  @Field(() => Int, { nullable: true, description: 'Educators at or above this level (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educators: number | null;
}

@ObjectType('HeatMapCell')
export class HeatMapCellModel {
  @Field(() => ID) competencyId: string;
  @Field() competencyCode: string;
  @Field(() => [LevelCountModel], { description: 'Levels 1 to 4, in order' }) atOrAbove: LevelCountModel[];
}

@ObjectType('HeatMapTotal')
export class HeatMapTotalModel {
  @Field(() => Int, { nullable: true, description: 'Educators on staff on the as-of day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educators: number | null;
  @Field(() => [HeatMapCellModel], { description: 'One cell per competency, in the order of `competencies`' }) cells: HeatMapCellModel[];
}

@ObjectType('HeatMapRow')
export class HeatMapRowModel extends HeatMapTotalModel {
  @Field(() => ReportBuildingModel) building: ReportBuildingModel;
}

@ObjectType('HeatMapReport', { description: 'Buildings x competencies: educators at or above each level' })
export class HeatMapReportModel {
  @Field(() => ReportBasisModel) basis: ReportBasisModel;
  @Field(() => [ReportCompetencyModel]) competencies: ReportCompetencyModel[];
  @Field(() => [HeatMapRowModel], { description: 'Every selected building, by building code' }) rows: HeatMapRowModel[];
  @Field(() => HeatMapTotalModel, { description: 'All selected buildings together' }) total: HeatMapTotalModel;
}
