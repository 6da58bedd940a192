import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../access/request-context.js';
import { loaderFor } from '../common/loaders.js';
import type { AccountEntity } from '../access/account.entity.js';
import { SessionModel } from '../access/models/session.model.js';
import { Persona, type Principal } from '../access/persona.js';
import { Allow, Public, SignedIn } from '../access/policy.decorator.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { UuidPipe } from '../common/ids.js';
import { toAccountModel, toLinkModel } from './account.mapper.js';
import { AccountsService } from './accounts.service.js';
import {
  AccountRefInput,
  AccountSearchArgs,
  ChangePasswordInput,
  CreateAccountInput,
  SetPasswordInput,
  UpdateAccountInput,
} from './dto/account.input.js';
import { AccountConnection, AccountModel, AccountWithLinkModel } from './models/account.model.js';

@Resolver(() => AccountModel)
export class AccountsResolver {
  constructor(private readonly service: AccountsService) {}

  @Allow(Persona.HR)
  @Query(() => AccountConnection, { description: 'HR: find accounts by part of the email or name, persona and status; paged, by email' })
  async accounts(@Args() args: AccountSearchArgs): Promise<AccountConnection> {
    const page = await this.service.search(
      { email: args.email, name: args.name, persona: args.persona, status: args.status },
      args.first,
      args.after,
    );
    return { ...page, nodes: await this.models(page.nodes) };
  }

  @Allow(Persona.HR)
  @Query(() => AccountModel, { description: 'HR: one account by id' })
  async account(@Args('id', { type: () => ID, description: "The account's id" }, UuidPipe) id: string): Promise<AccountModel> {
    return (await this.models([await this.service.get(id)]))[0];
  }

  @Allow(Persona.HR)
  @Mutation(() => AccountWithLinkModel, { description: 'HR: create an account and its one-time set-password link (shown once)' })
  async createAccount(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The person's email, name, personas and educator profile" }) input: CreateAccountInput,
  ): Promise<AccountWithLinkModel> {
    const { account, link } = await this.service.create(actor, input);
    return { account: toAccountModel(account, false), setPasswordLink: toLinkModel(link) };
  }

  @Allow(Persona.HR)
  @Mutation(() => AccountModel, { description: 'HR: change the display name, the personas (the full new set) or the linked educator' })
  async updateAccount(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The account, the version you read, and what to change' }) input: UpdateAccountInput,
  ): Promise<AccountModel> {
    return (await this.models([await this.service.update(actor, input)]))[0];
  }

  @Allow(Persona.HR)
  @Mutation(() => AccountModel, {
    description: 'HR: disable an account; its sessions end at once. The last enabled HR account cannot be disabled.',
  })
  async disableAccount(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The account and the version you read' }) input: AccountRefInput,
  ): Promise<AccountModel> {
    return (await this.models([await this.service.disable(actor, input.id, input.version)]))[0];
  }

  @Allow(Persona.HR)
  @Mutation(() => AccountModel, { description: 'HR: re-enable a disabled account' })
  async enableAccount(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The account and the version you read' }) input: AccountRefInput,
  ): Promise<AccountModel> {
    return (await this.models([await this.service.enable(actor, input.id, input.version)]))[0];
  }

  @Allow(Persona.HR)
  @Mutation(() => AccountWithLinkModel, {
    description: 'HR: void the password, end every session, and get a new one-time set-password link',
  })
  async forcePasswordReset(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The account and the version you read' }) input: AccountRefInput,
  ): Promise<AccountWithLinkModel> {
    const { account, link } = await this.service.forcePasswordReset(actor, input.id, input.version);
    return { account: toAccountModel(account, false), setPasswordLink: toLinkModel(link) };
  }

  @Public()
  @Mutation(() => SessionModel, { description: 'Choose a password with a one-time set-password link; signs you in' })
  async setPassword(
    @Args('input', { description: "The link's token and the password you choose" }) input: SetPasswordInput,
  ): Promise<SessionModel> {
    const { account, token, expiresAt } = await this.service.setPassword(input.token, input.password);
    return session(account, token, expiresAt);
  }

  @SignedIn()
  @Mutation(() => SessionModel, { description: 'Change your own password (the current one is required); every other session ends' })
  async changePassword(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Your current password and the new one' }) input: ChangePasswordInput,
  ): Promise<SessionModel> {
    const { account, token, expiresAt } = await this.service.changeOwnPassword(actor, input.currentPassword, input.newPassword);
    return session(account, token, expiresAt);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'End every session of your account, this one included' })
  async signOutEverywhere(@CurrentPrincipal() actor: Principal): Promise<boolean> {
    await this.service.signOutEverywhere(actor);
    return true;
  }

  @ResolveField(() => [ID], { description: 'ENDORSER: the buildings whose educators this account may endorse' })
  async endorserBuildingIds(@Parent() account: AccountModel, @Context() ctx: RequestContext): Promise<string[]> {
    const loader = loaderFor<string, string[]>(ctx, 'account.endorserBuildings', async (ids) => {
      const scopes = await this.service.endorserBuildings(ids);
      return ids.map((id) => scopes.get(id) ?? []);
    });
    return loader.load(account.id);
  }

  private async models(accounts: AccountEntity[]): Promise<AccountModel[]> {
    const withPassword = await this.service.withPassword(accounts.map((a) => a.id));
    return accounts.map((a) => toAccountModel(a, withPassword.has(a.id)));
  }
}

function session(a: AccountEntity, accessToken: string, expiresAt: Date): SessionModel {
  return {
    accessToken,
    expiresAt,
    viewer: {
      accountId: a.id,
      email: a.email,
      displayName: a.displayName,
      personas: a.personas as Persona[],
      educatorId: a.personas.includes(Persona.EDUCATOR) ? a.educatorId : null,
    },
  };
}
