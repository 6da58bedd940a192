import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

export const BUILDING_LEVELS = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'OTHER'] as const;

@InputType({ description: 'A new building (school) for the district' })
export class CreateBuildingInput {
  @Field({ description: 'Short unique code, stored upper-case (e.g. "LHS")' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,31}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code: string;

  @Field({ description: 'The building\'s display name, e.g. "Lincoln High School" (1-200 characters)' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field({ defaultValue: 'OTHER', description: 'ELEMENTARY, MIDDLE, HIGH or OTHER' })
  @IsIn(BUILDING_LEVELS, { message: `level must be one of ${BUILDING_LEVELS.join(', ')}` })
  level: string;
}

@InputType({ description: "Changes to a building's name or level; omitted fields stay as they are" })
export class UpdateBuildingInput extends VersionedRefInput {
  @Field({ nullable: true, description: 'The new name (the code stays: other systems refer to it)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true, description: 'ELEMENTARY, MIDDLE, HIGH or OTHER' })
  @IsOptional()
  @IsIn(BUILDING_LEVELS, { message: `level must be one of ${BUILDING_LEVELS.join(', ')}` })
  level?: string;
}

@InputType({ description: 'Archive a building that closed or merged, or restore it' })
export class SetBuildingArchivedInput extends VersionedRefInput {
  @Field({ description: 'True: archive (no new educators or roles here); false: restore' })
  @IsBoolean()
  archived: boolean;
}

@InputType({ description: 'A building entered by mistake, to delete outright' })
export class DeleteBuildingInput extends VersionedRefInput {}

@ArgsType()
export class BuildingListArgs extends PageArgs {
  @Field({ defaultValue: false, description: 'Include archived buildings' })
  @IsBoolean()
  includeArchived: boolean = false;
}
