import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceKind, PilotPart } from '../../evidence/models/evidence-enums.js';
import { ReportBasisModel, ReportBuildingModel, ReportCompetencyModel } from './report-common.model.js';

@ObjectType('ClosingEvidence', { description: 'A new evidence item that would close a one-level gap' })
export class ClosingEvidenceModel {
  @Field(() => EvidenceKind) kind: EvidenceKind;
  @Field(() => PilotPart, { nullable: true, description: "For a pilot, the educator's part" }) pilotPart: PilotPart | null;
  @Field(() => Int, { description: 'The level it must claim (and have verified to a counted status)' }) level: number;
}

@ObjectType('PipelineCount')
export class PipelineCountModel {
  @Field(() => Int, { nullable: true, description: 'Educators on staff on the as-of day (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) educators: number | null;
  @Field(() => Int, { nullable: true, description: '(null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) atOrAboveTarget: number | null;
  @Field(() => Int, { nullable: true, description: 'Exactly one level below the target (for target 1: nothing that counts yet) (null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) oneLevelShort: number | null;
  @Field(() => Int, { nullable: true, description: '(null: fewer than the smallest count shown to leaders, see basis.smallCountsHiddenBelow)' }) furtherShort: number | null;
}

@ObjectType('PipelineBuilding')
export class PipelineBuildingModel extends PipelineCountModel {
  @Field(() => ReportBuildingModel) building: ReportBuildingModel;
}

@ObjectType('PipelineCompetency')
export class PipelineCompetencyModel extends PipelineCountModel {
  @Field(() => ReportCompetencyModel) competency: ReportCompetencyModel;
  @Field(() => [ClosingEvidenceModel], { description: 'Strongest kinds first; attendance only when the target is within its cap' })
  closingEvidence: ClosingEvidenceModel[];
  @Field(() => [PipelineBuildingModel], { description: 'Every selected building, by building code' }) buildings: PipelineBuildingModel[];
}

@ObjectType('PipelineReport', { description: 'Per competency, who is one level short of a target and what would close it' })
export class PipelineReportModel {
  @Field(() => ReportBasisModel) basis: ReportBasisModel;
  @Field(() => Int) targetLevel: number;
  @Field(() => [PipelineCompetencyModel], { description: 'Counts are for all selected buildings together' }) competencies: PipelineCompetencyModel[];
}
