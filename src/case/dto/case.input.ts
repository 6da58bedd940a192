import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength, Min } from 'class-validator';
import { CROSSWALK_TYPES } from '../domain/case-types.js';

export enum FrameworkPublication {
  PUBLIC = 'PUBLIC',
  SIGNED_IN = 'SIGNED_IN',
}
registerEnumType(FrameworkPublication, { name: 'FrameworkPublication', description: 'Who may read a framework from the CASE provider' });

@InputType()
export class ImportCasePackageInput {
  @Field({ nullable: true, description: 'The CFPackage as JSON text (give this or packageUrl)' })
  @IsOptional()
  @IsString()
  @MaxLength(25 * 1024 * 1024)
  packageJson?: string;

  @Field({ nullable: true, description: "A CASE provider's CFPackages/{id} (or CFDocuments/{id}) URL, fetched through the guarded outbound client" })
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

@InputType()
export class SetFrameworkPublicationInput {
  @Field(() => ID)
  @IsUUID()
  frameworkId: string;

  @Field(() => FrameworkPublication)
  @IsIn(Object.values(FrameworkPublication))
  publication: FrameworkPublication;

  @Field(() => Int)
  @IsInt()
  version: number;
}

@InputType()
export class AddCrosswalkInput {
  @Field(() => ID, { description: 'The competency the association starts from (it is published with its framework)' })
  @IsUUID()
  originCompetencyId: string;

  @Field(() => ID)
  @IsUUID()
  destinationCompetencyId: string;

  @Field({ description: 'exactMatchOf, isRelatedTo or isPartOf' })
  @IsIn(CROSSWALK_TYPES)
  associationType: string;
}

@InputType()
export class RemoveCrosswalkInput {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
