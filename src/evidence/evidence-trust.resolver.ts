import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { DecideEndorsementInput, DecideEvidenceRevisionInput, EndorsementQueueArgs, EvidenceRevisionQueueArgs } from './dto/trust.input.js';
import { EvidenceTrustService } from './evidence-trust.service.js';
import { toEvidenceModel } from './evidence.mapper.js';
import { EvidenceModel } from './models/evidence.model.js';
import { EndorsementQueueModel, EvidenceRevisionConnection, EvidenceRevisionModel } from './models/trust.model.js';
import { toRevisionModel } from './trust.mapper.js';

@Resolver()
export class EvidenceTrustResolver {
  constructor(private readonly trust: EvidenceTrustService) {}

  @Allow(Persona.ENDORSER)
  @Query(() => EndorsementQueueModel, {
    description: 'Endorser: self-reported evidence of educators assigned today to your buildings, oldest first',
  })
  async endorsementQueue(@CurrentPrincipal() actor: Principal, @Args() args: EndorsementQueueArgs): Promise<EndorsementQueueModel> {
    const page = await this.trust.queue(actor, args);
    return { ...page, nodes: page.nodes.map((n) => ({ ...n, evidence: toEvidenceModel(n.evidence) })) };
  }

  @Allow(Persona.ENDORSER)
  @Mutation(() => EvidenceModel, {
    description:
      'Endorser: endorse or decline (with a reason the educator reads) evidence of an educator in your buildings; FORBIDDEN outside them or on your own',
  })
  async decideEndorsement(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The evidence item, the version you read, the decision and the reason' }) input: DecideEndorsementInput,
  ): Promise<EvidenceModel> {
    return toEvidenceModel(await this.trust.decideEndorsement(actor, input));
  }

  @Allow(Persona.HR, Persona.ENDORSER)
  @Query(() => EvidenceRevisionConnection, {
    description: 'Pending revisions, oldest first: HR sees all; an endorser those of endorsed evidence in their buildings',
  })
  async pendingEvidenceRevisions(
    @CurrentPrincipal() actor: Principal,
    @Args() args: EvidenceRevisionQueueArgs,
  ): Promise<EvidenceRevisionConnection> {
    const page = await this.trust.revisionQueue(actor, args);
    const nodes = await Promise.all(page.nodes.map(async (r) => toRevisionModel(r, (await this.trust.revision(r.id)).evidenceStatus)));
    return { ...page, nodes };
  }

  @Allow(Persona.HR, Persona.ENDORSER)
  @Mutation(() => EvidenceRevisionModel, {
    description:
      'Approve (the new version replaces the old, at the trust level you choose) or reject (the trusted version stays) a pending revision, with a reason the educator reads',
  })
  async decideEvidenceRevision(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The revision, the version you read, the decision and the reason' }) input: DecideEvidenceRevisionInput,
  ): Promise<EvidenceRevisionModel> {
    const { revision, evidenceStatus } = await this.trust.revision(await this.trust.decideRevision(actor, input));
    return toRevisionModel(revision, evidenceStatus);
  }
}
