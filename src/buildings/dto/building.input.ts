import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export const BUILDING_LEVELS = ['ELEMENTARY', 'MIDDLE', 'HIGH', 'OTHER'] as const;

@InputType()
export class CreateBuildingInput {
  @Field({ description: 'Short unique code, stored upper-case (e.g. "LHS")' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,31}$/, { message: 'code must be 1-32 letters, digits, dots, dashes or underscores' })
  code: string;

  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field({ defaultValue: 'OTHER', description: 'ELEMENTARY, MIDDLE, HIGH or OTHER' })
  @IsIn(BUILDING_LEVELS, { message: `level must be one of ${BUILDING_LEVELS.join(', ')}` })
  level: string;
}
