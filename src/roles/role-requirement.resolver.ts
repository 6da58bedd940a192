import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { loaderFor, oneByKey } from '../common/loaders.js';
import type { RequestContext } from '../access/request-context.js';
import { CompetenciesService } from '../competencies/competencies.service.js';
import { toCompetencyModel } from '../competencies/competency.mapper.js';
import { CompetencyModel } from '../competencies/models/competency.model.js';
import { RoleRequirementModel } from './models/role.model.js';

@Resolver(() => RoleRequirementModel)
export class RoleRequirementResolver {
  constructor(private readonly competencies: CompetenciesService) {}

  @ResolveField(() => CompetencyModel, { description: 'May be retired since the role was posted; it stays readable' })
  async competency(@Parent() requirement: RoleRequirementModel, @Context() ctx: RequestContext): Promise<CompetencyModel> {
    const loader = loaderFor<string, CompetencyModel | null>(ctx, 'roles:competency.byId', async (ids) => {
      const rows = await this.competencies.byIds(ids);
      return oneByKey(ids, rows.map(toCompetencyModel), (c) => c.id);
    });
    const found = await loader.load(requirement.competencyId);
    // The foreign key (ON DELETE RESTRICT) keeps every required competency in place.
    if (!found) throw new Error(`Competency ${requirement.competencyId} of requirement ${requirement.id} is missing`);
    return found;
  }
}
