import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import {
  DeclareConflictInput,
  PanelSeatInput,
  SavePanelScoresInput,
  SetBlindReviewInput,
  SubmitPanelScoresInput,
} from './dto/panel.input.js';
import { ConflictOfInterestModel, PanelScoreSheetModel, RolePanelModel } from './models/panel.model.js';
import { PanelsService } from './panels.service.js';

@Resolver(() => RolePanelModel)
export class PanelsResolver {
  constructor(private readonly service: PanelsService) {}

  @Allow(Persona.HR)
  @Mutation(() => RolePanelModel, { description: "HR: seat a PANELIST account on a role's panel (not someone who applied to it)" })
  async addPanelist(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The role and the panelist's account" }) input: PanelSeatInput,
  ): Promise<RolePanelModel> {
    return this.service.addPanelist(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => RolePanelModel, { description: 'HR: remove a panelist; their scores stop counting' })
  async removePanelist(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The role and the panelist's account" }) input: PanelSeatInput,
  ): Promise<RolePanelModel> {
    return this.service.removePanelist(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => RolePanelModel, { description: 'HR: turn blind review on or off for a role' })
  async setBlindReview(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The role and whether panelists see pseudonyms until they submit' }) input: SetBlindReviewInput,
  ): Promise<RolePanelModel> {
    return this.service.setBlindReview(actor, input);
  }

  @Allow(Persona.HR, Persona.PANELIST)
  @Query(() => RolePanelModel, { description: "A role's panel: HR, or a member of it (others NOT_FOUND)" })
  async rolePanel(
    @CurrentPrincipal() viewer: Principal,
    @Args('roleId', { type: () => ID, description: 'The role whose panel to show' }, UuidPipe) roleId: string,
  ): Promise<RolePanelModel> {
    return this.service.rolePanel(viewer, roleId);
  }

  @Allow(Persona.PANELIST)
  @Query(() => [RolePanelModel], { description: 'Panelist: the panels you sit on' })
  async myPanels(@CurrentPrincipal() viewer: Principal): Promise<RolePanelModel[]> {
    return this.service.myPanels(viewer);
  }

  @Allow(Persona.PANELIST)
  @Mutation(() => ConflictOfInterestModel, {
    description: 'Panelist: declare a conflict of interest with a candidate; they disappear from your view',
  })
  async declareConflict(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The application you have a conflict of interest with' }) input: DeclareConflictInput,
  ): Promise<ConflictOfInterestModel> {
    return this.service.declareConflict(actor, input);
  }

  @Allow(Persona.PANELIST)
  @Mutation(() => PanelScoreSheetModel, {
    description: 'Panelist: save draft scores (1-4 per requirement, with comments) for a shortlisted candidate',
  })
  async savePanelScores(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The application and your draft scores' }) input: SavePanelScoresInput,
  ): Promise<PanelScoreSheetModel> {
    return this.service.saveScores(actor, input);
  }

  @Allow(Persona.PANELIST)
  @Mutation(() => PanelScoreSheetModel, {
    description: 'Panelist: submit your scores for a candidate (every requirement scored); they become final',
  })
  async submitPanelScores(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The application whose scores to submit' }) input: SubmitPanelScoresInput,
  ): Promise<PanelScoreSheetModel> {
    return this.service.submitScores(actor, input);
  }

  @Allow(Persona.HR, Persona.PANELIST)
  @Query(() => PanelScoreSheetModel, {
    description: "Scores for one candidate: your own; the aggregate once you submitted (HR always); every panelist's for HR",
  })
  async panelScores(
    @CurrentPrincipal() viewer: Principal,
    @Args('applicationId', { type: () => ID, description: 'The application whose scores to show' }, UuidPipe) applicationId: string,
  ): Promise<PanelScoreSheetModel> {
    return this.service.scoreSheet(viewer, applicationId);
  }
}
