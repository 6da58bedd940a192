import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';
import { MAX_TRUST_REASON } from '../domain/trust.js';
import { VerificationStatus } from '../models/evidence-enums.js';

export enum EndorsementDecision {
  ENDORSED = 'ENDORSED',
  DECLINED = 'DECLINED',
}
registerEnumType(EndorsementDecision, { name: 'EndorsementDecision', description: "An endorser's decision on an evidence item" });

export enum RevisionDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(RevisionDecision, { name: 'RevisionDecision' });

export enum EvidenceRevisionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(EvidenceRevisionStatus, { name: 'EvidenceRevisionStatus', description: 'PENDING until HR (or an endorser, for endorsed items) decides' });

@InputType()
export class DecideEndorsementInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'evidenceId is malformed: ids are UUIDs' })
  evidenceId: string;

  @Field(() => Int, { description: "The evidence's version you read; a stale one is refused with CONFLICT" })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => EndorsementDecision)
  @IsEnum(EndorsementDecision, { message: 'decision must be ENDORSED or DECLINED' })
  decision: EndorsementDecision;

  @Field(() => String, { nullable: true, description: 'Why: the educator reads it. Required to decline.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TRUST_REASON)
  reason?: string | null;
}

@InputType()
export class DecideEvidenceRevisionInput extends VersionedRefInput {
  @Field(() => RevisionDecision)
  @IsIn([RevisionDecision.APPROVED, RevisionDecision.REJECTED], { message: 'decision must be APPROVED or REJECTED' })
  decision: RevisionDecision;

  @Field({ description: 'Why: the educator reads it with the decision' })
  @IsString()
  @MaxLength(MAX_TRUST_REASON)
  reason: string;

  @Field(() => VerificationStatus, {
    nullable: true,
    description: "On approval, the item's trust level from now on (HR: any; an endorser: ENDORSED). Default: the level it has.",
  })
  @IsOptional()
  @IsEnum(VerificationStatus)
  status?: VerificationStatus | null;
}

@ArgsType()
export class EndorsementQueueArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this one of your buildings' })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId is malformed: ids are UUIDs' })
  buildingId?: string;
}

@ArgsType()
export class EvidenceRevisionQueueArgs extends PageArgs {}
