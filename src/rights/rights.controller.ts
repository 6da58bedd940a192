import { Controller, Get, Headers, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { isUUID } from 'class-validator';
import { Persona, type Principal } from '../access/persona.js';
import { PrincipalResolver } from '../access/principal.resolver-service.js';
import { badInput, forbidden, unauthenticated } from '../common/app-error.js';
import { HttpErrorFilter } from '../imports/http-error.filter.js';
import { PersonalDataExportService } from './personal-data-export.service.js';

/** The personal-data export as a file download, with the same bearer token as the API. */
@Controller()
@UseFilters(HttpErrorFilter)
export class RightsController {
  constructor(
    private readonly principals: PrincipalResolver,
    private readonly exports: PersonalDataExportService,
  ) {}

  @Get('me/export.json')
  async mine(@Headers('authorization') auth: string | undefined, @Res() res: Response) {
    const actor = await this.signedIn(auth);
    if (!actor.personas.has(Persona.EDUCATOR)) throw forbidden('Only an educator has a personal-data export of their own');
    send(res, await this.exports.mine(actor));
  }

  @Get('educators/:id/export.json')
  async forPerson(@Headers('authorization') auth: string | undefined, @Param('id') id: string, @Res() res: Response) {
    const actor = await this.signedIn(auth);
    if (!actor.personas.has(Persona.HR)) throw forbidden("Only HR exports another person's data");
    if (!isUUID(id)) throw badInput(`The id "${id.slice(0, 40)}" is malformed: ids are UUIDs`);
    send(res, await this.exports.forPerson(actor, id));
  }

  private async signedIn(header: string | undefined): Promise<Principal> {
    if (!header) throw unauthenticated('Sign in first: send your access token as "Authorization: Bearer <token>"');
    return this.principals.resolve(header);
  }
}

function send(res: Response, doc: Record<string, unknown>): void {
  res.set('cache-control', 'no-store');
  res
    .type('application/json; charset=utf-8')
    .attachment(`pathways-personal-data-${String(doc.educatorId)}.json`)
    .send(JSON.stringify(doc, null, 2));
}
