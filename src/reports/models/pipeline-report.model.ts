import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceKind, PilotPart } from '../../evidence/models/evidence-enums.js';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('ClosingEvidence', { description: 'A new evidence item that would close a one-level gap' })
export class ClosingEvidenceModel {
  @Field(() => EvidenceKind, { description: 'The kind of evidence' }) kind: EvidenceKind;
  @Field(() => PilotPart, { nullable: true, description: "For a pilot, the educator's part" }) pilotPart: PilotPart | null;
  @Field(() => Int, { description: 'The level it must claim (and have verified to a counted status)' }) level: number;
}

@ObjectType('PipelineCount', { description: 'Where educators stand against a target level' })
export class PipelineCountModel {
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators on staff on the as-of day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  educators: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators already at or above the target (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  atOrAboveTarget: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Exactly one level below the target (for target 1: nothing that counts yet) (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  oneLevelShort: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Educators two or more levels short (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)',
  })
  furtherShort: number | null;
}

@ObjectType('PipelineBuilding', { description: "Where one building's educators stand against the target" })
export class PipelineBuildingModel extends PipelineCountModel {
  @Field(() => ReportBuildingModel, { description: 'The building' }) building: ReportBuildingModel;
}

@ObjectType('PipelineCompetency', { description: 'Where educators stand against the target level of one competency' })
export class PipelineCompetencyModel extends PipelineCountModel {
  @Field(() => ReportCompetencyModel, { description: 'The competency' }) competency: ReportCompetencyModel;
  @Field(() => [ClosingEvidenceModel], { description: 'Strongest kinds first; attendance only when the target is within its cap' })
  closingEvidence: ClosingEvidenceModel[];
  @Field(() => [PipelineBuildingModel], { description: 'Every selected building, by building code' }) buildings: PipelineBuildingModel[];
}

@ObjectType('PipelineReport', { description: 'Per competency, who is one level short of a target and what would close it' })
export class PipelineReportModel {
  @Field(() => ReportBasisModel, {
    description: 'How the report was computed: as-of day, statuses that counted, policy version, hidden small counts',
  })
  basis: ReportBasisModel;
  @Field(() => Int, { description: 'The level (1-4) the district wants people at' }) targetLevel: number;
  @Field(() => [PipelineCompetencyModel], { description: 'Counts are for all selected buildings together' })
  competencies: PipelineCompetencyModel[];
}
