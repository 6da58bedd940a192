import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { loaderFor } from '../common/loaders.js';
import type { RequestContext } from '../access/request-context.js';
import { ApplicationsService } from './applications.service.js';
import {
  AcceptInvitationInput,
  ApplyToRoleInput,
  DeclineInvitationInput,
  InviteCandidateInput,
  MoveApplicationInput,
  RoleApplicationsArgs,
  WithdrawApplicationInput,
} from './dto/application.input.js';
import { ApplicationConnection, ApplicationModel, ApplicationTransitionModel, InvitationModel } from './models/application.model.js';
import { InvitationStatus } from './models/hiring-enums.js';

@Resolver(() => ApplicationModel)
export class ApplicationsResolver {
  constructor(private readonly service: ApplicationsService) {}

  @Allow(Persona.EDUCATOR)
  @Mutation(() => ApplicationModel, {
    description: 'Educator: apply to an OPEN role before its closing date; a second application is CONFLICT',
  })
  async applyToRole(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The open role and your optional statement' }) input: ApplyToRoleInput,
  ): Promise<ApplicationModel> {
    return this.service.apply(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => ApplicationModel, { description: 'Educator: withdraw your application from any open state' })
  async withdrawApplication(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your application and an optional reason' }) input: WithdrawApplicationInput,
  ): Promise<ApplicationModel> {
    return this.service.withdraw(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => InvitationModel, { description: 'HR: invite a (ranked) educator to apply to an OPEN role' })
  async inviteCandidate(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The role, the educator and an optional message' }) input: InviteCandidateInput,
  ): Promise<InvitationModel> {
    return this.service.invite(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => ApplicationModel, { description: 'Educator: accept an invitation, which submits your application' })
  async acceptInvitation(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your invitation and an optional statement for the application' }) input: AcceptInvitationInput,
  ): Promise<ApplicationModel> {
    return this.service.acceptInvitation(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Mutation(() => InvitationModel, { description: 'Educator: decline an invitation' })
  async declineInvitation(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your invitation' }) input: DeclineInvitationInput,
  ): Promise<InvitationModel> {
    return this.service.declineInvitation(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => ApplicationModel, { description: 'HR: screen, shortlist, interview or reject an application, with a reason' })
  async moveApplication(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The application, the status to move to and why' }) input: MoveApplicationInput,
  ): Promise<ApplicationModel> {
    return this.service.move(actor, input);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => [ApplicationModel], { description: 'Educator: your own applications, newest first' })
  async myApplications(@CurrentPrincipal() viewer: Principal): Promise<ApplicationModel[]> {
    return this.service.myApplications(viewer);
  }

  @Allow(Persona.EDUCATOR)
  @Query(() => [InvitationModel], { description: 'Educator: invitations to apply that HR sent you' })
  async myInvitations(@CurrentPrincipal() viewer: Principal): Promise<InvitationModel[]> {
    return this.service.myInvitations(viewer);
  }

  @Allow(Persona.HR)
  @Query(() => [InvitationModel], { description: "HR: a role's invitations, optionally only those with one status" })
  async roleInvitations(
    @Args('roleId', { type: () => ID, description: 'The role whose invitations to list' }, UuidPipe) roleId: string,
    @Args('status', {
      type: () => InvitationStatus,
      nullable: true,
      description: 'Only invitations with this status (e.g. WITHDRAWN: closed because the educator left); all when omitted',
    })
    status?: InvitationStatus | null,
  ): Promise<InvitationModel[]> {
    return this.service.roleInvitations(roleId, status ?? null);
  }

  @Allow(Persona.HR, Persona.PANELIST)
  @Query(() => ApplicationConnection, {
    description:
      "A role's applications. HR: all. Panelists: roles whose panel they sit on, minus declared conflicts (others NOT_FOUND); pseudonyms under blind review",
  })
  async roleApplications(@CurrentPrincipal() viewer: Principal, @Args() args: RoleApplicationsArgs): Promise<ApplicationConnection> {
    return this.service.roleApplications(viewer, args);
  }

  @SignedIn()
  @Query(() => ApplicationModel, {
    description: 'One application: HR, its candidate, or a panelist of its role without a conflict; otherwise NOT_FOUND',
  })
  async application(
    @CurrentPrincipal() viewer: Principal,
    @Args('id', { type: () => ID, description: "The application's id" }, UuidPipe) id: string,
  ): Promise<ApplicationModel> {
    return this.service.application(viewer, id);
  }

  @ResolveField(() => [ApplicationTransitionModel], { description: 'The pipeline history (HR and the candidate; empty for panelists)' })
  async history(@Parent() app: ApplicationModel, @Context() ctx: RequestContext): Promise<ApplicationTransitionModel[]> {
    const viewer = ctx.principal!;
    return loaderFor<string, ApplicationTransitionModel[]>(ctx, 'application.history', (ids) => this.service.histories(viewer, ids)).load(
      app.id,
    );
  }
}
