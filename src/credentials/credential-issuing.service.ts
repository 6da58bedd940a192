import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, forbidden, notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { buildAchievementCredential, caseAlignment, checkIssuable, checkIssuerUrl, didWebFor } from './domain/district-credential.js';
import { encodeStatusList, statusListWith } from './domain/status-list.js';
import { CredentialsRepository } from './credentials.repository.js';
import { DistrictIssuerEntity } from './entities/district-issuer.entity.js';
import { IssuedCredentialEntity } from './entities/issued-credential.entity.js';
import { generateSigningKey, signDataIntegrity, signVcJwt, type SigningKey } from './issuing/credential-signer.js';
import { openSecret, sealSecret } from './issuing/key-vault.js';
import { DID_V1, MULTIKEY_V1 } from './verification/contexts.js';

export const STATUS_LIST_PATH = '/credentials/status/1';
const KEY_FRAGMENT = '#key-1';

/**
 * The district as an issuer: its profile and sealed Ed25519 key, the credentials it issues for verified evidence,
 * and the public documents a verifier needs without an account (DID document, revocation status list).
 */
@Injectable()
export class CredentialIssuingService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private secret(): string {
    if (!this.config.credentialKeySecret)
      throw badInput('Issuing is off: set CREDENTIAL_KEY_SECRET (at least 32 characters) on the server and restart it');
    return this.config.credentialKeySecret;
  }

  async profile(): Promise<DistrictIssuerEntity | null> {
    return this.db.getRepository(DistrictIssuerEntity).findOneBy({ id: 1 });
  }

  /** Creates the district issuer with a new key, or renames it; its site (and so its DID) is fixed once anything was issued. */
  async setUp(actor: Principal, input: { name: string; url: string }): Promise<DistrictIssuerEntity> {
    const secret = this.secret();
    const name = input.name.trim();
    if (!name || name.length > 200) throw badInput('name must be 1 to 200 characters');
    const url = checkIssuerUrl(input.url, this.config.nodeEnv === 'production');
    const did = didWebFor(url);
    return this.db.transaction(async (m) => {
      const current = await m.getRepository(DistrictIssuerEntity).findOne({ where: { id: 1 }, lock: { mode: 'pessimistic_write' } });
      if (current) {
        if (current.url !== url && (await m.getRepository(IssuedCredentialEntity).count()) > 0) {
          throw conflict('The district has issued credentials under its current site; changing the site would break their verification');
        }
        const keyChanges = current.url !== url ? await this.newKey(did, secret) : {};
        await m.getRepository(DistrictIssuerEntity).update({ id: 1 }, { name, url, did, ...keyChanges });
      } else {
        await m.getRepository(DistrictIssuerEntity).insert({ id: 1, name, url, did, ...(await this.newKey(did, secret)) });
      }
      await this.audit.record(
        actor,
        { action: 'DISTRICT_ISSUER_SET_UP', targetType: 'DistrictIssuer', targetId: did, changes: { name, url, did } },
        m,
      );
      return (await m.getRepository(DistrictIssuerEntity).findOneBy({ id: 1 }))!;
    });
  }

  private async newKey(did: string, secret: string): Promise<Pick<DistrictIssuerEntity, 'publicKeyMultibase' | 'sealedSecretKey'>> {
    const key = await generateSigningKey(did, `${did}${KEY_FRAGMENT}`);
    return { publicKeyMultibase: key.publicKeyMultibase, sealedSecretKey: sealSecret(key.secretKeyMultibase, secret) };
  }

  private signingKey(issuer: DistrictIssuerEntity): SigningKey {
    return {
      id: `${issuer.did}${KEY_FRAGMENT}`,
      controller: issuer.did,
      publicKeyMultibase: issuer.publicKeyMultibase,
      secretKeyMultibase: openSecret(issuer.sealedSecretKey, this.secret()),
    };
  }

  async issue(actor: Principal, evidenceId: string): Promise<IssuedCredentialEntity> {
    const issuer = await this.profile();
    if (!issuer) throw badInput('Set the district up as an issuer first (setUpDistrictIssuer)');
    const key = this.signingKey(issuer);
    return this.db.transaction(async (m) => {
      const evidence = await m.getRepository(EvidenceEntity).findOne({ where: { id: evidenceId }, lock: { mode: 'pessimistic_write' } });
      // Archived evidence is on its way out: nothing is issued for it.
      if (!evidence || evidence.deletedAt) throw notFound('Evidence', evidenceId);
      if (actor.educatorId === evidence.educatorId)
        throw forbidden('Nobody can issue a district credential for their own evidence; ask another HR colleague');
      checkIssuable(evidence);
      const active = await m.getRepository(IssuedCredentialEntity).findOne({ where: { evidenceId, revokedAt: IsNull() } });
      if (active && !active.revokedAt) throw conflict('This evidence already has a district credential; revoke it before issuing another');
      const [educator]: Array<{ full_name: string; work_email: string }> = await m.query(
        'SELECT full_name, work_email FROM educator WHERE id = $1',
        [evidence.educatorId],
      );
      const alignments = await this.repo.caseAlignments(m, evidenceId);
      const statusIndex = await this.repo.nextStatusIndex(m);
      const id = randomUUID();
      const credential = buildAchievementCredential({
        credentialId: `urn:uuid:${id}`,
        issuer: { did: issuer.did, name: issuer.name, url: issuer.url },
        educator: { fullName: educator.full_name, email: educator.work_email },
        evidence,
        alignments: alignments.map((a) => caseAlignment(a, this.config.publicBaseUrl)),
        statusIndex,
        statusListUrl: `${issuer.url}${STATUS_LIST_PATH}`,
        issuedAt: new Date(),
      });
      const document = await signDataIntegrity(credential, key);
      const jwt = await signVcJwt(credential, key);
      const saved = await m
        .getRepository(IssuedCredentialEntity)
        .save(
          m
            .getRepository(IssuedCredentialEntity)
            .create({ id, evidenceId, educatorId: evidence.educatorId, statusIndex, document, jwt, issuedBy: actor.email }),
        );
      await this.audit.record(
        actor,
        {
          action: 'CREDENTIAL_ISSUED',
          targetType: 'IssuedCredential',
          targetId: id,
          changes: { evidenceId, educatorId: evidence.educatorId, statusIndex },
        },
        m,
      );
      return saved;
    });
  }

  async revoke(actor: Principal, input: { id: string; reason: string }): Promise<IssuedCredentialEntity> {
    const reason = input.reason.trim();
    if (!reason || reason.length > 500) throw badInput('reason must be 1 to 500 characters: say why the credential is revoked');
    return this.db.transaction(async (m) => {
      const issued = await m
        .getRepository(IssuedCredentialEntity)
        .findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!issued) throw notFound('Issued credential', input.id);
      if (issued.revokedAt) throw conflict('This credential is already revoked');
      await m
        .getRepository(IssuedCredentialEntity)
        .update({ id: issued.id }, { revokedAt: new Date(), revokedBy: actor.email, revocationReason: reason });
      await this.audit.record(
        actor,
        {
          action: 'CREDENTIAL_REVOKED',
          targetType: 'IssuedCredential',
          targetId: issued.id,
          changes: { statusIndex: issued.statusIndex, reason },
        },
        m,
      );
      return (await m.getRepository(IssuedCredentialEntity).findOneBy({ id: issued.id }))!;
    });
  }

  /** Signs `build(issuer)` as the district (eddsa-rdfc-2022); refused until the district is set up as an issuer. */
  async signAsDistrict(build: (issuer: DistrictIssuerEntity) => Record<string, unknown>): Promise<Record<string, unknown>> {
    const issuer = await this.profile();
    if (!issuer) throw badInput('Set the district up as an issuer first (setUpDistrictIssuer)');
    const key = this.signingKey(issuer);
    return signDataIntegrity(build(issuer), key);
  }

  /** The did:web DID document: the district's public key, nothing else. */
  async didDocument(): Promise<Record<string, unknown> | null> {
    const issuer = await this.profile();
    if (!issuer) return null;
    const vm = {
      id: `${issuer.did}${KEY_FRAGMENT}`,
      type: 'Multikey',
      controller: issuer.did,
      publicKeyMultibase: issuer.publicKeyMultibase,
    };
    return {
      '@context': [DID_V1, MULTIKEY_V1],
      id: issuer.did,
      verificationMethod: [vm],
      assertionMethod: [vm.id],
      authentication: [vm.id],
    };
  }

  /** The revocation list as a signed BitstringStatusListCredential (a fresh signature per request; the list is small). */
  async statusListCredential(): Promise<Record<string, unknown> | null> {
    const issuer = await this.profile();
    if (!issuer || !this.config.credentialKeySecret) return null;
    const url = `${issuer.url}${STATUS_LIST_PATH}`;
    const bits = statusListWith(await this.repo.revokedIndexes());
    const now = new Date();
    return signDataIntegrity(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.did,
        validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        credentialSubject: {
          id: `${url}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: encodeStatusList(bits, true),
        },
      },
      this.signingKey(issuer),
    );
  }
}
