import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { ApplicationStatus } from '../domain/application-status.js';
import { MAX_STATEMENT_LENGTH } from '../domain/role-eligibility.js';
import { MAX_REASON_LENGTH } from '../domain/offer-override.js';

@InputType({ description: 'An application to an open role' })
export class ApplyToRoleInput {
  @Field(() => ID, { description: 'The OPEN role to apply for' })
  @IsUUID()
  roleId: string;

  @Field(() => String, { nullable: true, description: `Optional, up to ${MAX_STATEMENT_LENGTH} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STATEMENT_LENGTH)
  statement?: string | null;
}

@InputType({ description: "The candidate's withdrawal of their own application" })
export class WithdrawApplicationInput {
  @Field(() => ID, { description: 'Your application' })
  @IsUUID()
  applicationId: string;

  @Field(() => String, { nullable: true, description: 'Why, if you want to say (kept in the history)' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON_LENGTH)
  reason?: string | null;
}

@InputType({ description: 'HR moves an application one step along the pipeline (or rejects it), with a reason' })
export class MoveApplicationInput {
  @Field(() => ID, { description: 'The application to move' })
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

@InputType({ description: "HR's invitation to an educator to apply for an open role" })
export class InviteCandidateInput {
  @Field(() => ID, { description: 'The OPEN role' })
  @IsUUID()
  roleId: string;

  @Field(() => ID, { description: 'The educator to invite' })
  @IsUUID()
  educatorId: string;

  @Field(() => String, { nullable: true, description: 'A message the educator reads with the invitation' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  message?: string | null;
}

@InputType({ description: "An educator's acceptance of an invitation: it creates their application" })
export class AcceptInvitationInput {
  @Field(() => ID, { description: 'Your invitation' })
  @IsUUID()
  invitationId: string;

  @Field(() => String, { nullable: true, description: `Optional, up to ${MAX_STATEMENT_LENGTH} characters` })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STATEMENT_LENGTH)
  statement?: string | null;
}

@InputType({ description: "An educator's refusal of an invitation" })
export class DeclineInvitationInput {
  @Field(() => ID, { description: 'Your invitation' })
  @IsUUID()
  invitationId: string;
}

@ArgsType()
export class RoleApplicationsArgs extends PageArgs {
  @Field(() => ID, { description: 'The role whose applications to list' })
  @IsUUID()
  roleId: string;

  @Field(() => ApplicationStatus, { nullable: true, description: 'Only applications in this status' })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus | null;
}
