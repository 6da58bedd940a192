import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';
import { PanelMemberEntity } from './entities/panel-member.entity.js';
import { Persona, type Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, notFound } from '../common/app-error.js';
import { RolesService } from '../roles/roles.service.js';
import { isScorable } from './domain/application-status.js';
import {
  aggregatePanel,
  assertCompleteForSubmit,
  assertEditable,
  assertRequirementsBelong,
  assertScoreValue,
  type PanelAggregate,
} from './domain/panel-scores.js';
import { assertNotOwnCandidate, assertPanelChangeable } from './domain/role-eligibility.js';
import type {
  DeclareConflictInput,
  PanelSeatInput,
  SavePanelScoresInput,
  SetBlindReviewInput,
  SubmitPanelScoresInput,
} from './dto/panel.input.js';
import type { ApplicationEntity } from './entities/application.entity.js';
import { ConflictOfInterestEntity } from './entities/conflict-of-interest.entity.js';
import { RoleHiringSettingsEntity } from './entities/role-hiring-settings.entity.js';
import { HiringAccessService } from './hiring-access.service.js';
import { RoleReadRepository } from '../roles/role-read.repository.js';
import { HiringRepository, type ScoreRow } from './hiring.repository.js';
import { HiringReason } from './domain/hiring-reason.js';
import type {
  ConflictOfInterestModel,
  PanelAggregateModel,
  PanelistScoresModel,
  PanelScoreSheetModel,
  RequirementScoreModel,
  RolePanelModel,
} from './models/panel.model.js';

interface RequirementRef {
  requirementId: string;
  competencyId: string;
}

