import type { VerificationStatus } from './domain/evidence-kind.js';
import type { EndorsementDecision, EvidenceRevisionStatus } from './dto/trust.input.js';
import type { EvidenceEndorsementEntity } from './evidence-endorsement.entity.js';
import type { EvidenceRevisionEntity } from './evidence-revision.entity.js';
import type { EndorsementModel, EvidenceRevisionModel } from './models/trust.model.js';

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

export function toEndorsementModel(e: EvidenceEndorsementEntity): EndorsementModel {
  return { decision: e.decision as EndorsementDecision, reason: e.reason, decidedBy: e.decidedByEmail, decidedAt: e.decidedAt };
}

export function toRevisionModel(r: EvidenceRevisionEntity, evidenceStatus: VerificationStatus): EvidenceRevisionModel {
  return {
    id: r.id,
    evidenceId: r.evidenceId,
    educatorId: r.educatorId,
    status: r.status as EvidenceRevisionStatus,
    changedFields: r.changedFields,
    changes: r.changedFields.map((field) => ({ field, from: json(r.changes[field]?.from), to: json(r.changes[field]?.to) })),
    proposedAt: r.proposedAt,
    proposedBy: r.proposedByEmail,
    decidedAt: r.decidedAt,
    decidedBy: r.decidedByEmail,
    decisionReason: r.decisionReason,
    evidenceStatus,
    version: r.version,
  };
}
