import { Controller, Delete, Get, Headers, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { HeavyWorkLimiter } from '../common/heavy/heavy-work.js';
import type { Request, Response } from 'express';
import { Persona, type Principal } from '../access/persona.js';
import { PrincipalResolver } from '../access/principal.resolver-service.js';
import { badInput, forbidden, unauthenticated } from '../common/app-error.js';
import { parseDelimiter } from './csv-source.js';
import { IMPORT_KINDS, isImportKind, type ImportKind } from './domain/columns.js';
import type { ImportJobEntity } from './import-job.entity.js';
import { ExportsService } from './exports.service.js';
import { ImportsService } from './imports.service.js';
import { HttpErrorFilter } from './http-error.filter.js';

/**
 * Imports, commits and exports are heavy work (HeavyWorkLimiter), entered only after the caller is known to be HR:
 * authentication and permission are decided first, so a refused caller never sees BUSY.
 *
 * Files travel as raw request and response bodies (text/csv), not inside GraphQL: an upload is streamed to disk
 * as it arrives, whatever its size, and an export is streamed out page by page. HR only, with the same bearer token.
 */
@Controller()
@UseFilters(HttpErrorFilter)
export class ImportsController {
  constructor(
    private readonly principals: PrincipalResolver,
    private readonly imports: ImportsService,
    private readonly exports: ExportsService,
    private readonly heavy: HeavyWorkLimiter,
  ) {}

  @Post('imports/:kind')
  async upload(
    @Headers('authorization') auth: string | undefined,
    @Param('kind') kind: string,
    @Query('delimiter') delimiter: string | undefined,
    @Req() req: Request,
  ) {
    const actor = await this.hr(auth);
    const sep = parseDelimiter(delimiter);
    if (!sep) throw badInput('delimiter must be comma, semicolon, tab or pipe');
    const k = checkKind(kind);
    return view(await this.heavy.run(() => this.imports.preview(actor, k, sep, req)));
  }

  @Get('imports/jobs/:id')
  async status(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    await this.hr(auth);
    return view(await this.imports.get(id));
  }

  @Post('imports/jobs/:id/commit')
  async commit(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    const actor = await this.hr(auth);
    return view(await this.heavy.run(() => this.imports.commit(actor, id)));
  }

  @Delete('imports/jobs/:id')
  async cancel(@Headers('authorization') auth: string | undefined, @Param('id') id: string) {
    return view(await this.imports.cancel(await this.hr(auth), id));
  }

  @Get('imports/:kind/template')
  async template(@Headers('authorization') auth: string | undefined, @Param('kind') kind: string, @Res() res: Response) {
    await this.hr(auth);
    const k = checkKind(kind);
    res.type('text/csv; charset=utf-8').attachment(`${k}-template.csv`).send(this.exports.template(k));
  }

  @Get('exports/:kind')
  async export(@Headers('authorization') auth: string | undefined, @Param('kind') kind: string, @Res() res: Response) {
    await this.hr(auth);
    const k = checkKind(kind);
    await this.heavy.run(async () => {
      res.type('text/csv; charset=utf-8').attachment(`${k}.csv`);
      await this.exports.write(k, res);
    });
  }

  private async hr(header: string | undefined): Promise<Principal> {
    if (!header) throw unauthenticated('Sign in first: send your access token as "Authorization: Bearer <token>"');
    const principal = await this.principals.resolve(header);
    if (!principal.personas.has(Persona.HR)) throw forbidden('Only HR imports and exports district data');
    return principal;
  }
}

function checkKind(kind: string): ImportKind {
  if (!isImportKind(kind)) throw badInput(`Unknown kind "${kind}"; use one of ${IMPORT_KINDS.join(', ')}`);
  return kind;
}

function view(j: ImportJobEntity) {
  return {
    id: j.id,
    kind: j.kind,
    phase: j.phase,
    fileSha256: j.fileSha256,
    fileBytes: j.fileBytes,
    rowsRead: j.rowsRead,
    rowsValid: j.rowsValid,
    toCreate: j.toCreate,
    toUpdate: j.toUpdate,
    unchanged: j.unchanged,
    errorCount: j.errorCount,
    errors: j.errors,
    createdAt: j.createdAt,
    committedAt: j.committedAt,
  };
}
