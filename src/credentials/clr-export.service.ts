import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isHr, type Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound } from '../common/app-error.js';
import { CredentialIssuingService } from './credential-issuing.service.js';
import { CredentialsRepository } from './credentials.repository.js';
import { buildClrCredential, clrContents, type ClrContents } from './domain/clr.js';

export interface ClrExport {
  document: Record<string, unknown>;
  credentialCount: number;
  omitted: ClrContents['omitted'];
}

/**
 * An educator's verified portfolio as a Comprehensive Learner Record 2.0 (ClrCredential) signed by the district: the
 * credentials the district issued them (not revoked) and those they imported that are VERIFIED and current, each
 * embedded with its own issuer's proof. Nothing is stored; the export is audited.
 */
@Injectable()
export class ClrExportService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly issuing: CredentialIssuingService,
    private readonly audit: AuditService,
  ) {}

  async export(actor: Principal, requested: string | undefined): Promise<ClrExport> {
    const educatorId = isHr(actor) ? (requested ?? actor.educatorId) : actor.educatorId;
    if (!educatorId)
      throw badInput(isHr(actor) ? 'Give educatorId: whose record is this?' : 'Only educators and HR can export a learner record');
    if (!isHr(actor) && requested && requested !== actor.educatorId) throw notFound('Educator', requested);
    const holder = await this.repo.holderIdentity(educatorId);
    if (!holder) throw notFound('Educator', educatorId);
    const [{ work_email: email }]: Array<{ work_email: string }> = await this.db.query('SELECT work_email FROM educator WHERE id = $1', [
      educatorId,
    ]);
    const contents = clrContents(await this.repo.portfolioCredentials(educatorId, new Date()));
    if (!contents.included.length) {
      throw badInput(
        'There is no verified credential to put in a learner record yet (district credentials, or imported ones that are VERIFIED and current)',
      );
    }
    const document = await this.issuing.signAsDistrict((issuer) =>
      buildClrCredential({
        id: `urn:uuid:${randomUUID()}`,
        issuer: { did: issuer.did, name: issuer.name, url: issuer.url },
        learner: { fullName: holder.fullName, email },
        credentials: contents.included,
        issuedAt: new Date(),
      }),
    );
    await this.audit.record(actor, {
      action: 'CLR_EXPORTED',
      targetType: 'Educator',
      targetId: educatorId,
      changes: { clrId: document.id, credentials: contents.included.length, omitted: contents.omitted.length },
    });
    return { document, credentialCount: contents.included.length, omitted: contents.omitted };
  }
}
