/**
 * The error codes a client can branch on. Every error that reaches a client carries one of these in
 * `extensions.code`; anything else is masked as INTERNAL_SERVER_ERROR.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The request ran past its time budget and was cancelled; nothing it started was kept. */
  TIMEOUT = 'TIMEOUT',
  /** The database is unreachable or overloaded; `extensions.retryAfterSeconds` says when a retry is worth it. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /**
   * Heavy work (rankings, reports, exports, imports) is at its bound; nothing was done. `extensions.retryAfterSeconds`
   * says when a retry is worth it; cheap requests are still answered.
   */
  BUSY = 'BUSY',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Reasons shared by every module, sent as `extensions.reason` beside the code so a client can tell one CONFLICT
 * from another. Modules add their own (HiringReason, RoleReason, ...); the README's error table lists them all.
 */
export enum CommonReason {
  /** The record changed since the client loaded it (its `version` moved): reload and retry. */
  STALE_VERSION = 'STALE_VERSION',
  /** The write would duplicate a record that must be unique. */
  DUPLICATE_RECORD = 'DUPLICATE_RECORD',
  /** A concurrent transaction got in the way; retrying the same request is safe. */
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
}

/** A failure the client caused or must know about. Framework-free so domain code can throw it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Machine-readable, finer than the code: sent as `extensions.reason` when set. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>, reason?: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, message, details, reason);
export const notFound = (what: string, id?: string) =>
  new AppError(ErrorCode.NOT_FOUND, id ? `${what} ${id} was not found` : `${what} was not found`);
export const conflict = (message: string, reason?: string) => new AppError(ErrorCode.CONFLICT, message, undefined, reason);
export const forbidden = (message = 'You are not allowed to do this') => new AppError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'Sign in first') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const staleVersion = (what: string) =>
  conflict(`${what} was changed by someone else since you loaded it; reload and try again`, CommonReason.STALE_VERSION);
