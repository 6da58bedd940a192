import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { AppConfig } from '../config/app-config.js';
import { checkOperationLimits } from './operation-limits.js';

/** Response media type of the GraphQL-over-HTTP spec; clients that accept it get 4xx for request errors. */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/**
 * Runs before Apollo: parses the operation with a token cap and measures it in one linear pass
 * (depth, aliases, directives, expanded fields). Anything over a limit is refused with HTTP 400 and a
 * coded error, before GraphQL's own validation rules or the cost estimate ever see the document, so
 * their running time is bounded by these limits. Syntax errors other than the token cap are left to
 * Apollo, which reports them in its usual shape.
 */
export function operationGuard(config: AppConfig) {
  const limits = {
    maxDepth: config.maxQueryDepth,
    maxAliases: config.maxQueryAliases,
    maxDirectives: config.maxQueryDirectives,
    maxFields: config.maxQueryFields,
    maxRepeatedPairs: config.maxQueryRepeatedPairs,
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const query = queryOf(req);
    if (query === undefined) return next();
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: config.maxQueryTokens, noLocation: true });
    } catch (err) {
      // graphql 16 words it "more that N tokens"; accept the corrected spelling too.
      if (err instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(err.message)) {
        return refuse(req, res, 'GRAPHQL_PARSE_FAILED', {
          limit: 'tokens',
          message: `The operation has more than ${config.maxQueryTokens} tokens. Send a smaller operation.`,
        });
      }
      return next();
    }
    const breach = checkOperationLimits(document, limits);
    if (breach) return refuse(req, res, 'GRAPHQL_VALIDATION_FAILED', breach);
    if (hasNul(document) || hasNul((req.body as { variables?: unknown } | undefined)?.variables)) {
      return refuse(req, res, 'BAD_USER_INPUT', {
        message: 'A text value contains the NUL character (\\u0000), which cannot be stored. Remove it and try again.',
      });
    }
    if (document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'subscription')) {
      return refuse(req, res, 'GRAPHQL_VALIDATION_FAILED', {
        limit: 'operation',
        message: 'This service has no subscriptions; send a query or a mutation.',
      });
    }
    res.locals.rootFields = rootFieldsOf(document);
    next();
  };
}

/** The root fields the document's operations select (fragments spread at the root included), for heavyAnswersGate. */
function rootFieldsOf(document: DocumentNode): Set<string> {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const out = new Set<string>();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value) && fragments.has(s.name.value)) {
        seen.add(s.name.value);
        visit(fragments.get(s.name.value)!);
      }
    }
  };
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) visit(d.selectionSet);
  return out;
}

/** PostgreSQL text cannot hold NUL; refusing it here keeps it away from SQL (SQLSTATE 22021) entirely. */
function hasNul(root: unknown): boolean {
  // Iterative: variables may nest as deep as the body limit allows, deeper than the call stack.
  const pending: unknown[] = [root];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

function queryOf(req: Request): string | undefined {
  const fromBody = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof fromBody === 'string') return fromBody;
  const fromUrl = req.method === 'GET' ? (req.query as { query?: unknown }).query : undefined;
  return typeof fromUrl === 'string' ? fromUrl : undefined;
}

function refuse(req: Request, res: Response, code: string, breach: { limit?: string; message: string }): void {
  const type =
    req.accepts([GRAPHQL_RESPONSE_JSON, 'application/json']) === GRAPHQL_RESPONSE_JSON ? GRAPHQL_RESPONSE_JSON : 'application/json';
  res
    .status(400)
    .type(`${type}; charset=utf-8`)
    .send(
      JSON.stringify({ errors: [{ message: breach.message, extensions: { code, ...(breach.limit ? { limit: breach.limit } : {}) } }] }),
    );
}
