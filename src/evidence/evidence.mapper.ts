import { districtToday } from '../common/clock.js';
import type { EvidenceDetails } from './domain/details.js';
import { EvidenceKind, type PilotPart } from './domain/evidence-kind.js';
import { restorableUntil } from './domain/trust.js';
import { isExpired } from './domain/verification.js';
import type { EvidenceClaimEntity } from './evidence-claim.entity.js';
import type { EvidenceEntity } from './evidence.entity.js';
import type { EvidenceClaimModel, EvidenceModel } from './models/evidence.model.js';

export function toEvidenceModel(e: EvidenceEntity, on = districtToday()): EvidenceModel {
  const kind = e.kind;
  return {
    id: e.id,
    educatorId: e.educatorId,
    kind,
    title: e.title,
    description: e.description,
    url: e.url,
    startedOn: e.startedOn,
    endedOn: e.endedOn,
    verificationStatus: e.verificationStatus,
    verifiedBy: e.verifiedBy,
    verifiedAt: e.verifiedAt,
    expired: isExpired(e.expiresOn, on),
    certification:
      kind === EvidenceKind.CERTIFICATION
        ? { issuer: e.issuer ?? '', credentialId: e.credentialId, issuedOn: e.issuedOn ?? '', expiresOn: e.expiresOn }
        : null,
    pilot:
      kind === EvidenceKind.PILOT
        ? { part: e.pilotPart as PilotPart, classrooms: e.classrooms, teachers: e.teachers, students: e.students, outcomes: e.outcomes }
        : null,
    professionalLearning: kind === EvidenceKind.PROFESSIONAL_LEARNING ? { sessions: e.sessions ?? 0, attendees: e.attendees ?? 0 } : null,
    presentation: kind === EvidenceKind.PRESENTATION ? { venue: e.venue } : null,
    course: kind === EvidenceKind.COURSE ? { hours: e.hours ?? 0, provider: e.provider } : null,
    deletedAt: e.deletedAt,
    restorableUntil: e.deletedAt ? restorableUntil(e.deletedAt) : null,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export function toClaimModel(c: EvidenceClaimEntity): EvidenceClaimModel {
  return { competencyId: c.competencyId, level: c.level };
}

/** The kind-specific columns of a stored row, for re-checking them on update. */
export function detailsOf(e: EvidenceEntity): EvidenceDetails {
  return {
    issuer: e.issuer,
    credentialId: e.credentialId,
    issuedOn: e.issuedOn,
    expiresOn: e.expiresOn,
    pilotPart: e.pilotPart as PilotPart | null,
    classrooms: e.classrooms,
    teachers: e.teachers,
    students: e.students,
    outcomes: e.outcomes,
    sessions: e.sessions,
    attendees: e.attendees,
    venue: e.venue,
    hours: e.hours,
    provider: e.provider,
  };
}
