import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('LevelCount', { description: 'How many educators are at or above one level' })
export class LevelCountModel {
  @Field(() => Int, { description: 'The level, 1-4' }) level: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators at or above this level (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;
}

@ObjectType('HeatMapCell', { description: 'One building x competency cell of the heat map' })
export class HeatMapCellModel {
  @Field(() => ID, { description: 'The competency' }) competencyId: string;
  @Field({ description: 'Its code, for column headings' }) competencyCode: string;
  @Field(() => [LevelCountModel], { description: 'Levels 1 to 4, in order' }) atOrAbove: LevelCountModel[];
}

@ObjectType('HeatMapTotal', { description: "The heat map's totals over all selected buildings" })
export class HeatMapTotalModel {
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators on staff on the as-of day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;
  @Field(() => [HeatMapCellModel], { description: 'One cell per competency, in the order of `competencies`' }) cells: HeatMapCellModel[];
}

@ObjectType('HeatMapRow', { description: "One building's row of the heat map" })
export class HeatMapRowModel extends HeatMapTotalModel {
  @Field(() => ReportBuildingModel, { description: 'The building' }) building: ReportBuildingModel;
}

@ObjectType('HeatMapReport', { description: 'Buildings x competencies: educators at or above each level' })
export class HeatMapReportModel {
  @Field(() => ReportBasisModel, {
    description: 'How the report was computed: as-of day, statuses that counted, policy version, hidden small counts',
  })
  basis: ReportBasisModel;
  @Field(() => [ReportCompetencyModel], { description: 'The columns, in order' }) competencies: ReportCompetencyModel[];
  @Field(() => [HeatMapRowModel], { description: 'Every selected building, by building code' }) rows: HeatMapRowModel[];
  @Field(() => HeatMapTotalModel, { description: 'All selected buildings together' }) total: HeatMapTotalModel;
}