/** Panels: who sits on them, blind review, conflicts of interest, and the panel's scores. */
@Injectable()
export class PanelsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: HiringRepository,
    private readonly roleReads: RoleReadRepository,
    private readonly access: HiringAccessService,
    private readonly roles: RolesService,
    private readonly audit: AuditService,
  ) {}

  async addPanelist(actor: Principal, input: PanelSeatInput): Promise<RolePanelModel> {
    await this.db.transaction(async (m) => {
      // Locks the role so an application by this person cannot slip in between the check and the seat.
      const role = await this.roleReads.role(m, input.roleId, 'update');
      if (!role) throw notFound('Role', input.roleId);
      assertPanelChangeable(role.status);
      const account = await m.getRepository(AccountEntity).findOneBy({ id: input.accountId });
      if (!account) throw notFound('Account', input.accountId);
      if (!account.personas.includes(Persona.PANELIST)) throw badInput('Only accounts with the PANELIST persona can sit on a panel');
      assertNotOwnCandidate(account.educatorId, new Set(await this.repo.applicantIds(m, role.id)));
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(PanelMemberEntity)
        .values({ roleId: role.id, accountId: account.id, addedBy: actor.accountId })
        .orIgnore()
        .returning(['account_id'])
        .execute();
      if (!inserted.raw.length) throw conflict('This person already sits on the panel', HiringReason.ALREADY_ON_PANEL);
      await this.audit.record(
        actor,
        { action: 'PANELIST_ADDED', targetType: 'Role', targetId: role.id, changes: { accountId: account.id, email: account.email } },
        m,
      );
    });
    return this.rolePanel(actor, input.roleId);
  }

  async removePanelist(actor: Principal, input: PanelSeatInput): Promise<RolePanelModel> {
    await this.db.transaction(async (m) => {
      const role = await this.roleReads.role(m, input.roleId, 'update');
      if (!role) throw notFound('Role', input.roleId);
      assertPanelChangeable(role.status);
      const removed = await m.delete(PanelMemberEntity, { roleId: role.id, accountId: input.accountId });
      if (!removed.affected) throw notFound('Panel seat');
      await this.audit.record(
        actor,
        { action: 'PANELIST_REMOVED', targetType: 'Role', targetId: role.id, changes: { accountId: input.accountId } },
        m,
      );
    });
    return this.rolePanel(actor, input.roleId);
  }

  async setBlindReview(actor: Principal, input: SetBlindReviewInput): Promise<RolePanelModel> {
    await this.db.transaction(async (m) => {
      const role = await this.roleReads.role(m, input.roleId, 'update');
      if (!role) throw notFound('Role', input.roleId);
      const before = await this.access.blindReview(m, role.id);
      await m.upsert(RoleHiringSettingsEntity, { roleId: role.id, blindReview: input.enabled, updatedBy: actor.accountId }, ['roleId']);
      await this.audit.record(
        actor,
        { action: 'BLIND_REVIEW_CHANGED', targetType: 'Role', targetId: role.id, changes: { from: before, to: input.enabled } },
        m,
      );
    });
    return this.rolePanel(actor, input.roleId);
  }

  async rolePanel(viewer: Principal, roleId: string): Promise<RolePanelModel> {
    const m = this.db.manager;
    const view = await this.access.roleView(m, viewer, roleId);
    return {
      roleId,
      roleTitle: view.role.title,
      blindReview: view.blindReview,
      identitiesVisible: view.identitiesVisible,
      members: await this.repo.panelMembers(m, roleId),
    };
  }

  async myPanels(viewer: Principal): Promise<RolePanelModel[]> {
    const out: RolePanelModel[] = [];
    for (const roleId of await this.repo.panelRoleIds(viewer.accountId)) out.push(await this.rolePanel(viewer, roleId));
    return out;
  }

  /** A panelist steps back from one candidate: the candidate disappears from their view and their scores stop counting. */
  async declareConflict(actor: Principal, input: DeclareConflictInput): Promise<ConflictOfInterestModel> {
    return this.db.transaction(async (m) => {
      const app = await this.panelistApplication(m, actor, input.applicationId);
      await m.insert(ConflictOfInterestEntity, {
        roleId: app.roleId,
        accountId: actor.accountId,
        educatorId: app.educatorId,
        reason: (input.reason ?? '').trim(),
      });
      await this.audit.record(
        actor,
        {
          action: 'CONFLICT_OF_INTEREST_DECLARED',
          targetType: 'Application',
          targetId: app.id,
          changes: { roleId: app.roleId, educatorId: app.educatorId, reason: (input.reason ?? '').trim() },
          persona: Persona.PANELIST,
        },
        m,
      );
      const row = await m
        .getRepository(ConflictOfInterestEntity)
        .findOneByOrFail({ roleId: app.roleId, accountId: actor.accountId, educatorId: app.educatorId });
      return { roleId: app.roleId, applicationId: app.id, declaredAt: row.declaredAt };
    });
  }

  async saveScores(actor: Principal, input: SavePanelScoresInput): Promise<PanelScoreSheetModel> {
    for (const s of input.scores) assertScoreValue(s.score);
    await this.db.transaction(async (m) => {
      const app = await this.panelistApplication(m, actor, input.applicationId);
      this.assertScorable(app);
      const requirements = await this.requirements(m, app.roleId);
      assertRequirementsBelong(
        input.scores.map((s) => s.requirementId),
        new Set(requirements.map((r) => r.requirementId)),
      );
      const competencyOf = new Map(requirements.map((r) => [r.requirementId, r.competencyId]));
      const written = await this.repo.upsertDraftScores(
        m,
        app.id,
        actor.accountId,
        input.scores.map((s) => ({
          competencyId: competencyOf.get(s.requirementId)!,
          score: s.score,
          comment: (s.comment ?? '').trim(),
        })),
      );
      if (written < input.scores.length) assertEditable({ submittedAt: new Date() });
    });
    return this.scoreSheet(actor, input.applicationId);
  }

  async submitScores(actor: Principal, input: SubmitPanelScoresInput): Promise<PanelScoreSheetModel> {
    await this.db.transaction(async (m) => {
      const app = await this.panelistApplication(m, actor, input.applicationId);
      this.assertScorable(app);
      const mine = await this.repo.myScores(m, app.id, actor.accountId, true);
      if (mine.some((s) => s.submittedAt))
        throw badInput('You have already submitted your scores for this candidate; they are final', undefined, HiringReason.SCORES_FINAL);
      const requirements = await this.requirements(m, app.roleId);
      assertCompleteForSubmit(
        requirements.map((r) => r.competencyId),
        new Set(mine.map((s) => s.competencyId)),
      );
      await this.repo.submitScores(m, app.id, actor.accountId);
      await this.audit.record(
        actor,
        {
          action: 'PANEL_SCORES_SUBMITTED',
          targetType: 'Application',
          targetId: app.id,
          changes: { roleId: app.roleId, scores: mine.map((s) => ({ competencyId: s.competencyId, score: s.score })) },
          persona: Persona.PANELIST,
        },
        m,
      );
    });
    return this.scoreSheet(actor, input.applicationId);
  }

  /** Own scores for a panelist; the aggregate for HR, or for a panelist once they submitted theirs; individual scores for HR only. */
  async scoreSheet(viewer: Principal, applicationId: string): Promise<PanelScoreSheetModel> {
    const m = this.db.manager;
    const app = await this.repo.application(m, applicationId);
    if (!app) throw notFound('Application', applicationId);
    const view = await this.access.applicationView(m, viewer, app);
    if (!view.isHr && !view.panelistId) throw notFound('Application', applicationId);
    const requirements = await this.requirements(m, app.roleId);
    const mine = view.panelistId ? await this.repo.myScores(m, app.id, viewer.accountId) : [];
    const submitted = mine.some((s) => s.submittedAt !== null);
    const counting = await this.repo.countingScores(m, [app.id]);
    return {
      applicationId,
      myScores: toScoreModels(mine, requirements),
      submitted,
      aggregate: view.isHr || submitted ? toAggregateModel(aggregateOf(counting, requirements), requirements) : null,
      panelists: view.isHr ? panelistsOf(counting, requirements) : null,
    };
  }

  /** The role's requirements in display order, with the competency each one's scores are keyed by. */
  async requirements(m: EntityManager, roleId: string): Promise<RequirementRef[]> {
    return (await this.roles.requirementsFor([roleId], m)).map((r) => ({ requirementId: r.id, competencyId: r.competencyId }));
  }

  /** The application, share-locked so HR cannot move it out of scoring mid-write; NOT_FOUND unless the actor is on its panel without a conflict. */
  private async panelistApplication(m: EntityManager, actor: Principal, applicationId: string): Promise<ApplicationEntity> {
    const app = await this.repo.application(m, applicationId, 'share');
    if (!app) throw notFound('Application', applicationId);
    if (!(await this.repo.isOnPanel(m, app.roleId, actor.accountId))) throw notFound('Application', applicationId);
    if ((await this.repo.conflictedEducators(m, app.roleId, actor.accountId)).has(app.educatorId))
      throw notFound('Application', applicationId);
    return app;
  }

  private assertScorable(app: ApplicationEntity): void {
    if (!isScorable(app.status))
      throw badInput(`The panel scores shortlisted and interviewing candidates; this application is ${app.status}`);
  }
}

