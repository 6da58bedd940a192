import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/pagination.js';
import { EndorsementDecision, EvidenceRevisionStatus } from '../dto/trust.input.js';
import { VerificationStatus } from './evidence-enums.js';
import { EvidenceModel } from './evidence.model.js';

@ObjectType('Endorsement', { description: "An endorser's decision on an evidence item: who, when, and why" })
export class EndorsementModel {
  @Field(() => EndorsementDecision, { description: 'ENDORSED or DECLINED' }) decision: EndorsementDecision;
  @Field({ description: 'The reason given, for the educator' }) reason: string;
  @Field({ description: 'Email of the endorser' }) decidedBy: string;
  @Field(() => Date, { description: 'When the endorser decided' }) decidedAt: Date;
}

@ObjectType('EvidenceFieldChange', { description: 'One changed field of a revision; values are JSON text' })
export class EvidenceFieldChangeModel {
  @Field({ description: "The field's name, e.g. title or claims" }) field: string;
  @Field(() => String, { nullable: true, description: 'The trusted value (JSON)' }) from: string | null;
  @Field(() => String, { nullable: true, description: 'The proposed value (JSON)' }) to: string | null;
}

@ObjectType('EvidenceRevision', {
  description: "An owner's edit of endorsed or verified evidence, waiting for a decision while the trusted version counts",
})
export class EvidenceRevisionModel {
  @Field(() => ID, { description: "The revision's id" }) id: string;
  @Field(() => ID, { description: 'The evidence item edited' }) evidenceId: string;
  @Field(() => ID, { description: 'Whose evidence it is' }) educatorId: string;
  @Field(() => EvidenceRevisionStatus, { description: 'PENDING until decided' }) status: EvidenceRevisionStatus;
  @Field(() => [String], { description: 'The fields the edit changes (claims included)' }) changedFields: string[];
  @Field(() => [EvidenceFieldChangeModel], { description: 'Each changed field, trusted value and proposed value' })
  changes: EvidenceFieldChangeModel[];
  @Field(() => Date, { description: 'When the owner saved the edit' }) proposedAt: Date;
  @Field({ description: 'Email of who made the edit' }) proposedBy: string;
  @Field(() => Date, { nullable: true, description: 'When it was decided; null while PENDING' }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Email of who decided; null while PENDING' }) decidedBy: string | null;
  @Field(() => String, { nullable: true, description: 'The reason given with the decision, for the educator' }) decisionReason:
    string | null;
  @Field(() => VerificationStatus, { description: "The evidence's verification status now" }) evidenceStatus: VerificationStatus;
  @Field(() => Int, { description: 'Increases with every change; send it back with the decision' }) version: number;
}

@ObjectType('EvidenceRevisionConnection', { description: 'A page of evidence revisions waiting for a decision, oldest first' })
export class EvidenceRevisionConnection extends Connection(EvidenceRevisionModel) {}

@ObjectType('EvidenceEditPreview', { description: 'What an edit would do, before saving it' })
export class EvidenceEditPreviewModel {
  @Field(() => [String], { description: 'The fields the edit would change (claims included); empty when it changes nothing' })
  changedFields: string[];
  @Field({
    description: 'True when the edit waits as a pending revision for re-verification; the trusted version keeps counting meanwhile',
  })
  needsReverification: boolean;
  @Field(() => VerificationStatus, { description: "The item's verification status now" }) currentStatus: VerificationStatus;
  @Field({ description: 'What saving would do, in plain words for the educator' }) message: string;
}

@ObjectType('EndorsementQueueItem', { description: 'Evidence an endorser may endorse or decline' })
export class EndorsementQueueItemModel {
  @Field(() => EvidenceModel, { description: 'The self-reported evidence item' }) evidence: EvidenceModel;
  @Field(() => ID, { description: 'Whose evidence it is' }) educatorId: string;
  @Field({ description: 'Their name' }) educatorName: string;
  @Field(() => ID, { description: 'The building (of yours) the educator is assigned to today' }) buildingId: string;
  @Field(() => ID, { nullable: true, description: 'The pending verification request, when the educator asked for one' })
  verificationRequestId: string | null;
  @Field(() => String, { nullable: true, description: 'What the educator asked the reviewer to look at; null without a request' })
  requestNote: string | null;
  @Field(() => Date, { description: 'Since the request, or since the item was added' }) waitingSince: Date;
}

@ObjectType('EndorsementQueue', { description: 'Self-reported evidence of educators in your buildings today, oldest first' })
export class EndorsementQueueModel extends Connection(EndorsementQueueItemModel) {}
