import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { DisputeKind, DisputeStatus } from './rights-enums.js';

@ObjectType('Dispute', { description: "An educator's dispute of a decision about them, and HR's written outcome" })
export class DisputeModel {
  @Field(() => ID, { description: "The dispute's id" }) id: string;
  @Field(() => ID, { description: 'Who filed it' }) educatorId: string;
  @Field({ description: 'Their name' }) educatorName: string;
  @Field(() => DisputeKind, { description: 'What sort of decision is disputed' }) kind: DisputeKind;
  @Field(() => ID, { description: 'The verification request, evidence item, role or application disputed' }) subjectId: string;
  @Field({ description: 'What was disputed, in words, as it stood when filed' }) subjectLabel: string;
  @Field({ description: 'The decision as it stood when filed (status, reason, score...), as a JSON object' }) contextJson: string;
  @Field({ description: 'What the educator disputes and why, in their words' }) statement: string;
  @Field(() => DisputeStatus, { description: 'OPEN until HR resolves it' }) status: DisputeStatus;
  @Field(() => String, { nullable: true, description: "HR's written outcome" }) outcome: string | null;
  @Field(() => Date, { nullable: true, description: 'When HR resolved it; null while OPEN' }) resolvedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Who resolved it' }) resolvedBy: string | null;
  @Field(() => Date, { description: 'When the educator filed it' }) filedAt: Date;
  @Field(() => Int, { description: 'Increases with every change; send it back when you resolve the dispute' }) version: number;
}

@ObjectType('DisputeCount', { description: 'How many disputes share one status or kind' })
export class DisputeCountModel {
  @Field({ description: 'The status or kind counted, e.g. OPEN or EXPLANATION' }) value: string;
  @Field(() => Int, { description: 'Disputes with it, within the other filter' }) count: number;
}

@ObjectType('DisputeQueue', {
  description: 'Disputes, oldest first; counts by status (within the kind filter) and by kind (within the status filter)',
})
export class DisputeQueueModel extends Connection(DisputeModel) {
  @Field(() => [DisputeCountModel], { description: 'Disputes per status, within the kind filter' }) countsByStatus: DisputeCountModel[];
  @Field(() => [DisputeCountModel], { description: 'Disputes per kind, within the status filter' }) countsByKind: DisputeCountModel[];
}
