import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CredentialIssuingService, STATUS_LIST_PATH } from './credential-issuing.service.js';

/** What a third party needs to verify a district credential, without an account. */
@Controller()
export class WellKnownController {
  constructor(private readonly issuing: CredentialIssuingService) {}

  @Get('.well-known/did.json')
  async didDocument(@Res() res: Response): Promise<void> {
    const doc = await this.issuing.didDocument();
    if (!doc) {
      res.status(404).json({ error: 'The district is not set up as an issuer' });
      return;
    }
    res.status(200).type('application/did+json').set('cache-control', 'public, max-age=300').send(JSON.stringify(doc));
  }

  @Get(STATUS_LIST_PATH.slice(1))
  async statusList(@Res() res: Response): Promise<void> {
    const doc = await this.issuing.statusListCredential();
    if (!doc) {
      res.status(404).json({ error: 'The district is not set up as an issuer' });
      return;
    }
    // Short cache: a revocation must reach verifiers quickly.
    res.status(200).type('application/vc+ld+json').set('cache-control', 'public, max-age=60').send(JSON.stringify(doc));
  }
}
