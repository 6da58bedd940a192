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

/**
 * In production (introspection off) GraphQL's own validation and coercion messages would name schema
 * types, fields and required inputs; these say what kind of mistake it is and point to the published SDL.
 */
const SCHEMA_FREE_MESSAGES: Record<string, string> = {
  GRAPHQL_VALIDATION_FAILED:
    'The operation does not match the API schema (an unknown or misspelt field, argument or type, or a missing required argument). Check it against the published schema.',
  BAD_USER_INPUT:
    'A variable does not match its declared type (a missing required field, an unknown field or a value of the wrong type). Check it against the published schema.',
};

/** GraphQL's refusal of a value outside the Persona enum (variable coercion or a literal in the document). */
const UNKNOWN_PERSONA = /Value "((?:[^"\\]|\\.)*)" does not exist in "Persona" enum/;

interface HttpLikeError {
  getStatus?: () => number;
  getResponse?: () => unknown;
  status?: number;
}

/** Seconds a client should wait before retrying when the database is out of reach. */
export const RETRY_AFTER_SECONDS = 5;

interface Mapped {
  code: ErrorCode;
  message: string;
  reason?: CommonReason;
  extensions?: Record<string, unknown>;
}

const UNAVAILABLE: Mapped = {
  code: ErrorCode.SERVICE_UNAVAILABLE,
  message: `The database is unavailable for a moment; nothing was changed. Retry in ${RETRY_AFTER_SECONDS} seconds.`,
  extensions: { retryAfterSeconds: RETRY_AFTER_SECONDS },
};

/** Network-level failures of the driver or the pool: the database went away, not the request's fault. */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|is not currently accepting connections/i;

export function isDatabaseOutage(err: { code?: unknown; message?: unknown } | null | undefined): boolean {
  if (!err) return false;
  // TypeORM raises this when a transaction's connection was lost under it and the rollback finds it gone.
  if ((err as { name?: unknown }).name === 'QueryRunnerAlreadyReleasedError') return true;
  const code = typeof err.code === 'string' ? err.code : '';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '53400'].includes(code) || CONNECTION_ERRNOS.has(code)) return true;
  return typeof err.message === 'string' && CONNECTION_MESSAGES.test(err.message);
}

/** PostgreSQL SQLSTATEs a client can cause, translated without leaking SQL text. */
function fromPostgres(err: { code?: string; constraint?: string; message?: string }): Mapped | undefined {
  if (isDatabaseOutage(err)) return UNAVAILABLE;
  switch (err.code) {
    case '22021':
      return {
        code: ErrorCode.BAD_USER_INPUT,
        message: 'A text value contains a character that cannot be stored (such as NUL); remove it',
      };
    case '54000':
    case '54001':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value or the request is too large to process; send less' };
    case '53100':
    case '53200':
      return { ...UNAVAILABLE, message: `The database is short of resources; retry in ${RETRY_AFTER_SECONDS} seconds.` };
    case '22P02':
    case '22007':
    case '22008':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value has the wrong format (for example a malformed id or date)' };
    case '22001':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value is too long' };
    case '22003':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A number is out of range' };
    case '23505':
      return {
        code: ErrorCode.CONFLICT,
        message: 'This would create a duplicate of an existing record',
        reason: CommonReason.DUPLICATE_RECORD,
      };
    case '23503':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A referenced record does not exist' };
    case '23514':
    case '23502':
      return { code: ErrorCode.BAD_USER_INPUT, message: 'The change breaks a data rule' };
    case '40001':
    case '40P01':
      return { code: ErrorCode.CONFLICT, message: 'A concurrent change got in the way; try again', reason: CommonReason.CONCURRENT_CHANGE };
    case '57014':
      return {
        code: ErrorCode.TIMEOUT,
        message:
          'The request took too long and was cancelled; nothing was changed. Ask for less (smaller pages, fewer aliases) and try again.',
      };
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
  production = false,
  /** The valid personas, named in the answer to an unknown one (given by the application: common sits below access). */
  personas: readonly string[] = [],
): GraphQLFormattedError {
  const original = unwrapResolverError(error) as Record<string, unknown> & Error;
  const base = { locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return {
      ...base,
      message: original.message,
      extensions: { code: original.code, ...(original.reason ? { reason: original.reason } : {}), ...(original.details ?? {}) },
    };
  }
  const http = fromHttpException(original as HttpLikeError);
  if (http) return { ...base, message: http.message, extensions: { code: http.code } };

  const pg = original && typeof original === 'object' ? fromPostgres(original as { code?: string }) : undefined;
  if (pg)
    return { ...base, message: pg.message, extensions: { code: pg.code, ...(pg.reason ? { reason: pg.reason } : {}), ...pg.extensions } };

  const code = formatted.extensions?.code;
  // An unknown persona, whether sent in a variable or written in the operation: a plain input mistake with its fix
  // (the personas are public, documented values), in development and production alike.
  const persona = typeof code === 'string' && GRAPHQL_CODES.has(code) ? UNKNOWN_PERSONA.exec(formatted.message) : null;
  if (persona) {
    return {
      ...base,
      message: `Unknown persona "${persona[1].slice(0, 40)}": a persona is one of ${personas.join(', ')}`,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  if (typeof code === 'string' && GRAPHQL_CODES.has(code)) {
    const limit = formatted.extensions?.limit;
    // GraphQL quotes every schema name it mentions; a message without quotes (the introspection refusal) says nothing of the schema.
    const namesSchema = production && typeof limit !== 'string' && formatted.message.includes('"');
    const message = namesSchema ? (SCHEMA_FREE_MESSAGES[code] ?? formatted.message) : formatted.message;
    return { ...base, message, extensions: { code, ...(typeof limit === 'string' ? { limit } : {}) } };
  }
  log(describeFailure(original));
  return { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * What the server log gets for an unexpected failure: the stack of our code, never the SQL text or the
 * parameters of a failed statement (TypeORM's QueryFailedError carries both; parameters hold personal data).
 */
export function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const stack = err.stack ?? `${err.name}: ${err.message}`;
  return typeof code === 'string' ? `[${code}] ${stack}` : stack;
}
