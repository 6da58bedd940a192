import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode } from '../common/app-error.js';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  TIMEOUT: 504,
  SERVICE_UNAVAILABLE: 503,
  BUSY: 503,
};

/** The plain HTTP endpoints answer errors in the same shape as GraphQL (errors[].extensions.code), never a stack. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Imports');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const known = exception instanceof AppError;
    if (!known) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    const code = known ? exception.code : ErrorCode.INTERNAL_SERVER_ERROR;
    const message = known ? exception.message : 'Something went wrong on our side; try again later';
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const retryAfter = known ? exception.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
    res.status(STATUS[code]).json({
      errors: [
        {
          message,
          extensions: {
            code,
            ...(known && exception.reason ? { reason: exception.reason } : {}),
            ...(typeof retryAfter === 'number' ? { retryAfterSeconds: retryAfter } : {}),
          },
        },
      ],
    });
  }
}
