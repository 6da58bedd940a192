import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every GraphQL error to Apollo's formatError untouched; formatError decides the code and logs
 * only what is unexpected (Nest's default handler would log expected client errors as server errors).
 */
@Catch()
export class GraphqlPassthroughFilter implements GqlExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): unknown {
    return asError(exception);
  }
}

/**
 * GraphQL treats a returned Error as a failure but any other value as data, so whatever was thrown must
 * come back as an Error of this realm: a thrown string, or an error made by another realm (the driver's
 * socket errors are, under a VM sandbox such as the test runner's), would otherwise become a null result.
 */
function asError(exception: unknown): Error {
  if (exception instanceof Error) return exception;
  const source = exception && typeof exception === 'object' ? (exception as Record<string, unknown>) : {};
  const error = new Error(typeof source.message === 'string' ? source.message : String(exception));
  for (const key of ['name', 'code', 'errno', 'syscall', 'stack'] as const) if (key in source) Object.assign(error, { [key]: source[key] });
  return error;
}
