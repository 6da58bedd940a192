import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import PinoPretty from 'pino-pretty';
import { peekFacts } from './request-facts.js';

/**
 * Anything that could carry a secret or personal evidence, wherever it appears in a logged object. Request lines
 * are built from an allow-list below, so this is the second fence, for objects logged by hand.
 */
export const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'idToken',
  '*.idToken',
  'variables',
  '*.variables',
  'parameters',
  '*.parameters',
  'query',
  '*.query',
];

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** JSON lines on standard output; pretty, coloured lines only when it is a terminal. */
export function createRootLogger(level: string, destination?: DestinationStream): Logger {
  // process.stdout rather than a raw file descriptor, so whatever wraps the process's output (tests included) sees it.
  const stream = destination ?? (process.stdout.isTTY ? PinoPretty({ colorize: true, translateTime: 'SYS:HH:MM:ss.l' }) : process.stdout);
  return pino({ level, base: { service: 'pathways' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream);
}

/**
 * One line per request: id (the caller's X-Request-Id when well-formed, else a new one, echoed back), method, path
 * without its query string, status, duration, and for GraphQL the operation, personas and error codes.
 * No headers, bodies, variables or query strings are logged.
 */
export function requestLogger(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: IncomingMessage) => ({ method: req.method, path: pathOf(req) }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      // A request line names what failed, never where: pino-http's error for a 5xx answer carries a stack of file paths.
      err: (err: Error) => ({ type: err.name, message: err.message }),
    },
    wrapSerializers: false,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessObject: (req, _res, value) => ({ ...value, ...requestFields(req) }),
    customErrorObject: (req, _res, _err, value) => ({ ...value, ...requestFields(req) }),
    customSuccessMessage: (req, res, ms) => `${req.method} ${pathOf(req)} ${res.statusCode} ${ms}ms`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} failed with ${res.statusCode}`,
    autoLogging: { ignore: (req) => pathOf(req).startsWith('/health/') },
  });
}

/**
 * The GraphQL fields of a request line, present on every line: `operation` is null and `personas` empty when the
 * request never reached an operation (malformed JSON, an oversized body, a refused document, a plain HTTP route).
 */
function requestFields(req: IncomingMessage): Record<string, unknown> {
  const f = peekFacts(req);
  return {
    operation: f?.operationName ?? (f?.operationType ? `(anonymous ${f.operationType})` : (namedOperation(req) ?? null)),
    personas: f?.personas ?? [],
    accountId: f?.accountId,
    errorCodes: f?.errorCodes.length ? [...new Set(f.errorCodes)] : undefined,
  };
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;
const FIRST_OPERATION = /^(?:[\s,\uFEFF]|#[^\n]*\n)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]{0,127})\b/;

/**
 * For a request refused before GraphQL resolved its operation: the name the client gave (operationName, or the
 * first operation's name in the document's first kilobyte). A name only, checked against GraphQL's name syntax.
 */
function namedOperation(req: IncomingMessage): string | undefined {
  const body = (req as IncomingMessage & { body?: unknown }).body as { operationName?: unknown; query?: unknown } | undefined;
  if (!body || typeof body !== 'object') return undefined;
  if (typeof body.operationName === 'string') return NAME.test(body.operationName) ? body.operationName : undefined;
  if (typeof body.query !== 'string') return undefined;
  return FIRST_OPERATION.exec(body.query.slice(0, 1024))?.[1];
}

/** Express rewrites req.url inside mounted routers; originalUrl keeps the path the client asked for. */
const pathOf = (req: IncomingMessage): string =>
  ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];

/** Nest's own messages (bootstrap, errors from formatError) through the same pino logger, instead of coloured text. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const fields = context ? { context } : {};
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}
