import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { ApplicationStatus } from '../domain/application-status.js';
import { MAX_STATEMENT_LENGTH } from '../domain/role-eligibility.js';
import { MAX_REASON_LENGTH } from '../domain/offer-override.js';

@InputType()
export class ApplyToRoleInput {
  @Field(() => ID)
  @IsUUID()
  roleId: string;

  @Field(() => String, { nullable: true, description: `Optional, up to ${MAX_STATEMENT_LENGTH} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STATEMENT_LENGTH)
  statement?: string | null;
}

@InputType()
export class WithdrawApplicationInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string | null;
}

@InputType({ description: 'HR moves an application one step along the pipeline (or rejects it), with a reason' })
export class MoveApplicationInput {
  @Field(() => ID)
  @IsUUID()
  applicationId: string;

  @Field(() => ApplicationStatus, { description: 'SCREENED, SHORTLISTED, INTERVIEW or REJECTED; offers go through makeOffer' })
  @IsEnum(ApplicationStatus)
  to: ApplicationStatus;

  @Field({ description: `Why, in up to ${MAX_REASON_LENGTH} characters; kept in the history and the audit log` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;

  @Field(() => Int, { nullable: true, description: 'The version you read; a stale one is refused with CONFLICT' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number | null;
}

@InputType()
export class InviteCandidateInput {
  @Field(() => ID)
  @IsUUID()
  roleId: string;

  @Field(() => ID)
  @IsUUID()
  educatorId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  message?: string | null;
}

@InputType()
export class AcceptInvitationInput {
  @Field(() => ID)
  @IsUUID()
  invitationId: string;

  @Field(() => String, { nullable: true, description: `Optional, up to ${MAX_STATEMENT_LENGTH} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STATEMENT_LENGTH)
  statement?: string | null;
}

@InputType()
export class DeclineInvitationInput {
  @Field(() => ID)
  @IsUUID()
  invitationId: string;
}

@ArgsType()
export class RoleApplicationsArgs extends PageArgs {
  @Field(() => ID)
  @IsUUID()
  roleId: string;

  @Field(() => ApplicationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus | null;
}
