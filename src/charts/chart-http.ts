import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { Response } from 'express';
import { badInput, ErrorCode } from '../common/app-error.js';
import { describeFailure, formatError, RETRY_AFTER_SECONDS } from '../common/format-error.js';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
  TIMEOUT: 504,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * A chart's errors answer as GraphQL's do (`errors[].extensions.code`, the same messages and codes, database
 * failures masked by the same rules), with the matching HTTP status; never a stack or SQL.
 */
@Catch()
export class ChartErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Charts');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const formatted = formatError({ message: '' }, exception, (err) =>
      this.logger.error(typeof err === 'string' ? err : describeFailure(err)),
    );
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (code === ErrorCode.SERVICE_UNAVAILABLE) res.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    res.status(STATUS[code] ?? 500).json({ errors: [{ message: formatted.message, extensions: formatted.extensions }] });
  }
}

/** The private figures of a chart: never cached, never sniffed, and the SVG opened on its own runs nothing. */
export function sendSvg(res: Response, svg: string, file: string): void {
  res
    .status(200)
    .type('image/svg+xml; charset=utf-8')
    .setHeader('cache-control', 'no-store')
    .setHeader('x-content-type-options', 'nosniff')
    .setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .setHeader('content-disposition', `inline; filename="${file}"`)
    .send(svg);
}

export type QueryValues = Record<string, string | string[] | undefined>;

/** A query parameter holding a list: repeated (`?a=x&a=y`) or comma-separated (`?a=x,y`). */
export function listParam(raw: string | string[] | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function singleParam(query: QueryValues, name: string): string | undefined {
  const raw = query[name];
  if (Array.isArray(raw)) throw badInput(`${name} may be given once`);
  return raw;
}

export function intParam(query: QueryValues, name: string): number | undefined {
  const raw = singleParam(query, name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw badInput(`${name} must be a whole number, got "${raw}"`);
  return Number(raw);
}

export function boolParam(query: QueryValues, name: string): boolean | undefined {
  const raw = singleParam(query, name);
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw badInput(`${name} must be true or false, got "${raw}"`);
}

export function refuseUnknownParams(query: QueryValues, known: readonly string[]): void {
  const unknown = Object.keys(query).filter((k) => !known.includes(k));
  if (unknown.length)
    throw badInput(`Unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; this chart takes ${known.join(', ')}`);
}

/**
 * Checks a chart's parameters with the very argument class of the report's GraphQL field, so a chart accepts
 * exactly what the report accepts and refuses the rest with the same messages.
 */
export async function reportArgs<T extends object>(cls: new () => T, plain: Record<string, unknown>): Promise<T> {
  const defined = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined));
  const args = plainToInstance(cls, defined);
  const errors = await validate(args, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw badInput([...new Set(messages(errors))].join('; '));
  return args;
}

function messages(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => [...Object.values(e.constraints ?? {}), ...messages(e.children ?? [])]);
}
