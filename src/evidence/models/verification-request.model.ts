import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { EvidenceKind, VerificationRequestStatus, VerificationStatus } from './evidence-enums.js';

@ObjectType('VerificationRequest', { description: 'A request that HR verify one evidence item, and its decision' })
export class VerificationRequestModel {
  @Field(() => ID, { description: "The request's id" }) id: string;
  @Field(() => ID, { description: 'The evidence item to verify' }) evidenceId: string;
  @Field(() => ID, { description: 'Whose evidence it is' }) educatorId: string;
  @Field({ description: "The item's title" }) evidenceTitle: string;
  @Field(() => EvidenceKind, { description: "The item's kind" }) evidenceKind: EvidenceKind;
  @Field(() => VerificationStatus, { description: "The evidence's verification status now" }) evidenceStatus: VerificationStatus;
  @Field(() => VerificationRequestStatus, { description: "PENDING, or HR's decision" }) status: VerificationRequestStatus;
  @Field({ description: 'What the educator asked HR to look at; may be empty' }) note: string;
  @Field(() => [String], { description: 'Links the educator gave to the work or the credential' }) links: string[];
  @Field(() => Date, { description: 'When the educator asked' }) requestedAt: Date;
  @Field(() => Int, { description: 'Whole days since the request' }) ageDays: number;
  @Field(() => Date, { nullable: true, description: 'When HR decided; null while PENDING' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Email of the HR account that decided; null while PENDING' }) decidedBy:
    string | null;
  @Field(() => String, { nullable: true, description: 'The reason given with the decision, for the educator' }) decisionReason:
    string | null;
  @Field(() => Int, { description: 'Increases with every change; send it back with the decision' }) version: number;
}

@ObjectType('VerificationQueueCount', { description: 'How many pending requests there are of one evidence kind' })
export class VerificationQueueCountModel {
  @Field(() => EvidenceKind, { description: 'The evidence kind' }) kind: EvidenceKind;
  @Field(() => Int, { description: 'Pending requests of that kind matching the filters' }) count: number;
}

@ObjectType('VerificationQueue', { description: 'Pending requests matching the filters, oldest first' })
export class VerificationQueueModel extends Connection(VerificationRequestModel) {
  @Field(() => [VerificationQueueCountModel], { description: 'Pending requests matching the filters, by evidence kind' })
  countsByKind: VerificationQueueCountModel[];
}
