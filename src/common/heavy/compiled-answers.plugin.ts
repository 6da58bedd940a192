import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError, OperationDefinitionNode } from 'graphql';
import { AppError } from '../app-error.js';
import { Lru } from '../lru.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { HEAVY_ANSWER_FIELDS } from './heavy-answers.js';

/** Compiled documents kept per instance (least recently used dropped first). */
const MAX_COMPILED = 200;

/**
 * Executes queries for large answers (a ranking page of 50 explained candidates, a standing over every open role)
 * with graphql-jit: the document is compiled once into plain JavaScript and each request runs that, instead of
 * graphql-js walking the document for each of the thousands of fields of such an answer (measured: most of the
 * event loop's time for a cached ranking page). Only queries whose every root selection is one of `fields` take
 * this path, after Apollo has parsed, validated and costed them; everything else is executed by graphql-js. An
 * answer with the service's own coded errors is formatted by the application's formatter, as Apollo would; any
 * other error (variable coercion, an unexpected failure) is answered by graphql-js, so it is formatted and reported
 * exactly as everywhere else. The queries are reads, so running one again changes nothing.
 */
export function compiledAnswersPlugin(
  /** The application's error formatter (Apollo's formatError), applied to the service's own coded errors. */
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  metrics?: { compiledAnswer(result: 'compiled' | 'fallback' | 'uncompilable'): void },
  fields: ReadonlySet<string> = HEAVY_ANSWER_FIELDS,
): ApolloServerPlugin {
  const compiled = new Lru<CompiledQuery>(MAX_COMPILED);
  return {
    async requestDidStart() {
      return {
        async responseForOperation(rc) {
          const op = rc.operation;
          if (!op || !rc.source || !isHeavyQuery(op, fields)) return null;
          const key = `${rc.operationName ?? ''}\u0000${rc.source}`;
          let query = compiled.get(key);
          if (!query) {
            const made = compileQuery(rc.schema, rc.document, rc.operationName ?? undefined);
            if (!isCompiledQuery(made)) {
              metrics?.compiledAnswer('uncompilable');
              return null;
            }
            compiled.set(key, (query = made));
          }
          const result = await query.query(undefined, rc.contextValue, rc.request.variables ?? {});
          const errors = result.errors as readonly GraphQLError[] | undefined;
          // The service's own refusals (NOT_FOUND, FORBIDDEN, BUSY...) are formatted here as Apollo would format them; anything
          // else is answered by graphql-js, so that e.g. a BUSY ranking does not wait in line a second time.
          if (errors?.length && !errors.every((e) => e.originalError instanceof AppError)) {
            metrics?.compiledAnswer('fallback');
            return null;
          }
          metrics?.compiledAnswer('compiled');
          const singleResult = errors?.length
            ? { errors: errors.map((e) => formatError(e.toJSON(), e)), data: result.data }
            : { data: result.data };
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
        },
      };
    },
  };
}

function isHeavyQuery(op: OperationDefinitionNode, fields: ReadonlySet<string>): boolean {
  return (
    op.operation === 'query' &&
    op.selectionSet.selections.length > 0 &&
    op.selectionSet.selections.every((s) => s.kind === 'Field' && fields.has(s.name.value) && !s.directives?.length)
  );
}
