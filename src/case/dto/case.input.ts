import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength, Min } from 'class-validator';
import { CROSSWALK_TYPES } from '../domain/case-types.js';

export enum FrameworkPublication {
  PUBLIC = 'PUBLIC',
  SIGNED_IN = 'SIGNED_IN',
}
registerEnumType(FrameworkPublication, {
  name: 'FrameworkPublication',
  description: 'Who may read a framework from the CASE provider',
  valuesMap: {
    PUBLIC: { description: 'Anyone may read it without signing in, and it is listed in CFDocuments' },
    SIGNED_IN: { description: 'Only callers with a bearer token may read it; it is not listed anonymously (the default)' },
  },
});

@InputType({ description: 'A CASE 1.1 CFPackage to import as a framework, or to preview' })
export class ImportCasePackageInput {
  @Field({ nullable: true, description: 'The CFPackage as JSON text (give this or packageUrl)' })
  @IsOptional()
  @IsString()
  @MaxLength(25 * 1024 * 1024)
  packageJson?: string;

  @Field({
    nullable: true,
    description: "A CASE provider's CFPackages/{id} (or CFDocuments/{id}) URL, fetched through the guarded outbound client",
  })
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false })
  @MaxLength(2000)
  packageUrl?: string;

  @Field({ defaultValue: true, description: 'Preview only: report what would change and write nothing' })
  @IsBoolean()
  dryRun: boolean;

  @Field(() => Int, { nullable: true, description: 'The framework version the preview was made against; a later change answers CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

@InputType({ description: 'Who may read a framework from the public CASE provider' })
export class SetFrameworkPublicationInput {
  @Field(() => ID, { description: 'The framework to publish or restrict' })
  @IsUUID()
  frameworkId: string;

  @Field(() => FrameworkPublication, { description: 'PUBLIC: anyone, without signing in; SIGNED_IN: only with a bearer token' })
  @IsIn(Object.values(FrameworkPublication))
  publication: FrameworkPublication;

  @Field(() => Int, { description: 'The framework version you read; a stale one is refused with CONFLICT' })
  @IsInt()
  version: number;
}

@InputType({ description: 'A crosswalk between two competencies of different frameworks' })
export class AddCrosswalkInput {
  @Field(() => ID, { description: 'The competency the association starts from (it is published with its framework)' })
  @IsUUID()
  originCompetencyId: string;

  @Field(() => ID, { description: 'The competency the association points to, usually in another framework' })
  @IsUUID()
  destinationCompetencyId: string;

  @Field({ description: 'The CASE association type: exactMatchOf, isRelatedTo or isPartOf' })
  @IsIn(CROSSWALK_TYPES)
  associationType: string;
}

@InputType({ description: 'The crosswalk to delete' })
export class RemoveCrosswalkInput {
  @Field(() => ID, { description: "The crosswalk's id" })
  @IsUUID()
  id: string;
}
