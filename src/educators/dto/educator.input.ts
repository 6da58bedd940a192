import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class EducatorListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only educators of this building' })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId is malformed: ids are UUIDs' })
  buildingId?: string;

  @Field(() => String, { nullable: true, description: "Only the educator with this employee id (the district's HR id, exact match)" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  employeeId?: string;

  @Field(() => String, { nullable: true, description: 'Part of a name or work email, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

@InputType({ description: 'A new educator profile (a member of staff who can hold evidence and apply for roles)' })
export class CreateEducatorInput {
  @Field({ description: "The educator's full name as colleagues know it (1-200 characters)" })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @Field({ description: 'Unique, case-insensitively' })
  @Transform(trim)
  @IsEmail({}, { message: 'workEmail must be an email address' })
  @MaxLength(254)
  workEmail: string;

  @Field(() => ID, { description: 'The building they work in (not archived)' })
  @IsUUID('all', { message: 'buildingId is malformed: ids are UUIDs' })
  buildingId: string;

  @Field({ defaultValue: '', description: 'What they teach or do now, e.g. "Grade 7 science"' })
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  currentAssignment: string;

  @Field({ description: "First day on the district's staff (YYYY-MM-DD); years of service count from it" })
  @Matches(ISO_DATE, { message: 'hireDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'hireDate must be a real calendar date' })
  hireDate: string;
}

@InputType({ description: 'Changes to an educator profile; omitted fields stay as they are' })
export class UpdateEducatorInput extends VersionedRefInput {
  @Field({ nullable: true, description: 'The corrected full name' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @Field({ nullable: true, description: 'The new work email (unique, case-insensitively)' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'workEmail must be an email address' })
  @MaxLength(254)
  workEmail?: string;

  @Field(() => ID, { nullable: true, description: 'The building they move to, from today (moveEducator chooses another day)' })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId is malformed: ids are UUIDs' })
  buildingId?: string;

  @Field({ nullable: true, description: 'What they teach or do now' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  currentAssignment?: string;

  @Field({ nullable: true, description: 'The corrected hire date (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'hireDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'hireDate must be a real calendar date' })
  hireDate?: string;
}
