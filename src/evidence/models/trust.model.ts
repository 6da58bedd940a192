import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { EndorsementDecision, EvidenceRevisionStatus } from '../dto/trust.input.js';
import { VerificationStatus } from './evidence-enums.js';
import { EvidenceModel } from './evidence.model.js';

@ObjectType('Endorsement', { description: "An endorser's decision on an evidence item: who, when, and why" })
export class EndorsementModel {
  @Field(() => EndorsementDecision) decision: EndorsementDecision;
  @Field({ description: 'The reason given, for the educator' }) reason: string;
  @Field({ description: 'Email of the endorser' }) decidedBy: string;
  @Field(() => Date) decidedAt: Date;
}

@ObjectType('EvidenceFieldChange', { description: 'One changed field of a revision; values are JSON text' })
export class EvidenceFieldChangeModel {
  @Field() field: string;
  @Field(() => String, { nullable: true, description: 'The trusted value (JSON)' }) from: string | null;
  @Field(() => String, { nullable: true, description: 'The proposed value (JSON)' }) to: string | null;
}

@ObjectType('EvidenceRevision', { description: "An owner's edit of endorsed or verified evidence, waiting for a decision while the trusted version counts" })
export class EvidenceRevisionModel {
  @Field(() => ID) id: string;
  @Field(() => ID) evidenceId: string;
  @Field(() => ID) educatorId: string;
  @Field(() => EvidenceRevisionStatus) status: EvidenceRevisionStatus;
  @Field(() => [String], { description: 'The fields the edit changes (claims included)' }) changedFields: string[];
  @Field(() => [EvidenceFieldChangeModel]) changes: EvidenceFieldChangeModel[];
  @Field(() => Date) proposedAt: Date;
  @Field() proposedBy: string;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decidedBy: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given with the decision, for the educator' }) decisionReason: string | null;
  @Field(() => VerificationStatus, { description: "The evidence's verification status now" }) evidenceStatus: VerificationStatus;
  @Field(() => Int) version: number;
}

@ObjectType('EvidenceRevisionConnection')
export class EvidenceRevisionConnection extends Connection(EvidenceRevisionModel) {}

@ObjectType('EvidenceEditPreview', { description: 'What an edit would do, before saving it' })
export class EvidenceEditPreviewModel {
  @Field(() => [String]) changedFields: string[];
  @Field({ description: 'True when the edit waits as a pending revision for re-verification; the trusted version keeps counting meanwhile' })
  needsReverification: boolean;
  @Field(() => VerificationStatus) currentStatus: VerificationStatus;
  @Field() message: string;
}

@ObjectType('EndorsementQueueItem', { description: 'Evidence an endorser may endorse or decline' })
export class EndorsementQueueItemModel {
  @Field(() => EvidenceModel) evidence: EvidenceModel;
  @Field(() => ID) educatorId: string;
  @Field() educatorName: string;
  @Field(() => ID, { description: 'The building (of yours) the educator is assigned to today' }) buildingId: string;
  @Field(() => ID, { nullable: true, description: 'The pending verification request, when the educator asked for one' }) verificationRequestId: string | null;
  @Field(() => String, { nullable: true }) requestNote: string | null;
  @Field(() => Date, { description: 'Since the request, or since the item was added' }) waitingSince: Date;
}

@ObjectType('EndorsementQueue', { description: 'Self-reported evidence of educators in your buildings today, oldest first' })
export class EndorsementQueueModel extends Connection(EndorsementQueueItemModel) {}
