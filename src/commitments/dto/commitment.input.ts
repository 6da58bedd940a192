import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsISO8601, IsNotEmpty, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A hybrid commitment agreed outside Pathways, so capacity and overextension reports count it' })
export class RecordCommitmentInput {
  @Field(() => ID, { description: 'The educator who holds the commitment' })
  @IsUUID('all', { message: 'educatorId is malformed: ids are UUIDs' })
  educatorId: string;

  @Field({ description: 'The role as people call it, e.g. "Building AI lead"' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'roleTitle must not be empty' })
  @MaxLength(200)
  roleTitle: string;

  @Field(() => Float, { description: 'Share of a full-time post, more than 0 and at most 1 (e.g. 0.2)' })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'roleFte must be a number with at most 2 decimals' })
  @Min(0.01, { message: 'roleFte must be more than 0' })
  @Max(1, { message: 'roleFte must be at most 1' })
  roleFte: number;

  @Field({ description: 'YYYY-MM-DD; a date before today needs backdated: true' })
  @Matches(ISO_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real calendar date' })
  startsOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before startsOn; empty for open-ended' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real calendar date' })
  endsOn?: string | null;

  @Field({ defaultValue: false, description: 'Say true to record a commitment that began before today' })
  @IsBoolean()
  backdated: boolean;
}

@InputType({ description: 'Corrections to a commitment made outside Pathways; omitted fields stay as they are' })
export class UpdateCommitmentInput extends VersionedRefInput {
  @Field({ nullable: true, description: 'Only for commitments made outside Pathways' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'roleTitle must not be empty' })
  @MaxLength(200)
  roleTitle?: string;

  @Field(() => Float, { nullable: true, description: 'Only for commitments made outside Pathways' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'roleFte must be a number with at most 2 decimals' })
  @Min(0.01, { message: 'roleFte must be more than 0' })
  @Max(1, { message: 'roleFte must be at most 1' })
  roleFte?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Only for commitments made outside Pathways; a date before today needs backdated: true',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'startsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'startsOn must be a real calendar date' })
  startsOn?: string;

  @Field({ defaultValue: false, description: 'Say true when moving the start to a date before today' })
  @IsBoolean()
  backdated: boolean;
}

@InputType({ description: 'A commitment to end earlier than planned' })
export class EndCommitmentInput extends VersionedRefInput {
  @Field({ description: 'The new, earlier last day (YYYY-MM-DD), not before the start' })
  @Matches(ISO_DATE, { message: 'endsOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'endsOn must be a real calendar date' })
  endsOn: string;
}
