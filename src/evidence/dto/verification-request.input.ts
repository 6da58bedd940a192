import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../../common/pagination.js';
import { VersionedRefInput } from '../../common/versioned-ref.input.js';
import { MAX_DECISION_REASON, MAX_REQUEST_LINKS, MAX_REQUEST_NOTE, VerificationRequestStatus } from '../domain/verification-request.js';
import { EvidenceKind } from '../models/evidence-enums.js';

@InputType({ description: 'A request that HR verify one of your evidence items' })
export class RequestVerificationInput {
  @Field(() => ID, { description: 'Your evidence item to verify' })
  @IsUUID('all', { message: 'evidenceId is malformed: ids are UUIDs' })
  evidenceId: string;

  @Field({ defaultValue: '', description: 'What HR should look at' })
  @IsString()
  @MaxLength(MAX_REQUEST_NOTE)
  note: string = '';

  @Field(() => [String], { defaultValue: [], description: `Up to ${MAX_REQUEST_LINKS} http(s) links to the work or the credential` })
  @IsArray()
  @ArrayMaxSize(MAX_REQUEST_LINKS)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  links: string[] = [];
}

@InputType({ description: "HR's decision on a verification request" })
export class DecideVerificationInput extends VersionedRefInput {
  @Field(() => VerificationRequestStatus, { description: 'VERIFIED, ENDORSED or REJECTED' })
  @IsIn([VerificationRequestStatus.VERIFIED, VerificationRequestStatus.ENDORSED, VerificationRequestStatus.REJECTED], {
    message: 'decision must be VERIFIED, ENDORSED or REJECTED',
  })
  decision: VerificationRequestStatus;

  @Field({ description: 'Why: the educator reads it with the decision' })
  @IsString()
  @MaxLength(MAX_DECISION_REASON)
  reason: string;
}

@ArgsType()
export class VerificationQueueArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only the evidence of this building's educators" })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId is malformed: ids are UUIDs' })
  buildingId?: string;

  @Field(() => EvidenceKind, { nullable: true, description: 'Only evidence of this kind' })
  @IsOptional()
  @IsEnum(EvidenceKind)
  kind?: EvidenceKind;

  @Field(() => ID, { nullable: true, description: 'Only evidence claiming this competency' })
  @IsOptional()
  @IsUUID('all', { message: 'competencyId is malformed: ids are UUIDs' })
  competencyId?: string;

  @Field(() => Int, { nullable: true, description: 'Only requests waiting at least this many days' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  minAgeDays?: number;
}
