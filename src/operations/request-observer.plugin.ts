import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../access/request-context.js';
import { factsOf } from './request-facts.js';

/**
 * Records, for the request log and metrics, which operation ran, who ran it and which error codes it answered.
 * Only names and codes: never variables, tokens or result data.
 */
export function requestObserverPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          const f = factsOf(contextValue.req);
          f.operationName = operationName ?? undefined;
          f.operationType = operation?.operation;
        },
        async willSendResponse({ contextValue, response }) {
          const f = factsOf(contextValue.req);
          const principal = contextValue.principal;
          if (principal) {
            f.personas = [...principal.personas].sort();
            f.accountId = principal.accountId;
          }
          // The formatted errors, so the codes are the ones the client saw.
          const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const e of sent ?? []) f.errorCodes.push(String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
        },
      };
    },
  };
}
