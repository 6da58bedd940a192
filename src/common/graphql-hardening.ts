import type { ApolloServerPlugin } from '@apollo/server';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { GraphQLError } from 'graphql';
import type { AppConfig } from '../config/app-config.js';

// The schema Nest builds comes from graphql's CommonJS build; load the cost calculator the same way
// so both use one copy of graphql's classes.
const { getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

/**
 * A field costs its own price (COST in cost.ts for district-wide work, else 1) plus what it selects; a paged
 * list its page size times what each item selects, so many aliases or a huge page cannot slip through.
 */
export const workEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const price = field.extensions?.complexity;
  const own = typeof price === 'number' ? price : 1;
  const first = typeof args?.first === 'number' ? args.first : undefined;
  return own + (first === undefined ? childComplexity : first * Math.max(1, childComplexity));
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
              estimators: [workEstimator],
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
              { extensions: { code: 'BAD_USER_INPUT', limit: 'cost', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

/** Codes of errors GraphQL raises before execution: parse, validation, variable coercion. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * HTTP status codes as the GraphQL-over-HTTP spec asks:
 * - a client that accepts only `application/json` gets 200 for parse, validation and variable errors of a
 *   well-formed request (the legacy media type carries no status semantics); a client that accepts
 *   `application/graphql-response+json`, or sends no Accept header, gets 400. A refusal for a configured limit (`extensions.limit`) is
 *   always 400.
 * - an executed operation answers 200, its errors in the body (what Nest's own status plugin did; this one
 *   replaces it so the next rule can apply);
 * - when the database is out of reach and the operation produced no data at all, 503 with `Retry-After`, so
 *   proxies and clients know a retry is safe.
 */
export function httpStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length) return;
          const codes = errors.map((e) => e.extensions?.code);
          const noData = data === undefined || data === null || Object.values(data).every((v) => v === null);
          if (noData && codes.every((c) => c === 'SERVICE_UNAVAILABLE' || c === 'BUSY')) {
            const retry = errors[0].extensions?.retryAfterSeconds;
            response.http.status = 503;
            if (typeof retry === 'number') response.http.headers.set('retry-after', String(retry));
            return;
          }
          if (data !== undefined) {
            // Execution ran: the errors are field errors, reported in the body.
            response.http.status = 200;
            return;
          }
          const requestError =
            data === undefined &&
            errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)) && e.extensions?.limit === undefined);
          // Only a client that names application/json and not the GraphQL media type gets the legacy 200; a missing
          // or wildcard Accept is treated as application/graphql-response+json (the spec's post-2025 watershed).
          const accept = request.http?.headers.get('accept') ?? '';
          const legacyJson = accept.includes('application/json') && !accept.includes('application/graphql-response+json');
          if (requestError && legacyJson && response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}