export function aggregateOf(scores: readonly ScoreRow[], requirements: readonly RequirementRef[]): PanelAggregate {
  return aggregatePanel(
    scores.map((s) => ({ panelistId: s.accountId, requirementId: s.competencyId, score: s.score, submitted: s.submittedAt !== null })),
    requirements.map((r) => r.competencyId),
  );
}

/** Domain aggregates are keyed by competency (what scores are stored by); clients see requirement ids. */
export function toAggregateModel(a: PanelAggregate, requirements: readonly RequirementRef[]): PanelAggregateModel {
  const requirementOf = new Map(requirements.map((r) => [r.competencyId, r.requirementId]));
  return {
    ...a,
    perRequirement: a.perRequirement.map((p) => ({ ...p, requirementId: requirementOf.get(p.requirementId) ?? p.requirementId })),
  };
}

function toScoreModels(rows: readonly ScoreRow[], requirements: readonly RequirementRef[]): RequirementScoreModel[] {
  const byCompetency = new Map(rows.map((s) => [s.competencyId, s]));
  return requirements.flatMap((r) => {
    const s = byCompetency.get(r.competencyId);
    return s
      ? [{ requirementId: r.requirementId, competencyId: r.competencyId, score: s.score, comment: s.comment, submittedAt: s.submittedAt }]
      : [];
  });
}

function panelistsOf(rows: readonly ScoreRow[], requirements: readonly RequirementRef[]): PanelistScoresModel[] {
  const byAccount = new Map<string, ScoreRow[]>();
  for (const r of rows) byAccount.set(r.accountId, [...(byAccount.get(r.accountId) ?? []), r]);
  return [...byAccount.entries()].map(([accountId, list]) => ({
    accountId,
    email: list[0].email,
    submitted: list.every((s) => s.submittedAt !== null),
    scores: toScoreModels(list, requirements),
  }));
}
