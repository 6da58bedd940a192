import { Injectable, type Type } from '@nestjs/common';
import { PrincipalResolver } from '../access/principal.resolver-service.js';
import type { Persona, Principal } from '../access/persona.js';
import { POLICY_KEY, type Policy } from '../access/policy.decorator.js';
import { forbidden, unauthenticated } from '../common/app-error.js';

/**
 * The personas a GraphQL root field allows, read from its own @Allow: a chart of a report is allowed to exactly
 * whom the report is, and cannot drift from it.
 */
export function personasOf<T>(resolver: Type<T>, field: keyof T & string): readonly Persona[] {
  const handler = (resolver.prototype as Record<string, unknown>)[field];
  const policy = typeof handler === 'function' ? (Reflect.getMetadata(POLICY_KEY, handler) as Policy | undefined) : undefined;
  if (!policy || policy.public || policy.personas === 'any')
    throw new Error(`${resolver.name}.${field} has no persona policy for a chart to share`);
  return policy.personas;
}

/** Charts are plain GET endpoints: the bearer token is checked here as the GraphQL access guard checks it. */
@Injectable()
export class ChartAccess {
  constructor(private readonly principals: PrincipalResolver) {}

  async authorize(header: string | undefined, personas: readonly Persona[]): Promise<Principal> {
    if (!header) throw unauthenticated('Sign in first: send your access token as "Authorization: Bearer <token>"');
    const principal = await this.principals.resolve(header);
    if (!personas.some((p) => principal.personas.has(p))) throw forbidden(`This needs one of these personas: ${personas.join(', ')}`);
    return principal;
  }
}
