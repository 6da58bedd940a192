import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isHr, type Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound } from '../common/app-error.js';
import { districtToday } from '../common/clock.js';
import { HybridCommitmentEntity } from '../matching/hybrid-commitment.entity.js';
import { MAX_SAVED_RESULTS } from '../matching/dto/ranking.input.js';
import { RankingRunsService } from '../matching/ranking-runs.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { RolesService } from '../roles/roles.service.js';
import { ApplicationPipelineService } from './application-pipeline.service.js';
import { ApplicationStatus, assertMove, OPEN_STATUSES, PipelineActor } from './domain/application-status.js';
import { ApplicationEntity } from './entities/application.entity.js';
import { assertCanAnswer, OfferStatus } from './domain/offer-status.js';
import { assertOfferDates, assertSeatLeft, decideOverride, expectedCandidates, fillsRole } from './domain/offer-override.js';
import type { AnswerOfferInput, MakeOfferInput } from './dto/offer.input.js';
import { OfferEntity } from './entities/offer.entity.js';
import { toOfferModel } from './hiring.mapper.js';
import { RoleReadRepository } from '../roles/role-read.repository.js';
import { HiringRepository } from './hiring.repository.js';
import type { OfferModel } from './models/offer.model.js';
import { HiringReason } from './domain/hiring-reason.js';
import { assertNotLeft } from './domain/role-eligibility.js';

/** What a candidate reads when the role fills before their application or offer is decided. */
export const ROLE_FILLED_REASON =
  'The role has been filled: every opening was accepted, so this application is closed. Thank you for applying.';

