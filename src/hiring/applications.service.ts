import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { mayView, Subject } from '../access/visibility.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { badInput, conflict, notFound, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage, type Page } from '../common/pagination.js';
import { districtToday } from '../common/clock.js';
import { ApplicationPipelineService } from './application-pipeline.service.js';
import { ApplicationStatus, assertHrPipelineMove, assertMove, PipelineActor } from './domain/application-status.js';
import { assertCanRespond, InvitationStatus } from './domain/invitation-status.js';
import { OfferStatus } from './domain/offer-status.js';
import { assertAcceptsApplications, assertNotLeft, normaliseStatement, type RoleForApplying } from './domain/role-eligibility.js';
import type {
  AcceptInvitationInput,
  ApplyToRoleInput,
  DeclineInvitationInput,
  InviteCandidateInput,
  MoveApplicationInput,
  RoleApplicationsArgs,
  WithdrawApplicationInput,
} from './dto/application.input.js';
import { ApplicationTransitionEntity } from './entities/application-transition.entity.js';
import { ApplicationEntity } from './entities/application.entity.js';
import { InvitationEntity } from './entities/invitation.entity.js';
import { OfferEntity } from './entities/offer.entity.js';
import { HiringAccessService } from './hiring-access.service.js';
import { toApplicationModel, toInvitationModel, toTransitionModel } from './hiring.mapper.js';
import { RoleReadRepository } from '../roles/role-read.repository.js';
import { HiringRepository } from './hiring.repository.js';
import type { ApplicationModel, ApplicationTransitionModel, InvitationModel } from './models/application.model.js';
import { HiringReason } from './domain/hiring-reason.js';

const educatorOf = (actor: Principal): string => {
  if (!actor.educatorId) throw notFound('Educator profile for this account');
  return actor.educatorId;
};

