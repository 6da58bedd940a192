import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, conflict, notFound, staleVersion } from '../common/app-error.js';
import { checkMappings, type AchievementMapping } from './domain/achievement-mapping.js';
import type { LinkHolderDidInput, RemoveTrustedIssuerInput, SaveTrustedIssuerInput } from './dto/credential.input.js';
import { CredentialsRepository } from './credentials.repository.js';
import { HolderDidEntity } from './entities/holder-did.entity.js';
import { TrustedIssuerEntity } from './entities/trusted-issuer.entity.js';

/** The trusted-issuer registry HR keeps, and the DIDs HR links to educators. */
@Injectable()
export class TrustedIssuerService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<TrustedIssuerEntity[]> {
    return this.db.getRepository(TrustedIssuerEntity).find({ order: { displayName: 'ASC' } });
  }

  /** Adds an issuer, or (with the version loaded) changes one; the key source must fit the kind of issuer id. */
  async save(actor: Principal, input: SaveTrustedIssuerInput): Promise<TrustedIssuerEntity> {
    if (input.keySource === 'DID' && !input.issuerId.startsWith('did:'))
      throw badInput('keySource DID needs an issuerId that is a DID; for an https issuer use JWKS or MULTIKEY');
    if (input.keySource === 'MULTIKEY' && input.issuerId.startsWith('did:'))
      throw badInput('A DID issuer publishes its own keys: use keySource DID');
    const mappings: AchievementMapping[] = checkMappings(
      input.achievementMappings.map((m) => ({ ...m, claims: m.claims.map((c) => ({ ...c })) })),
    );
    return this.db.transaction(async (m) => {
      const usable = await this.repo.usableLevels(
        m,
        mappings.flatMap((x) => x.claims),
      );
      const missing = mappings.flatMap((x) => x.claims).find((c) => !usable.has(`${c.competencyId}:${c.level}`));
      if (missing)
        throw badInput(`Competency ${missing.competencyId} has no level ${missing.level} (or is retired); choose one of its levels`);
      const values = {
        issuerId: input.issuerId,
        displayName: input.displayName.trim(),
        keySource: input.keySource,
        jwksUrl: input.keySource === 'JWKS' ? input.jwksUrl! : null,
        publicKeyMultibase: input.keySource === 'MULTIKEY' ? input.publicKeyMultibase! : null,
        achievementMappings: mappings,
      };
      const repo = m.getRepository(TrustedIssuerEntity);
      const current = await repo.findOne({ where: { issuerId: input.issuerId }, lock: { mode: 'pessimistic_write' } });
      if (current) {
        if (input.version == null)
          throw conflict(`${input.issuerId} is already in the registry; load it and send its version to change it`);
        if (current.version !== input.version) throw staleVersion('This trusted issuer');
        await repo.update({ id: current.id }, values);
      } else {
        if (input.version != null) throw notFound('Trusted issuer', input.issuerId);
        await repo.insert(values);
      }
      const saved = (await repo.findOneBy({ issuerId: input.issuerId }))!;
      await this.audit.record(
        actor,
        {
          action: current ? 'TRUSTED_ISSUER_UPDATED' : 'TRUSTED_ISSUER_ADDED',
          targetType: 'TrustedIssuer',
          targetId: saved.id,
          changes: { issuerId: values.issuerId, displayName: values.displayName, keySource: values.keySource, mappings: mappings.length },
        },
        m,
      );
      return saved;
    });
  }

  async remove(actor: Principal, input: RemoveTrustedIssuerInput): Promise<string> {
    return this.db.transaction(async (m) => {
      const repo = m.getRepository(TrustedIssuerEntity);
      const current = await repo.findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw notFound('Trusted issuer', input.id);
      if (current.version !== input.version) throw staleVersion('This trusted issuer');
      await repo.delete({ id: current.id });
      await this.audit.record(
        actor,
        { action: 'TRUSTED_ISSUER_REMOVED', targetType: 'TrustedIssuer', targetId: current.id, changes: { issuerId: current.issuerId } },
        m,
      );
      return current.id;
    });
  }

  async linkDid(actor: Principal, input: LinkHolderDidInput): Promise<string> {
    return this.db.transaction(async (m) => {
      if (!(await this.repo.holderIdentity(input.educatorId, m))) throw notFound('Educator', input.educatorId);
      const existing = await m.getRepository(HolderDidEntity).findOneBy({ did: input.did });
      if (existing && existing.educatorId !== input.educatorId) throw conflict('This DID is linked to another educator');
      if (!existing) await m.getRepository(HolderDidEntity).insert({ did: input.did, educatorId: input.educatorId, linkedBy: actor.email });
      await this.audit.record(
        actor,
        { action: 'HOLDER_DID_LINKED', targetType: 'Educator', targetId: input.educatorId, changes: { did: input.did } },
        m,
      );
      return input.did;
    });
  }
}
