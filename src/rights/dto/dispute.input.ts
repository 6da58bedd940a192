import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';
import { MAX_STATEMENT } from '../domain/dispute.js';
import { DisputeKind, DisputeStatus } from '../models/rights-enums.js';

@InputType({ description: "An educator's dispute of a decision about them" })
export class FileDisputeInput {
  @Field(() => DisputeKind, { description: 'What sort of decision is disputed; it says what subjectId names' })
  @IsEnum(DisputeKind)
  kind: DisputeKind;

  @Field(() => ID, { description: 'The verification request, evidence item, role or application (by kind)' })
  @IsUUID('all', { message: 'subjectId is malformed: ids are UUIDs' })
  subjectId: string;

  @Field({ description: 'What you dispute and why; HR reads it' })
  @IsString()
  @MaxLength(MAX_STATEMENT)
  statement: string;
}

@InputType({ description: "HR's written outcome for an open dispute" })
export class ResolveDisputeInput extends VersionedRefInput {
  @Field(() => DisputeStatus, { description: 'UPHELD or DISMISSED' })
  @IsIn([DisputeStatus.UPHELD, DisputeStatus.DISMISSED], { message: 'outcome must be UPHELD or DISMISSED' })
  outcome: DisputeStatus;

  @Field({ description: 'The written outcome the educator reads: what changes, or why the decision stands' })
  @IsString()
  @MaxLength(MAX_STATEMENT)
  response: string;
}

@ArgsType()
export class DisputeQueueArgs extends PageArgs {
  @Field(() => DisputeStatus, { nullable: true, description: 'Default: every status' })
  @IsOptional()
  @IsEnum(DisputeStatus)
  status?: DisputeStatus;

  @Field(() => DisputeKind, { nullable: true, description: 'Only disputes of this kind' })
  @IsOptional()
  @IsEnum(DisputeKind)
  kind?: DisputeKind;
}