/** Applications and invitations: applying, withdrawing, HR's invitations and pipeline moves, and who sees which. */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: HiringRepository,
    private readonly roleReads: RoleReadRepository,
    private readonly access: HiringAccessService,
    private readonly pipeline: ApplicationPipelineService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async apply(actor: Principal, input: ApplyToRoleInput): Promise<ApplicationModel> {
    const educatorId = educatorOf(actor);
    const statement = normaliseStatement(input.statement);
    const id = await this.db.transaction(async (m) => {
      await this.lockRoleForApplying(m, input.roleId, educatorId);
      // Applying answers an outstanding invitation to the same role.
      const invitation = await m
        .getRepository(InvitationEntity)
        .findOne({ where: { roleId: input.roleId, educatorId }, lock: { mode: 'pessimistic_write' } });
      const open = invitation?.status === InvitationStatus.INVITED ? invitation : null;
      const appId = await this.repo.insertApplication(m, { roleId: input.roleId, educatorId, statement, invitationId: open?.id ?? null });
      if (!appId) throw conflict('You have already applied to this role', HiringReason.DUPLICATE_APPLICATION);
      if (open) await this.markInvitation(m, actor, open, InvitationStatus.ACCEPTED, appId);
      await this.pipeline.recordSubmitted(m, actor, { id: appId, roleId: input.roleId, educatorId }, '', {
        via: open ? 'invitation' : 'direct',
      });
      return appId;
    });
    return this.ownApplication(actor, id);
  }

  async withdraw(actor: Principal, input: WithdrawApplicationInput): Promise<ApplicationModel> {
    const educatorId = educatorOf(actor);
    await this.db.transaction(async (m) => {
      const app = await this.repo.application(m, input.applicationId, 'update');
      if (!app || app.educatorId !== educatorId) throw notFound('Application', input.applicationId);
      assertMove(app.status, ApplicationStatus.WITHDRAWN, PipelineActor.CANDIDATE);
      await this.closePendingOffer(m, actor, app, OfferStatus.WITHDRAWN);
      await this.pipeline.move(m, actor, app, ApplicationStatus.WITHDRAWN, (input.reason ?? '').trim());
    });
    return this.ownApplication(actor, input.applicationId);
  }

  async invite(actor: Principal, input: InviteCandidateInput): Promise<InvitationModel> {
    const id = await this.db.transaction(async (m) => {
      const role = await this.roleReads.role(m, input.roleId, 'share');
      if (!role) throw notFound('Role', input.roleId);
      assertAcceptsApplications(role, districtToday());
      if (!(await this.repo.educatorExists(m, input.educatorId))) throw notFound('Educator', input.educatorId);
      assertNotLeft(await this.repo.leftOn(m, input.educatorId, districtToday()));
      if (await this.repo.educatorSitsOnPanel(m, role.id, input.educatorId))
        throw badInput(
          "This educator sits on the role's panel, so they cannot be invited to apply",
          undefined,
          HiringReason.PANEL_CONFLICT,
        );
      if (await this.repo.hasApplied(m, role.id, input.educatorId))
        throw conflict('This educator has already applied to this role', HiringReason.DUPLICATE_APPLICATION);
      const invitationId = await this.repo.insertInvitation(m, {
        roleId: role.id,
        educatorId: input.educatorId,
        message: (input.message ?? '').trim(),
        invitedBy: actor.accountId,
      });
      if (!invitationId) throw conflict('This educator was already invited to this role', HiringReason.DUPLICATE_INVITATION);
      const run = await this.repo.latestRun(m, role.id);
      const entry = run ? (await this.repo.runEntries(m, run.id)).find((e) => e.educatorId === input.educatorId) : undefined;
      await this.audit.record(
        actor,
        {
          action: 'INVITATION_SENT',
          targetType: 'Invitation',
          targetId: invitationId,
          changes: {
            roleId: role.id,
            educatorId: input.educatorId,
            rankingRunId: run?.id ?? null,
            rank: entry?.rank ?? null,
            qualified: entry?.qualified ?? null,
          },
        },
        m,
      );
      await this.outbox.enqueue(
        m,
        { educatorId: input.educatorId },
        { kind: 'APPLICATION_INVITATION', roleTitle: role.title, message: (input.message ?? '').trim() },
      );
      return invitationId;
    });
    return (await this.invitationModels(this.db.manager, { id }))[0];
  }

  async acceptInvitation(actor: Principal, input: AcceptInvitationInput): Promise<ApplicationModel> {
    const educatorId = educatorOf(actor);
    const statement = normaliseStatement(input.statement);
    const id = await this.db.transaction(async (m) => {
      // Lock order: role, then invitation (as in apply).
      const found = await m.getRepository(InvitationEntity).findOneBy({ id: input.invitationId });
      if (!found || found.educatorId !== educatorId) throw notFound('Invitation', input.invitationId);
      await this.lockRoleForApplying(m, found.roleId, educatorId);
      const invitation = await this.lockOwnInvitation(m, found.id, educatorId);
      assertCanRespond(invitation.status, InvitationStatus.ACCEPTED);
      const appId = await this.repo.insertApplication(m, { roleId: invitation.roleId, educatorId, statement, invitationId: invitation.id });
      if (!appId) throw conflict('You have already applied to this role', HiringReason.DUPLICATE_APPLICATION);
      await this.markInvitation(m, actor, invitation, InvitationStatus.ACCEPTED, appId);
      await this.pipeline.recordSubmitted(m, actor, { id: appId, roleId: invitation.roleId, educatorId }, '', { via: 'invitation' });
      return appId;
    });
    return this.ownApplication(actor, id);
  }

  async declineInvitation(actor: Principal, input: DeclineInvitationInput): Promise<InvitationModel> {
    const educatorId = educatorOf(actor);
    await this.db.transaction(async (m) => {
      const invitation = await this.lockOwnInvitation(m, input.invitationId, educatorId);
      assertCanRespond(invitation.status, InvitationStatus.DECLINED);
      await this.markInvitation(m, actor, invitation, InvitationStatus.DECLINED, null);
    });
    return (await this.invitationModels(this.db.manager, { id: input.invitationId }))[0];
  }

  async move(actor: Principal, input: MoveApplicationInput): Promise<ApplicationModel> {
    const reason = input.reason.trim();
    if (!reason) throw badInput('Give a reason for the move');
    await this.db.transaction(async (m) => {
      const app = await this.repo.application(m, input.applicationId, 'update');
      if (!app) throw notFound('Application', input.applicationId);
      if (input.version != null && input.version !== app.version) throw staleVersion('The application');
      assertHrPipelineMove(app.status, input.to);
      if (input.to !== ApplicationStatus.REJECTED) assertNotLeft(await this.repo.leftOn(m, app.educatorId, districtToday()));
      if (input.to === ApplicationStatus.REJECTED) await this.closePendingOffer(m, actor, app, OfferStatus.RESCINDED);
      await this.pipeline.move(m, actor, app, input.to, reason);
    });
    return this.application(actor, input.applicationId);
  }

  async myApplications(actor: Principal): Promise<ApplicationModel[]> {
    const educatorId = educatorOf(actor);
    const m = this.db.manager;
    const apps = await m.getRepository(ApplicationEntity).find({ where: { educatorId }, order: { submittedAt: 'DESC', id: 'ASC' } });
    const [titles, who] = [
      await this.repo.roleTitles(
        m,
        apps.map((a) => a.roleId),
      ),
      await this.repo.candidates(m, [educatorId]),
    ];
    const self = who.get(educatorId);
    return apps.map((a) =>
      toApplicationModel(a, titles.get(a.roleId) ?? '', {
        displayName: self?.fullName ?? '',
        pseudonym: '',
        identityHidden: false,
        educatorId,
        email: self?.workEmail ?? null,
        buildingName: self?.buildingName ?? null,
      }),
    );
  }

  async myInvitations(actor: Principal): Promise<InvitationModel[]> {
    return this.invitationModels(this.db.manager, { educatorId: educatorOf(actor) });
  }

  async roleInvitations(roleId: string, status: InvitationStatus | null = null): Promise<InvitationModel[]> {
    if (!(await this.roleReads.role(this.db.manager, roleId))) throw notFound('Role', roleId);
    return this.invitationModels(this.db.manager, status ? { roleId, status } : { roleId });
  }

  /** HR: every application of the role. Panelists: those of a role whose panel they sit on, minus their conflicts. */
  async roleApplications(viewer: Principal, args: RoleApplicationsArgs): Promise<Page<ApplicationModel>> {
    const m = this.db.manager;
    const view = await this.access.roleView(m, viewer, args.roleId);
    const offset = decodeCursor(args.after);
    const [apps, total] = await this.repo.roleApplications(m, args.roleId, {
      hiddenFromAccountId: view.panelistId,
      status: args.status ?? null,
      offset,
      first: args.first,
    });
    const who = view.identitiesVisible
      ? await this.repo.candidates(
          m,
          apps.map((a) => a.educatorId),
        )
      : new Map();
    return toPage(
      apps.map((a) => toApplicationModel(a, view.role.title, this.access.identity(view, a.educatorId, who.get(a.educatorId)))),
      total,
      offset,
    );
  }

  /** One application: HR, its candidate, or a panelist of its role without a conflict; anyone else NOT_FOUND. */
  async application(viewer: Principal, id: string): Promise<ApplicationModel> {
    const m = this.db.manager;
    const app = await this.repo.application(m, id);
    if (!app) throw notFound('Application', id);
    const view = await this.access.applicationView(m, viewer, app);
    const who = view.identitiesVisible ? await this.repo.candidates(m, [app.educatorId]) : new Map();
    return toApplicationModel(app, view.role.title, this.access.identity(view, app.educatorId, who.get(app.educatorId)));
  }

  /** Histories for many applications (a DataLoader): HR and the candidate see them; panelists get none. */
  async histories(viewer: Principal, applicationIds: readonly string[]): Promise<ApplicationTransitionModel[][]> {
    const m = this.db.manager;
    const apps = await m
      .getRepository(ApplicationEntity)
      .find({ where: { id: In([...applicationIds]) }, select: { id: true, educatorId: true } });
    const allowed = new Set(
      apps.filter((a) => mayView(viewer, Subject.APPLICATION_HISTORY, { own: a.educatorId === viewer.educatorId })).map((a) => a.id),
    );
    const ids = applicationIds.filter((id) => allowed.has(id));
    const rows = ids.length
      ? await m.getRepository(ApplicationTransitionEntity).find({ where: { applicationId: In(ids) }, order: { id: 'ASC' } })
      : [];
    return applicationIds.map((id) => rows.filter((r) => r.applicationId === id).map(toTransitionModel));
  }

  private async ownApplication(actor: Principal, id: string): Promise<ApplicationModel> {
    return (await this.myApplications(actor)).find((a) => a.id === id)!;
  }

  /**
   * Locks the role (shared: concurrent applications proceed together, a status change or panel change waits)
   * and checks it takes this educator's application now.
   */
  private async lockRoleForApplying(m: EntityManager, roleId: string, educatorId: string): Promise<RoleForApplying> {
    const role = await this.roleReads.role(m, roleId, 'share');
    if (!role || role.status === 'DRAFT') throw notFound('Role', roleId);
    assertAcceptsApplications(role, districtToday());
    if (await this.repo.educatorSitsOnPanel(m, roleId, educatorId))
      throw badInput("You sit on this role's hiring panel, so you cannot apply to it", undefined, HiringReason.PANEL_CONFLICT);
    return role;
  }

  private async lockOwnInvitation(m: EntityManager, id: string, educatorId: string): Promise<InvitationEntity> {
    const invitation = await m.getRepository(InvitationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!invitation || invitation.educatorId !== educatorId) throw notFound('Invitation', id);
    return invitation;
  }

  private async markInvitation(
    m: EntityManager,
    actor: Principal,
    invitation: InvitationEntity,
    to: InvitationStatus,
    applicationId: string | null,
  ): Promise<void> {
    await m.update(InvitationEntity, { id: invitation.id }, { status: to, respondedAt: new Date() });
    await this.audit.record(
      actor,
      {
        action: to === InvitationStatus.ACCEPTED ? 'INVITATION_ACCEPTED' : 'INVITATION_DECLINED',
        targetType: 'Invitation',
        targetId: invitation.id,
        changes: { roleId: invitation.roleId, educatorId: invitation.educatorId, from: invitation.status, to, applicationId },
      },
      m,
    );
  }

  /** An application leaving OFFERED other than by an answer closes its pending offer. */
  private async closePendingOffer(
    m: EntityManager,
    actor: Principal,
    app: ApplicationEntity,
    to: OfferStatus.RESCINDED | OfferStatus.WITHDRAWN,
  ): Promise<void> {
    if (app.status !== ApplicationStatus.OFFERED) return;
    const offer = await m
      .getRepository(OfferEntity)
      .findOne({ where: { applicationId: app.id, status: OfferStatus.PENDING }, lock: { mode: 'pessimistic_write' } });
    if (!offer) return;
    await m.update(OfferEntity, { id: offer.id }, { status: to, respondedAt: new Date() });
    await this.audit.record(
      actor,
      {
        action: to === OfferStatus.RESCINDED ? 'OFFER_RESCINDED' : 'OFFER_WITHDRAWN',
        targetType: 'Offer',
        targetId: offer.id,
        changes: { roleId: offer.roleId, educatorId: offer.educatorId, applicationId: app.id, from: offer.status, to },
      },
      m,
    );
  }

  private async invitationModels(
    m: EntityManager,
    where: { id?: string; educatorId?: string; roleId?: string; status?: InvitationStatus },
  ): Promise<InvitationModel[]> {
    const rows = await m.getRepository(InvitationEntity).find({ where, order: { invitedAt: 'DESC', id: 'ASC' } });
    const titles = await this.repo.roleTitles(
      m,
      rows.map((r) => r.roleId),
    );
    const apps = rows.length
      ? await m
          .getRepository(ApplicationEntity)
          .find({ where: { invitationId: In(rows.map((r) => r.id)) }, select: { id: true, invitationId: true } })
      : [];
    const appOf = new Map(apps.map((a) => [a.invitationId, a.id]));
    return rows.map((r) => toInvitationModel(r, titles.get(r.roleId) ?? '', appOf.get(r.id) ?? null));
  }
}
