import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CompetenciesService } from '../competencies/competencies.service.js';
import { competencyById } from '../competencies/competency.loader.js';
import { CompetencyModel } from '../competencies/models/competency.model.js';
import { groupByKey, loaderFor } from '../common/loaders.js';
import type { RequestContext } from '../access/request-context.js';
import { EducatorModel } from '../educators/models/educator.model.js';
import { toEvidenceModel } from './evidence.mapper.js';
import { EvidenceService } from './evidence.service.js';
import { EvidenceClaimModel, EvidenceModel } from './models/evidence.model.js';

/** Educator.evidence: visibility is checked per educator here, because field resolvers skip the access guard. */
@Resolver(() => EducatorModel)
export class EducatorEvidenceResolver {
  constructor(private readonly reads: EvidenceService) {}

  @ResolveField(() => [EvidenceModel], {
    description: "This educator's evidence, newest first; empty unless you may see their private data",
  })
  async evidence(@Parent() educator: EducatorModel, @Context() ctx: RequestContext): Promise<EvidenceModel[]> {
    const loader = loaderFor<string, EvidenceModel[]>(ctx, 'educator.evidence', async (ids) => {
      const rows = await this.reads.forEducators(ctx.principal, ids);
      return groupByKey(
        ids,
        rows.map((e) => toEvidenceModel(e)),
        (e) => e.educatorId,
      );
    });
    return loader.load(educator.id);
  }
}

@Resolver(() => EvidenceClaimModel)
export class EvidenceClaimResolver {
  constructor(private readonly competencies: CompetenciesService) {}

  @ResolveField(() => CompetencyModel, { description: 'The competency claimed (it may have been retired since)' })
  async competency(@Parent() claim: EvidenceClaimModel, @Context() ctx: RequestContext): Promise<CompetencyModel> {
    // The foreign key guarantees the competency exists; competencies are retired, never deleted.
    return (await competencyById.of(ctx, this.competencies).load(claim.competencyId))!;
  }
}
