import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GapReason, ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('BuildingLevelShare', { description: 'How many in one building are at a level of one competency' })
export class BuildingLevelShareModel {
  @Field(() => ReportBuildingModel, { description: 'The building' }) building: ReportBuildingModel;
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators on staff on the as-of day (the denominator) (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Educators at or above the level (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  atLevel: number | null;
  @Field(() => Float, { nullable: true, description: 'AtLevel / educators, 0-1; null when there are no educators' }) share: number | null;
  @Field(() => GapReason, { nullable: true, description: 'Why this building is a gap; null when it is not' }) gap: GapReason | null;
}

@ObjectType('CoverageSpread', { description: 'The gap between the best- and worst-covered buildings for one competency' })
export class CoverageSpreadModel {
  @Field(() => BuildingLevelShareModel, { description: 'The building with the highest share' }) best: BuildingLevelShareModel;
  @Field(() => BuildingLevelShareModel, { description: 'The building with the lowest share' }) worst: BuildingLevelShareModel;
  @Field(() => Float, { description: 'Best share minus worst share, 0-1: how unevenly the expertise is spread' }) spread: number;
}

@ObjectType('CompetencyGaps', { description: 'The gaps for one competency across buildings' })
export class CompetencyGapsModel {
  @Field(() => ReportCompetencyModel, { description: 'The competency' }) competency: ReportCompetencyModel;
  @Field(() => [BuildingLevelShareModel], { description: 'Every selected building, by building code' })
  buildings: BuildingLevelShareModel[];
  @Field(() => [BuildingLevelShareModel], { description: 'The gaps only: lowest share first (no educators last), then code' })
  gaps: BuildingLevelShareModel[];
  @Field(() => CoverageSpreadModel, { nullable: true, description: 'Null when no selected building has educators' })
  spread: CoverageSpreadModel | null;
}

@ObjectType('GapsReport', { description: 'Buildings with nobody, or too few, at a level; and the spread between buildings' })
export class GapsReportModel {
  @Field(() => ReportBasisModel, {
    description: 'How the report was computed: as-of day, statuses that counted, policy version, hidden small counts',
  })
  basis: ReportBasisModel;
  @Field(() => Int, { description: 'The level (1-4) a building needs people at' }) level: number;
  @Field(() => Float, { description: 'The share (0-1) under which a building is a gap; 0 means only buildings with nobody' })
  threshold: number;
  @Field(() => [CompetencyGapsModel], { description: 'One entry per competency asked about' }) competencies: CompetencyGapsModel[];
}
