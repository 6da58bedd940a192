import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every GraphQL error to Apollo's formatError untouched; formatError decides the code and logs
 * only what is unexpected (Nest's default handler would log expected client errors as server errors).
 */
@Catch()
export class GraphqlPassthroughFilter implements GqlExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): unknown {
    return exception;
  }
}
