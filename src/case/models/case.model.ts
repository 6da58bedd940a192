import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class CaseImportNodeModel {
  @Field() identifier: string;
  @Field({ description: 'competency or grouping' }) kind: string;
  @Field() code: string;
  @Field() title: string;
  @Field({ description: 'Claims or role requirements use it (so it is retired, never deleted)' }) inUse: boolean;
}

@ObjectType()
export class CaseAdjustmentModel {
  @Field({ description: 'Where in the package, e.g. $.CFItems[3].lastChangeDateTime' }) path: string;
  @Field() message: string;
}

@ObjectType()
export class CaseImportResultModel {
  @Field() dryRun: boolean;
  @Field({ description: 'False when the package matches the framework as it is: nothing was (or would be) written' }) changed: boolean;
  @Field(() => ID, { nullable: true }) frameworkId: string | null;
  @Field() frameworkCode: string;
  @Field() frameworkTitle: string;
  @Field() documentIdentifier: string;
  @Field() newFramework: boolean;
  @Field(() => Int, { description: 'The framework version after the import (before it, in a preview)' }) version: number;
  @Field(() => [CaseImportNodeModel]) created: CaseImportNodeModel[];
  @Field(() => [CaseImportNodeModel]) updated: CaseImportNodeModel[];
  @Field(() => [CaseImportNodeModel]) retired: CaseImportNodeModel[];
  @Field(() => Int) unchanged: number;
  @Field(() => Int) associationsCreated: number;
  @Field(() => Int) associationsUpdated: number;
  @Field(() => Int) associationsRemoved: number;
  @Field({ description: 'RUBRIC, DEFAULT_SCALE (no rubric: the district default levels), MIXED or NONE' }) levelsSource: string;
  @Field(() => [CaseAdjustmentModel], { description: 'Each repair made to read an off-spec or CASE 1.0-shaped package' }) adjustments: CaseAdjustmentModel[];
  @Field(() => [String]) problems: string[];
}

@ObjectType()
export class CrosswalkModel {
  @Field(() => ID) id: string;
  @Field() caseIdentifier: string;
  @Field() associationType: string;
  @Field(() => ID) originCompetencyId: string;
  @Field(() => ID) destinationCompetencyId: string;
}

@ObjectType()
export class FrameworkPublicationModel {
  @Field(() => ID) frameworkId: string;
  @Field() publication: string;
  @Field(() => Int) version: number;
}
