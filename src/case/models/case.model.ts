import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One competency or grouping a CASE import creates, changes or retires' })
export class CaseImportNodeModel {
  @Field({ description: 'The CASE identifier (a UUID) of the item in the package' }) identifier: string;
  @Field({ description: 'What the item becomes: competency, or grouping (a dimension or area that holds competencies)' }) kind: string;
  @Field({ description: 'Its human coding scheme, e.g. "AI-1.2"; empty when the package gives none' }) code: string;
  @Field({ description: 'Its full statement or title as the package gives it' }) title: string;
  @Field({ description: 'Claims or role requirements use it (so it is retired, never deleted)' }) inUse: boolean;
}

@ObjectType({ description: 'A repair the importer made to read a package that is off-spec or shaped like CASE 1.0' })
export class CaseAdjustmentModel {
  @Field({ description: 'Where in the package, e.g. $.CFItems[3].lastChangeDateTime' }) path: string;
  @Field({ description: 'What was wrong and what the importer did about it' }) message: string;
}

@ObjectType({ description: 'What a CASE import changed, or in a preview would change' })
export class CaseImportResultModel {
  @Field({ description: 'True for a preview: nothing was written' }) dryRun: boolean;
  @Field({ description: 'False when the package matches the framework as it is: nothing was (or would be) written' }) changed: boolean;
  @Field(() => ID, { nullable: true, description: 'The framework imported into; null in a preview of a new framework' }) frameworkId:
    string | null;
  @Field({ description: "The framework's code (new frameworks take it from the package)" }) frameworkCode: string;
  @Field({ description: "The framework's title from the package's CFDocument" }) frameworkTitle: string;
  @Field({ description: 'The CFDocument identifier; imports with the same one update the same framework' }) documentIdentifier: string;
  @Field({ description: 'True when the import creates a framework rather than updating one' }) newFramework: boolean;
  @Field(() => Int, { description: 'The framework version after the import (before it, in a preview)' }) version: number;
  @Field(() => [CaseImportNodeModel], { description: 'Competencies and groupings that are new' }) created: CaseImportNodeModel[];
  @Field(() => [CaseImportNodeModel], { description: 'Competencies and groupings whose title, code or levels changed' })
  updated: CaseImportNodeModel[];
  @Field(() => [CaseImportNodeModel], {
    description: 'Competencies and groupings the package no longer has; those in use are retired, not deleted',
  })
  retired: CaseImportNodeModel[];
  @Field(() => Int, { description: 'How many items already matched the package' }) unchanged: number;
  @Field(() => Int, { description: 'How many isChildOf and crosswalk associations are new' }) associationsCreated: number;
  @Field(() => Int, { description: 'How many associations changed' }) associationsUpdated: number;
  @Field(() => Int, { description: 'How many associations the package no longer has' }) associationsRemoved: number;
  @Field({ description: 'RUBRIC, DEFAULT_SCALE (no rubric: the district default levels), MIXED or NONE' }) levelsSource: string;
  @Field(() => [CaseAdjustmentModel], { description: 'Each repair made to read an off-spec or CASE 1.0-shaped package' })
  adjustments: CaseAdjustmentModel[];
  @Field(() => [String], {
    description:
      'Things HR should know before accepting the import, in plain sentences (a default scale used, in-use competencies retired)',
  })
  problems: string[];
}

@ObjectType({ description: 'A CASE association between competencies of two frameworks, e.g. a UNESCO competency and its ISTE counterpart' })
export class CrosswalkModel {
  @Field(() => ID, { description: "The crosswalk's id" }) id: string;
  @Field({ description: 'The CFAssociation identifier (a UUID) it is exported under' }) caseIdentifier: string;
  @Field({ description: 'The CASE association type: exactMatchOf, isRelatedTo or isPartOf' }) associationType: string;
  @Field(() => ID, { description: 'The competency the association starts from; exported with its framework' }) originCompetencyId: string;
  @Field(() => ID, { description: 'The competency the association points to' }) destinationCompetencyId: string;
}

@ObjectType({ description: 'Who may now read a framework from the CASE provider' })
export class FrameworkPublicationModel {
  @Field(() => ID, { description: 'The framework whose publication changed' }) frameworkId: string;
  @Field({ description: 'PUBLIC or SIGNED_IN' }) publication: string;
  @Field(() => Int, { description: "The framework's version after the change" }) version: number;
}
