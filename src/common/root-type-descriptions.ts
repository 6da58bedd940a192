import type { GraphQLSchema } from 'graphql';

/**
 * Code-first decorators cannot describe the root types, so both the served schema (GraphQLModule's
 * transformSchema) and the committed SDL (schema-sdl.ts) pass through this one function.
 */
export const QUERY_DESCRIPTION =
  'Everything you can read. A field whose description starts with a persona ("HR:") is for that persona only; ' +
  'what you may not see answers NOT_FOUND, exactly like an id that does not exist.';
export const MUTATION_DESCRIPTION =
  'Everything you can change. Mutations take a single `input`; a change to a versioned record names the version ' +
  'you read (a stale one is refused with CONFLICT), and a failed mutation writes nothing.';

export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = QUERY_DESCRIPTION;
  if (mutation) mutation.description = MUTATION_DESCRIPTION;
  return schema;
}
