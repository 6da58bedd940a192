import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { DisputeKind, DisputeStatus } from './rights-enums.js';

@ObjectType('Dispute', { description: "An educator's dispute of a decision about them, and HR's written outcome" })
export class DisputeModel {
  @Field(() => ID) id: string;
  @Field(() => ID) educatorId: string;
  @Field() educatorName: string;
  @Field(() => DisputeKind) kind: DisputeKind;
  @Field(() => ID, { description: 'The verification request, evidence item, role or application disputed' }) subjectId: string;
  @Field({ description: 'What was disputed, in words, as it stood when filed' }) subjectLabel: string;
  @Field({ description: 'The decision as it stood when filed (status, reason, score...), as a JSON object' }) contextJson: string;
  @Field() statement: string;
  @Field(() => DisputeStatus) status: DisputeStatus;
  @Field(() => String, { nullable: true, description: "HR's written outcome" }) outcome: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Who resolved it' }) resolvedBy: string | null;
  @Field(() => Date) filedAt: Date;
  @Field(() => Int) version: number;
}

@ObjectType('DisputeCount')
export class DisputeCountModel {
  @Field() value: string;
  @Field(() => Int) count: number;
}

@ObjectType('DisputeQueue', { description: 'Disputes, oldest first; counts by status (within the kind filter) and by kind (within the status filter)' })
export class DisputeQueueModel extends Connection(DisputeModel) {
  @Field(() => [DisputeCountModel]) countsByStatus: DisputeCountModel[];
  @Field(() => [DisputeCountModel]) countsByKind: DisputeCountModel[];
}
