import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { groupByKey, loaderFor } from '../common/loaders.js';
import type { RequestContext } from '../access/request-context.js';
import {
  CreateEvidenceInput,
  DeleteEvidenceInput,
  RestoreEvidenceInput,
  SetEvidenceVerificationInput,
  UpdateEvidenceInput,
} from './dto/evidence.input.js';
import { EvidenceListArgs } from './dto/evidence-list.args.js';
import { EvidenceWriteService } from './evidence-write.service.js';
import { toClaimModel, toEvidenceModel } from './evidence.mapper.js';
import { EvidenceService } from './evidence.service.js';
import { EvidenceTrustService } from './evidence-trust.service.js';
import { toEndorsementModel, toRevisionModel } from './trust.mapper.js';
import { EndorsementModel, EvidenceEditPreviewModel, EvidenceRevisionModel } from './models/trust.model.js';
import { EvidenceClaimModel, EvidenceConnection, EvidenceModel } from './models/evidence.model.js';

@Resolver(() => EvidenceModel)
export class EvidenceResolver {
  constructor(
    private readonly reads: EvidenceService,
    private readonly writes: EvidenceWriteService,
    private readonly trust: EvidenceTrustService,
  ) {}

  @SignedIn()
  @Query(() => EvidenceModel, { description: 'One evidence item; NOT_FOUND unless you may see its educator' })
  async evidence(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: "The evidence item's id" }, UuidPipe) id: string,
  ): Promise<EvidenceModel> {
    return toEvidenceModel(await this.reads.get(viewer, id));
  }

  @SignedIn()
  @Query(() => EvidenceConnection, { description: 'Evidence, newest first. HR: anyone. Others: their own, or one educator they may see.' })
  async evidenceItems(@CurrentPrincipal() viewer: Principal, @Args() args: EvidenceListArgs): Promise<EvidenceConnection> {
    const page = await this.reads.list(viewer, args);
    return { ...page, nodes: page.nodes.map((e) => toEvidenceModel(e)) };
  }

  @Allow(Persona.EDUCATOR, Persona.HR)
  @Mutation(() => EvidenceModel, {
    description: 'Add evidence (self-reported). Educators add to their own portfolio; HR names the educator.',
  })
  async createEvidence(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The item's kind, title, details and the competencies it shows" }) input: CreateEvidenceInput,
  ): Promise<EvidenceModel> {
    return toEvidenceModel(await this.writes.create(actor, input));
  }

  @Allow(Persona.EDUCATOR, Persona.HR)
  @Query(() => EvidenceEditPreviewModel, {
    description: 'Before saving: which fields an edit changes and whether it needs re-verification. Writes nothing.',
  })
  async evidenceEditPreview(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The edit you are about to save, exactly as for updateEvidence' }) input: UpdateEvidenceInput,
  ): Promise<EvidenceEditPreviewModel> {
    return this.writes.preview(actor, input);
  }

  @Allow(Persona.EDUCATOR, Persona.HR)
  @Mutation(() => EvidenceModel, {
    description:
      "Edit evidence (owner or HR). An owner's edit of endorsed or verified evidence waits as its pendingRevision; the trusted version keeps counting until HR (or an endorser, for endorsed items) decides it.",
  })
  async updateEvidence(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The item, the version you read, and what to change' }) input: UpdateEvidenceInput,
  ): Promise<EvidenceModel> {
    return toEvidenceModel(await this.writes.update(actor, input));
  }

  @Allow(Persona.EDUCATOR, Persona.HR)
  @Mutation(() => ID, {
    description: 'Archive evidence (owner or HR): it stops counting everywhere; its owner can restore it for 30 days. Returns its id.',
  })
  async deleteEvidence(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The item and the version you read' }) input: DeleteEvidenceInput,
  ): Promise<string> {
    return this.writes.delete(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => EvidenceModel, {
    description: 'Restore one of your archived evidence items within 30 days of archiving (after that: NOT_FOUND)',
  })
  async restoreEvidence(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your archived item and the version you read' }) input: RestoreEvidenceInput,
  ): Promise<EvidenceModel> {
    return toEvidenceModel(await this.writes.restore(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => EvidenceModel, { description: 'HR: mark evidence self-reported, endorsed or verified' })
  async setEvidenceVerification(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The item, the version you read, the new status and why' }) input: SetEvidenceVerificationInput,
  ): Promise<EvidenceModel> {
    return toEvidenceModel(await this.writes.setVerification(actor, input));
  }

  @ResolveField(() => [EvidenceClaimModel], { description: 'Competencies this item shows, highest level first' })
  async claims(@Parent() evidence: EvidenceModel, @Context() ctx: RequestContext): Promise<EvidenceClaimModel[]> {
    const loader = loaderFor<string, EvidenceClaimModel[]>(ctx, 'evidence.claims', async (ids) => {
      const rows = await this.reads.claimsOf(ids);
      return groupByKey(ids, rows, (c) => c.evidenceId).map((list) => list.map(toClaimModel));
    });
    return loader.load(evidence.id);
  }

  @ResolveField(() => [EndorsementModel], {
    description: 'Who endorsed or declined this item, when and why, oldest first; shown to its owner and HR',
  })
  async endorsements(@Parent() evidence: EvidenceModel, @Context() ctx: RequestContext): Promise<EndorsementModel[]> {
    const loader = loaderFor<EvidenceModel, EndorsementModel[]>(ctx, 'evidence.endorsements', async (items) => {
      const rows = await this.trust.endorsementsFor(ctx.principal, items);
      return groupByKey(
        items.map((i) => i.id),
        rows,
        (r) => r.evidenceId,
      ).map((list) => list.map(toEndorsementModel));
    });
    return loader.load(evidence);
  }

  @ResolveField(() => EvidenceRevisionModel, {
    nullable: true,
    description: "The owner's edit waiting for a decision, shown to its owner and HR",
  })
  async pendingRevision(@Parent() evidence: EvidenceModel, @Context() ctx: RequestContext): Promise<EvidenceRevisionModel | null> {
    const loader = loaderFor<EvidenceModel, EvidenceRevisionModel | null>(ctx, 'evidence.pendingRevision', async (items) => {
      const rows = new Map((await this.trust.pendingRevisionsFor(ctx.principal, items)).map((r) => [r.evidenceId, r]));
      return items.map((i) => (rows.has(i.id) ? toRevisionModel(rows.get(i.id)!, i.verificationStatus) : null));
    });
    return loader.load(evidence);
  }
}
