import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from './current-principal.decorator.js';
import type { RequestContext } from './request-context.js';
import { AuthService } from './auth.service.js';
import { SignInInput } from './dto/sign-in.input.js';
import { SessionModel, ViewerModel } from './models/session.model.js';
import type { AccountEntity } from './account.entity.js';
import { Persona, type Principal } from './persona.js';
import { Public, SignedIn } from './policy.decorator.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => SessionModel, { description: 'Sign in with a local account; returns a short-lived access token' })
  async signIn(
    @Args('input', { description: 'Your email address and password' }) input: SignInInput,
    @Context() ctx: RequestContext,
  ): Promise<SessionModel> {
    const { account, token, expiresAt } = await this.auth.signIn(input.email, input.password, ctx.req.ip ?? 'unknown');
    return { accessToken: token, expiresAt, viewer: toViewer(account) };
  }

  @SignedIn()
  @Query(() => ViewerModel, { description: 'Who you are signed in as' })
  async viewer(@CurrentPrincipal() principal: Principal): Promise<ViewerModel> {
    return toViewer(await this.auth.account(principal.accountId));
  }
}

function toViewer(a: AccountEntity): ViewerModel {
  return {
    accountId: a.id,
    email: a.email,
    displayName: a.displayName,
    personas: a.personas as Persona[],
    educatorId: a.personas.includes(Persona.EDUCATOR) ? a.educatorId : null,
  };
}
