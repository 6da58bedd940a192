import { Field, InputType } from '@nestjs/graphql';
import { IsISO8601, IsString, Matches, MaxLength } from 'class-validator';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';

@InputType({ description: "An educator leaving the district's staff" })
export class RecordLeavingInput extends VersionedRefInput {
  @Field({ description: 'The first day the educator is no longer on staff (YYYY-MM-DD), not before the hire date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'leavingDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'leavingDate must be a real calendar date' })
  leavingDate: string;
}

@InputType({ description: 'Undo a leaving recorded by mistake: the educator, the version you read, and why' })
export class ReinstateEducatorInput extends VersionedRefInput {
  @Field({ description: 'Why the leaving is undone (kept in the audit log); not blank, at most 500 characters' })
  @IsString()
  @MaxLength(500)
  reason: string;
}
