import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('CoverageCount', { description: 'How many educators demonstrate every competency asked about at the level' })
export class CoverageCountModel {
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators on staff on the as-of day (the denominator) (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of them, those demonstrating every competency at or above the level (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  covered: number | null;

  @Field(() => Float, { nullable: true, description: 'Covered / educators, 0-1; null when there are no educators' })
  share: number | null;
}

@ObjectType('BuildingCoverage', { description: 'Coverage in one building' })
export class BuildingCoverageModel extends CoverageCountModel {
  @Field(() => ReportBuildingModel, { description: 'The building' })
  building: ReportBuildingModel;
}

@ObjectType('CoverageReport', { description: 'How many educators demonstrate all of a set of competencies at a level' })
export class CoverageReportModel {
  @Field(() => ReportBasisModel, {
    description: 'How the report was computed: as-of day, statuses that counted, policy version, hidden small counts',
  })
  basis: ReportBasisModel;
  @Field(() => Int, { description: 'The level (1-4) each competency must be demonstrated at, or above' }) minLevel: number;
  @Field(() => [ReportCompetencyModel], { description: 'The competencies asked about; an educator must demonstrate all of them' })
  competencies: ReportCompetencyModel[];
  @Field(() => CoverageCountModel, { description: 'All selected buildings together (the whole district without a filter)' })
  total: CoverageCountModel;
  @Field(() => [BuildingCoverageModel], { description: 'Every selected building, zeros included, by building code' })
  buildings: BuildingCoverageModel[];
}
