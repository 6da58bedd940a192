import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { EvidenceKind, VerificationRequestStatus, VerificationStatus } from './evidence-enums.js';

@ObjectType('VerificationRequest', { description: 'A request that HR verify one evidence item, and its decision' })
export class VerificationRequestModel {
  @Field(() => ID) id: string;
  @Field(() => ID) evidenceId: string;
  @Field(() => ID) educatorId: string;
  @Field() evidenceTitle: string;
  @Field(() => EvidenceKind) evidenceKind: EvidenceKind;
  @Field(() => VerificationStatus, { description: "The evidence's verification status now" }) evidenceStatus: VerificationStatus;
  @Field(() => VerificationRequestStatus) status: VerificationRequestStatus;
  @Field() note: string;
  @Field(() => [String]) links: string[];
  @Field(() => Date) requestedAt: Date;
  @Field(() => Int, { description: 'Whole days since the request' }) ageDays: number;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Who decided' }) decidedBy: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given with the decision, for the educator' }) decisionReason: string | null;
  @Field(() => Int) version: number;
}

@ObjectType('VerificationQueueCount')
export class VerificationQueueCountModel {
  @Field(() => EvidenceKind) kind: EvidenceKind;
  @Field(() => Int) count: number;
}

@ObjectType('VerificationQueue', { description: 'Pending requests matching the filters, oldest first' })
export class VerificationQueueModel extends Connection(VerificationRequestModel) {
  @Field(() => [VerificationQueueCountModel], { description: 'Pending requests matching the filters, by evidence kind' })
  countsByKind: VerificationQueueCountModel[];
}
