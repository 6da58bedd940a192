import type { ApplicationTransitionEntity } from './entities/application-transition.entity.js';
import type { ApplicationEntity } from './entities/application.entity.js';
import type { InvitationEntity } from './entities/invitation.entity.js';
import type { OfferEntity } from './entities/offer.entity.js';
import type { ApplicationModel, ApplicationTransitionModel, CandidateIdentityModel, InvitationModel } from './models/application.model.js';
import type { OfferModel } from './models/offer.model.js';

export function toApplicationModel(a: ApplicationEntity, roleTitle: string, candidate: CandidateIdentityModel): ApplicationModel {
  return {
    id: a.id,
    roleId: a.roleId,
    roleTitle,
    status: a.status,
    statement: a.statement,
    candidate,
    invited: a.invitationId !== null,
    submittedAt: a.submittedAt,
    updatedAt: a.updatedAt,
    version: a.version,
  };
}

export function toTransitionModel(t: ApplicationTransitionEntity): ApplicationTransitionModel {
  return { from: t.fromStatus, to: t.toStatus, actorEmail: t.actorEmail, reason: t.reason, at: t.at };
}

export function toInvitationModel(i: InvitationEntity, roleTitle: string, applicationId: string | null): InvitationModel {
  return {
    id: i.id,
    roleId: i.roleId,
    roleTitle,
    educatorId: i.educatorId,
    status: i.status,
    message: i.message,
    invitedAt: i.invitedAt,
    respondedAt: i.respondedAt,
    closedReason: i.closedReason,
    applicationId,
  };
}

/** The oversight record (override, reason, run) is HR's; the candidate sees the offer and its terms. */
export function toOfferModel(o: OfferEntity, roleTitle: string, forHr: boolean): OfferModel {
  return {
    id: o.id,
    applicationId: o.applicationId,
    roleId: o.roleId,
    roleTitle,
    educatorId: o.educatorId,
    status: o.status,
    roleFte: o.roleFte,
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    override: forHr ? o.override : false,
    overrideReason: forHr ? o.overrideReason : null,
    rankingRunId: forHr ? o.rankingRunId : null,
    expectedRank: forHr ? o.expectedRank : null,
    madeAt: o.madeAt,
    respondedAt: o.respondedAt,
    commitmentId: o.commitmentId,
    closedReason: o.closedReason,
  };
}
