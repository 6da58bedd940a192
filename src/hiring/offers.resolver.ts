import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { AnswerOfferInput, MakeOfferInput } from './dto/offer.input.js';
import { OfferModel } from './models/offer.model.js';
import { OffersService } from './offers.service.js';

@Resolver(() => OfferModel)
export class OffersResolver {
  constructor(private readonly service: OffersService) {}

  @Allow(Persona.HR)
  @Mutation(() => OfferModel, {
    description:
      'HR: offer the role to an interviewed candidate. Anyone but a top-ranked qualified applicant of the latest saved ranking run (every applicant tied at the top counts) needs an overrideReason; with no saved run, one is saved first',
  })
  async makeOffer(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The application, the commitment's dates, and a reason when departing from the ranking" })
    input: MakeOfferInput,
  ): Promise<OfferModel> {
    return this.service.makeOffer(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => OfferModel, {
    description: 'Educator: accept your offer; records the hybrid commitment and fills the role on its last opening',
  })
  async acceptOffer(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your offer' }) input: AnswerOfferInput,
  ): Promise<OfferModel> {
    return this.service.acceptOffer(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => OfferModel, { description: 'Educator: decline your offer' })
  async declineOffer(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your offer' }) input: AnswerOfferInput,
  ): Promise<OfferModel> {
    return this.service.declineOffer(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => [OfferModel], { description: 'Educator: your offers' })
  async myOffers(@CurrentPrincipal() viewer: Principal): Promise<OfferModel[]> {
    return this.service.myOffers(viewer);
  }

  @Allow(Persona.HR)
  @Query(() => [OfferModel], { description: "HR: a role's offers with their oversight record" })
  async roleOffers(
    @Args('roleId', { type: () => ID, description: 'The role whose offers to list' }, UuidPipe) roleId: string,
  ): Promise<OfferModel[]> {
    return this.service.roleOffers(roleId);
  }
}
