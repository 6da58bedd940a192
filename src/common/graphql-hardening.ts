import type { ApolloServerPlugin } from '@apollo/server';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError } from 'graphql';
import type { AppConfig } from '../config/app-config.js';

// The schema Nest builds comes from graphql's CommonJS build; load the cost calculator the same way
// so both use one copy of graphql's classes.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

/** A list field costs its page size times what each item selects, so many aliases or a huge page cannot slip through. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args?.first === 'number' ? args.first : undefined;
  return first === undefined ? undefined : 1 + first * Math.max(1, childComplexity);
};

/** Cost limit, computed with the request's variables before anything executes. */
export function costLimitPlugin(config: AppConfig): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: request.operationName ?? undefined,
              estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (err) {
            // Pricing coerces the variables first, so variables of the wrong shape surface here.
            throw new GraphQLError(err instanceof Error ? err.message : 'The variables are invalid', {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          if (cost > config.maxQueryCost) {
            throw new GraphQLError(
              `The query is too expensive: cost ${cost} is over the limit of ${config.maxQueryCost}. Ask for smaller pages or fewer fields.`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
