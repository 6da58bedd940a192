import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../common/app-error.js';
import type { RequestContext } from './request-context.js';
import { POLICY_KEY, type Policy } from './policy.decorator.js';
import { PrincipalResolver } from './principal.resolver-service.js';

/**
 * Deny by default: a root field without a declared policy is refused for everyone.
 * The principal is resolved once per request and stored on the GraphQL context.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const policy = this.reflector.get<Policy | undefined>(POLICY_KEY, context.getHandler());
    const header = ctx.req?.headers?.authorization;

    if (policy?.public) {
      ctx.principal = header ? await this.principals.tryResolve(header) : null;
      return true;
    }
    ctx.principal = header ? await this.principals.resolve(header) : null;
    if (!ctx.principal) throw unauthenticated('Sign in first: this needs a valid access token');
    if (!policy) throw forbidden('This operation has no access policy and is refused');
    if (policy.personas === 'any') return true;
    if (policy.personas.some((p) => ctx.principal!.personas.has(p))) return true;
    throw forbidden(`This needs one of these personas: ${policy.personas.join(', ')}`);
  }
}
