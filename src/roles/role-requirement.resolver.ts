import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../access/request-context.js';
import { CompetenciesService } from '../competencies/competencies.service.js';
import { competencyById } from '../competencies/competency.loader.js';
import { CompetencyModel } from '../competencies/models/competency.model.js';
import { RoleRequirementModel } from './models/role.model.js';

@Resolver(() => RoleRequirementModel)
export class RoleRequirementResolver {
  constructor(private readonly competencies: CompetenciesService) {}

  @ResolveField(() => CompetencyModel, { description: 'May be retired since the role was posted; it stays readable' })
  async competency(@Parent() requirement: RoleRequirementModel, @Context() ctx: RequestContext): Promise<CompetencyModel> {
    const found = await competencyById.of(ctx, this.competencies).load(requirement.competencyId);
    // The foreign key (ON DELETE RESTRICT) keeps every required competency in place.
    if (!found) throw new Error(`Competency ${requirement.competencyId} of requirement ${requirement.id} is missing`);
    return found;
  }
}