/** Offers and decisions: HR offers (with the human-oversight rule), the candidate accepts or declines, the role fills. */
@Injectable()
export class OffersService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: HiringRepository,
    private readonly roleReads: RoleReadRepository,
    private readonly pipeline: ApplicationPipelineService,
    private readonly roles: RolesService,
    private readonly audit: AuditService,
    private readonly runs: RankingRunsService,
    private readonly outbox: NotificationOutbox,
  ) {}

  async makeOffer(actor: Principal, input: MakeOfferInput): Promise<OfferModel> {
    const endsOn = input.endsOn ?? null;
    assertOfferDates(input.startsOn, endsOn, districtToday());
    const id = await this.db.transaction(async (m) => {
      // Lock order everywhere: role, then application, then offer.
      const found = await this.repo.application(m, input.applicationId);
      if (!found) throw notFound('Application', input.applicationId);
      const role = (await this.roleReads.role(m, found.roleId, 'share'))!;
      const app = (await this.repo.application(m, found.id, 'update'))!;
      if (role.status !== 'OPEN' && role.status !== 'CLOSED')
        throw badInput(
          `The role is ${role.status}: it cannot be offered`,
          undefined,
          role.status === 'FILLED' ? HiringReason.ROLE_FILLED : HiringReason.ROLE_NOT_OPEN,
        );
      assertMove(app.status, ApplicationStatus.OFFERED, PipelineActor.HR);
      assertNotLeft(await this.repo.leftOn(m, app.educatorId, districtToday()));

      // Human oversight: compare with whom the latest saved ranking run points to among the role's applicants.
      // With no saved run, one is saved first (as long as runs may be), so the rule always has a ranking to apply.
      const run =
        (await this.repo.latestRun(m, role.id)) ??
        (await this.runs.saveIn(m, actor, { roleId: role.id, limit: MAX_SAVED_RESULTS, qualifiedOnly: false, buildingId: null }));
      const candidates = expectedCandidates(
        await this.repo.runEntries(m, run.id),
        new Set(await this.repo.applicantIds(m, role.id)),
        await this.repo.unavailableForOffer(m, role.id),
      );
      const decision = decideOverride(app.educatorId, candidates, input.overrideReason);
      const expected = decision.expected;

      const offer = await m.getRepository(OfferEntity).save(
        m.getRepository(OfferEntity).create({
          applicationId: app.id,
          roleId: role.id,
          educatorId: app.educatorId,
          status: OfferStatus.PENDING,
          roleFte: role.roleFte,
          startsOn: input.startsOn,
          endsOn,
          override: decision.override,
          overrideReason: decision.reason,
          rankingRunId: run.id,
          expectedEducatorId: expected?.educatorId ?? null,
          expectedRank: expected?.rank ?? null,
          madeBy: actor.accountId,
        }),
      );
      const oversight = {
        rankingRunId: run.id,
        expectedEducatorId: expected?.educatorId ?? null,
        expectedRank: expected?.rank ?? null,
        override: decision.override,
        overrideReason: decision.reason,
      };
      await this.pipeline.move(m, actor, app, ApplicationStatus.OFFERED, decision.reason ?? '', { offerId: offer.id });
      await this.audit.record(
        actor,
        {
          action: 'OFFER_MADE',
          targetType: 'Offer',
          targetId: offer.id,
          changes: {
            roleId: role.id,
            educatorId: app.educatorId,
            applicationId: app.id,
            roleFte: role.roleFte,
            startsOn: input.startsOn,
            endsOn,
            ...oversight,
          },
        },
        m,
      );
      await this.outbox.enqueue(
        m,
        { educatorId: app.educatorId },
        { kind: 'OFFER_MADE', roleTitle: role.title, roleFte: role.roleFte, startsOn: input.startsOn, endsOn },
      );
      if (decision.override) {
        await this.audit.record(
          actor,
          {
            action: 'RANKING_OVERRIDDEN',
            targetType: 'Offer',
            targetId: offer.id,
            changes: { roleId: role.id, offeredEducatorId: app.educatorId, ...oversight },
          },
          m,
        );
      }
      return offer.id;
    });
    return this.offerModel(actor, id);
  }

  /**
   * The candidate accepts. The role row is locked first, so acceptances for one role run one at a time: each
   * counts the accepted offers, and the one that would exceed the openings is refused with CONFLICT.
   */
  async acceptOffer(actor: Principal, input: AnswerOfferInput): Promise<OfferModel> {
    await this.db.transaction(async (m) => {
      const found = await this.ownOffer(m, actor, input.offerId);
      const role = (await this.roleReads.role(m, found.roleId, 'update'))!;
      const app = (await this.repo.application(m, found.applicationId, 'update'))!;
      const offer = await this.ownOffer(m, actor, found.id, true);
      // Closed because the role filled while this acceptance waited for the role: a lost race, like a full role.
      if (offer.closedReason === ROLE_FILLED_REASON) assertSeatLeft(role.openings, role.openings);
      assertCanAnswer(offer.status);
      assertMove(app.status, ApplicationStatus.ACCEPTED, PipelineActor.CANDIDATE);
      const accepted = await this.repo.acceptedOffers(m, role.id);
      assertSeatLeft(role.status === 'FILLED' ? Math.max(accepted, role.openings) : accepted, role.openings);

      const commitment = await m.getRepository(HybridCommitmentEntity).save(
        m.getRepository(HybridCommitmentEntity).create({
          educatorId: offer.educatorId,
          roleId: role.id,
          roleFte: offer.roleFte,
          startsOn: offer.startsOn,
          endsOn: offer.endsOn,
        }),
      );
      await m.update(OfferEntity, { id: offer.id }, { status: OfferStatus.ACCEPTED, respondedAt: new Date(), commitmentId: commitment.id });
      await this.pipeline.move(m, actor, app, ApplicationStatus.ACCEPTED, '', { offerId: offer.id });
      await this.audit.record(
        actor,
        {
          action: 'OFFER_ACCEPTED',
          targetType: 'Offer',
          targetId: offer.id,
          changes: {
            roleId: role.id,
            educatorId: offer.educatorId,
            applicationId: app.id,
            acceptedCount: accepted + 1,
            openings: role.openings,
          },
        },
        m,
      );
      await this.audit.record(
        actor,
        {
          action: 'HYBRID_COMMITMENT_RECORDED',
          targetType: 'HybridCommitment',
          targetId: commitment.id,
          changes: {
            roleId: role.id,
            educatorId: offer.educatorId,
            roleFte: offer.roleFte,
            startsOn: offer.startsOn,
            endsOn: offer.endsOn,
            offerId: offer.id,
          },
        },
        m,
      );
      await this.tellOfferer(m, offer, role.title, 'ACCEPTED');
      if (fillsRole(accepted + 1, role.openings)) {
        await this.roles.markFilled(actor, role.id, m, {
          reason: 'All openings accepted',
          acceptedCount: accepted + 1,
          openings: role.openings,
        });
        await this.closeOthersOnFill(m, actor, role.id, role.title);
      }
    });
    return this.offerModel(actor, input.offerId);
  }

  /**
   * The role has filled: every other open application is closed as REJECTED, and a pending offer with it as
   * RESCINDED, each with a reason the candidate reads in their application history and offer. Rows are locked
   * in id order (the role row is already held), so two fills cannot interleave. The role's title, already read,
   * goes into every candidate's message: the batch reads no role per application.
   */
  private async closeOthersOnFill(m: EntityManager, actor: Principal, roleId: string, roleTitle: string): Promise<void> {
    const open = await m.getRepository(ApplicationEntity).find({
      where: { roleId, status: In([...OPEN_STATUSES]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const app of open) {
      if (app.status === ApplicationStatus.OFFERED) {
        const offer = await m
          .getRepository(OfferEntity)
          .findOne({ where: { applicationId: app.id, status: OfferStatus.PENDING }, lock: { mode: 'pessimistic_write' } });
        if (offer) {
          await m.update(
            OfferEntity,
            { id: offer.id },
            { status: OfferStatus.RESCINDED, respondedAt: new Date(), closedReason: ROLE_FILLED_REASON },
          );
          await this.audit.record(
            actor,
            {
              action: 'OFFER_RESCINDED',
              targetType: 'Offer',
              targetId: offer.id,
              changes: {
                roleId,
                educatorId: offer.educatorId,
                applicationId: app.id,
                from: offer.status,
                to: OfferStatus.RESCINDED,
                reason: ROLE_FILLED_REASON,
                cause: 'ROLE_FILLED',
              },
            },
            m,
          );
        }
      }
      await this.pipeline.move(m, actor, app, ApplicationStatus.REJECTED, ROLE_FILLED_REASON, { cause: 'ROLE_FILLED' }, roleTitle);
    }
  }

  async declineOffer(actor: Principal, input: AnswerOfferInput): Promise<OfferModel> {
    await this.db.transaction(async (m) => {
      const found = await this.ownOffer(m, actor, input.offerId);
      const app = (await this.repo.application(m, found.applicationId, 'update'))!;
      const offer = await this.ownOffer(m, actor, found.id, true);
      assertCanAnswer(offer.status);
      assertMove(app.status, ApplicationStatus.DECLINED, PipelineActor.CANDIDATE);
      await m.update(OfferEntity, { id: offer.id }, { status: OfferStatus.DECLINED, respondedAt: new Date() });
      await this.pipeline.move(m, actor, app, ApplicationStatus.DECLINED, '', { offerId: offer.id });
      await this.audit.record(
        actor,
        {
          action: 'OFFER_DECLINED',
          targetType: 'Offer',
          targetId: offer.id,
          changes: { roleId: offer.roleId, educatorId: offer.educatorId, applicationId: app.id },
        },
        m,
      );
      await this.tellOfferer(m, offer, (await this.roleReads.role(m, offer.roleId))?.title ?? 'a role', 'DECLINED');
    });
    return this.offerModel(actor, input.offerId);
  }

  /** Whoever made the offer hears the candidate's answer. */
  private async tellOfferer(m: EntityManager, offer: OfferEntity, roleTitle: string, answer: 'ACCEPTED' | 'DECLINED'): Promise<void> {
    if (!offer.madeBy) return;
    const candidate = (await this.repo.educatorName(m, offer.educatorId)) ?? 'The candidate';
    await this.outbox.enqueue(m, { accountId: offer.madeBy }, { kind: 'OFFER_ANSWERED', roleTitle, candidate, answer });
  }

  async myOffers(actor: Principal): Promise<OfferModel[]> {
    if (!actor.educatorId) throw notFound('Educator profile for this account');
    return this.models(this.db.manager, { educatorId: actor.educatorId }, false);
  }

  async roleOffers(roleId: string): Promise<OfferModel[]> {
    if (!(await this.roleReads.role(this.db.manager, roleId))) throw notFound('Role', roleId);
    return this.models(this.db.manager, { roleId }, true);
  }

  private async ownOffer(m: EntityManager, actor: Principal, id: string, lock = false): Promise<OfferEntity> {
    const offer = await m
      .getRepository(OfferEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!offer || !actor.educatorId || offer.educatorId !== actor.educatorId) throw notFound('Offer', id);
    return offer;
  }

  private async offerModel(viewer: Principal, id: string): Promise<OfferModel> {
    return (await this.models(this.db.manager, { id }, isHr(viewer)))[0];
  }

  private async models(
    m: EntityManager,
    where: { id?: string; educatorId?: string; roleId?: string },
    forHr: boolean,
  ): Promise<OfferModel[]> {
    const rows = await m.getRepository(OfferEntity).find({ where, order: { madeAt: 'DESC', id: 'ASC' } });
    const titles = await this.repo.roleTitles(
      m,
      rows.map((r) => r.roleId),
    );
    return rows.map((r) => toOfferModel(r, titles.get(r.roleId) ?? '', forHr));
  }
}
