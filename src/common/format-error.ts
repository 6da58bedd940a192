import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, CommonReason, ErrorCode } from './app-error.js';

/** Codes produced by GraphQL itself (parsing, validation, variable coercion) that are safe to pass on. */
const GRAPHQL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

interface HttpLikeError {
  getStatus?: () => number;
  getResponse?: () => unknown;
  status?: number;
}

/** PostgreSQL SQLSTATEs a client can cause, translated without leaking SQL text. */
function fromPostgres(err: { code?: string; constraint?: string }): { code: ErrorCode; message: string; reason?: CommonReason } | undefined {
  switch (err.code) {
    case '22P02':
    case '22007':
    case '22008':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value has the wrong format (for example a malformed id or date)' };
    case '22001':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long' };
    case '22003':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A number is out of range' };
    case '23505':
      return { code: ErrorCode.CONFLICT, message: 'This would create a duplicate of an existing record', reason: CommonReason.DUPLICATE_RECORD };
    case '23503':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A referenced record does not exist' };
    case '23514':
    case '23502':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'The change breaks a data rule' };
    case '40001':
    case '40P01':
      return { code: ErrorCode.CONFLICT, message: 'A concurrent change got in the way; try again', reason: CommonReason.CONCURRENT_CHANGE };
    case '57014':
      return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'The request took too long and was cancelled' };
    default:
      return undefined;
  }
}

function fromHttpException(err: HttpLikeError): { code: ErrorCode; message: string } | undefined {
  const status = typeof err.getStatus === 'function' ? err.getStatus() : undefined;
  if (status === undefined) return undefined;
  const response = err.getResponse?.() as { message?: string | string[] } | string | undefined;
  const raw = typeof response === 'string' ? response : response?.message;
  const message = Array.isArray(raw) ? raw.join('; ') : (raw ?? 'Request refused');
  if (status === 400) return { code: ErrorCode.BAD_USER_INPUT, message };
  if (status === 401) return { code: ErrorCode.UNAUTHENTICATED, message };
  if (status === 403) return { code: ErrorCode.FORBIDDEN, message };
  if (status === 404) return { code: ErrorCode.NOT_FOUND, message };
  if (status === 409) return { code: ErrorCode.CONFLICT, message };
  if (status === 429) return { code: ErrorCode.TOO_MANY_REQUESTS, message };
  return undefined;
}

/**
 * Every error a client sees: a plain message and a code, never a stack trace or SQL text.
 * Unknown failures are logged by the caller-supplied logger and masked.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (err: unknown) => void = () => undefined,
): GraphQLFormattedError {
  const original = unwrapResolverError(error) as Record<string, unknown> & Error;
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...(original.reason ? { reason: original.reason } : {}), ...(original.details ?? {}) } };
  }
  const http = fromHttpException(original as HttpLikeError);
  if (http) return { ...base, message: http.message, extensions: { code: http.code } };

  const pg = original && typeof original === 'object' ? fromPostgres(original as { code?: string }) : undefined;
  if (pg) {
    if (pg.code === ErrorCode.INTERNAL_SERVER_ERROR) log(original);
    return { ...base, message: pg.message, extensions: { code: pg.code, ...(pg.reason ? { reason: pg.reason } : {}) } };
  }

  const code = formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  log(original);
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
