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
registerEnumType(EndorsementDecision, {
  name: 'EndorsementDecision',
  description: "An endorser's decision on an evidence item",
  valuesMap: {
    ENDORSED: { description: 'The endorser vouches for it: the item counts as ENDORSED' },
    DECLINED: { description: 'The endorser does not vouch for it: it stays self-reported, with the reason' },
  },
});

export enum RevisionDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(RevisionDecision, {
  name: 'RevisionDecision',
  description: 'A decision on a pending edit of trusted evidence',
  valuesMap: {
    APPROVED: { description: 'The edit takes effect, at the trust level the decision gives' },
    REJECTED: { description: 'The edit is dropped; the trusted version stays as it was' },
  },
});

export enum EvidenceRevisionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(EvidenceRevisionStatus, {
  name: 'EvidenceRevisionStatus',
  description: 'Where an edit of trusted evidence stands: PENDING until HR (or an endorser, for endorsed items) decides',
  valuesMap: {
    PENDING: { description: 'Waiting for a decision; the trusted version keeps counting' },
    APPROVED: { description: 'The edit took effect' },
    REJECTED: { description: 'The edit was dropped; the trusted version stands' },
  },
});

@InputType({ description: "An endorser's decision on a self-reported evidence item in their buildings" })
export class DecideEndorsementInput {
  @Field(() => ID, { description: 'The evidence item' })
  @IsUUID('all', { message: 'evidenceId is malformed: ids are UUIDs' })
  evidenceId: string;

  @Field(() => Int, { description: "The evidence's version you read; a stale one is refused with CONFLICT" })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => EndorsementDecision, { description: 'ENDORSED (it counts as endorsed from now on) or DECLINED' })
  @IsEnum(EndorsementDecision, { message: 'decision must be ENDORSED or DECLINED' })
  decision: EndorsementDecision;

  @Field(() => String, { nullable: true, description: 'Why: the educator reads it. Required to decline.' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TRUST_REASON)
  reason?: string | null;
}

@InputType({ description: "A decision on an owner's pending edit of endorsed or verified evidence" })
export class DecideEvidenceRevisionInput extends VersionedRefInput {
  @Field(() => RevisionDecision, { description: 'APPROVED: the edit takes effect; REJECTED: the trusted version stays' })
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
