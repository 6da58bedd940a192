import { Catch, Controller, Get, Headers, Param, Query, Res, UseFilters, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/app-error.js';
import type { Response } from 'express';
import { ProviderQueryError, type DocumentQuery } from '../domain/document-query.js';
import { CaseProviderService } from './case-provider.service.js';

/** The imsx status payload CASE answers errors with. */
export function imsxStatus(codeMinor: string, description: string) {
  return {
    imsx_codeMajor: 'failure',
    imsx_severity: 'error',
    imsx_description: description,
    imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'sourcedId', imsx_codeMinorFieldValue: codeMinor }] },
  };
}

/** Every failure under /ims/case answers with the spec's status code and an imsx payload, never a stack or SQL. */
@Catch()
export class CaseProviderFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof ProviderQueryError) {
      res.status(exception.status).json(imsxStatus(exception.codeMinor, exception.message));
    } else if (exception instanceof AppError && exception.code === ErrorCode.BUSY) {
      const retryAfter = exception.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') res.setHeader('retry-after', String(retryAfter));
      res.status(503).json(imsxStatus('server_busy', exception.message));
    } else {
      res.status(500).json(imsxStatus('internal_server_error', 'The provider failed; try again later'));
    }
  }
}

@Controller('ims/case/v1p1')
@UseFilters(CaseProviderFilter)
export class CaseProviderController {
  constructor(private readonly provider: CaseProviderService) {}

  @Get('CFDocuments')
  async documents(@Headers('authorization') auth: string | undefined, @Query() q: DocumentQuery, @Res() res: Response): Promise<void> {
    const { page, total, limit, offset } = await this.provider.documents(auth, {
      limit: one(q.limit),
      offset: one(q.offset),
      sort: one(q.sort),
      orderBy: one(q.orderBy),
      filter: one(q.filter),
      fields: one(q.fields),
    });
    res.setHeader('X-Total-Count', String(total));
    const links: string[] = [];
    if (offset + limit < total) links.push(`<?limit=${limit}&offset=${offset + limit}>; rel="next"`);
    if (offset > 0) links.push(`<?limit=${limit}&offset=${Math.max(0, offset - limit)}>; rel="prev"`);
    if (links.length) res.setHeader('Link', links.join(', '));
    res.json({ CFDocuments: page });
  }

  @Get('CFDocuments/:id')
  document(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    return this.provider.document(auth, id);
  }

  @Get('CFPackages/:id')
  package(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    return this.provider.packageById(auth, id);
  }

  @Get('CFItems/:id')
  item(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    return this.provider.item(auth, id);
  }

  @Get('CFAssociations/:id')
  association(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    return this.provider.association(auth, id);
  }

  @Get('CFItemAssociations/:id')
  itemAssociations(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    return this.provider.itemAssociations(auth, id);
  }

  @Get('CFRubrics/:id')
  rubric(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    return this.provider.rubric(auth, id);
  }
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
