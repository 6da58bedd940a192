import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsDate, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';

@ArgsType()
export class AuditFilterArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only entries with this action code, e.g. SIGN_IN_FAILED, EVIDENCE_VERIFIED, ROLE_STATUS_CHANGED' })
  @IsOptional()
  @Matches(/^[A-Z_]{1,64}$/, { message: 'action is an upper-case code such as SIGN_IN_FAILED' })
  action?: string;

  @Field({ nullable: true, description: 'Only entries about this kind of record, e.g. Role, Evidence, Account (up to 64 characters)' })
  @IsOptional()
  @MaxLength(64)
  targetType?: string;

  @Field({ nullable: true, description: 'Only entries about this record (usually its UUID; up to 64 characters)' })
  @IsOptional()
  @MaxLength(64)
  targetId?: string;

  @Field(() => ID, { nullable: true, description: 'Only entries made by this account' })
  @IsOptional()
  @IsUUID()
  actorAccountId?: string;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Entries before this time' })
  @IsOptional()
  @IsDate()
  to?: Date;
}
