import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { POLICY_KEY } from './policy.decorator.js';

const RESOLVER_TYPE = 'graphql:resolver_type';
const RESOLVER_NAME = 'graphql:resolver_name';

export interface PolicyCoverage {
  /** Root fields ("Query.x", "Mutation.y") whose handler declares no access policy. */
  missing: string[];
  /** Root fields in the schema that no handler was found for (cannot be checked, so they count as missing). */
  unmatched: string[];
}

/**
 * Walks the served schema's root fields and the resolver handlers behind them: every root query and
 * mutation must declare an access policy, so a new resolver cannot ship open by accident.
 */
export function checkPolicyCoverage(app: INestApplicationContext): PolicyCoverage {
  const handlers = new Map<string, boolean>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const key of Object.getOwnPropertyNames(proto)) {
        const method = Object.getOwnPropertyDescriptor(proto, key)?.value;
        if (typeof method !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE, method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME, method) as string | undefined) ?? key;
        handlers.set(`${type}.${name}`, Reflect.getMetadata(POLICY_KEY, method) !== undefined);
      }
    }
  }
  const schema = app.get(GraphQLSchemaHost).schema;
  const missing: string[] = [];
  const unmatched: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    for (const field of Object.keys(root.getFields())) {
      const id = `${root.name}.${field}`;
      const declared = handlers.get(id);
      if (declared === undefined) unmatched.push(id);
      else if (!declared) missing.push(id);
    }
  }
  return { missing: missing.sort(), unmatched: unmatched.sort() };
}
