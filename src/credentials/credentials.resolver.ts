import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { isHr, Persona, type Principal } from '../access/persona.js';
import { Allow, SignedIn } from '../access/policy.decorator.js';
import { notFound } from '../common/app-error.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { toEvidenceModel } from '../evidence/evidence.mapper.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import { EvidenceModel } from '../evidence/models/evidence.model.js';
import { ClrExportService } from './clr-export.service.js';
import { CredentialImportService } from './credential-import.service.js';
import { CredentialIssuingService } from './credential-issuing.service.js';
import { toDistrictIssuerModel, toImportedCredentialModel, toIssuedCredentialModel, toTrustedIssuerModel } from './credentials.mapper.js';
import {
  ExportClrInput,
  ImportCredentialInput,
  IssueCredentialInput,
  LinkHolderDidInput,
  RemoveTrustedIssuerInput,
  RevokeIssuedCredentialInput,
  SaveTrustedIssuerInput,
  SetUpDistrictIssuerInput,
} from './dto/credential.input.js';
import { ImportedCredentialEntity } from './entities/imported-credential.entity.js';
import { IssuedCredentialEntity } from './entities/issued-credential.entity.js';
import {
  ClrExportModel,
  DistrictIssuerModel,
  ImportCredentialResultModel,
  ImportedCredentialModel,
  ImportOutcome,
  IssuedCredentialModel,
  StatusRecheckSummaryModel,
  TrustedIssuerModel,
} from './models/credential.model.js';
import { StatusRecheckService } from './status-recheck.service.js';
import { TrustedIssuerService } from './trusted-issuer.service.js';

@Resolver()
export class CredentialsResolver {
  constructor(
    private readonly imports: CredentialImportService,
    private readonly issuing: CredentialIssuingService,
    private readonly registry: TrustedIssuerService,
    private readonly recheck: StatusRecheckService,
    private readonly clr: ClrExportService,
    private readonly evidence: EvidenceService,
    private readonly db: DataSource,
  ) {}

  @Allow(Persona.EDUCATOR, Persona.HR)
  @Mutation(() => ImportCredentialResultModel, {
    description:
      'Import an Open Badges 3.0 credential (JSON with a Data Integrity proof, or a VC-JWT). Refusals are BAD_USER_INPUT with extensions.reason and extensions.step; nothing is written.',
  })
  async importCredential(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The credential as issued, and for HR whose it is' }) input: ImportCredentialInput,
  ): Promise<ImportCredentialResultModel> {
    const result = await this.imports.import(actor, input);
    return {
      outcome: result.outcome as ImportOutcome,
      alreadyImported: result.alreadyImported,
      evidence: toEvidenceModel(await this.evidence.get(actor, result.evidenceId)),
      credential: toImportedCredentialModel(result.record),
    };
  }

  @Allow(Persona.HR)
  @Query(() => [TrustedIssuerModel], { description: 'HR: the trusted-issuer registry' })
  async trustedIssuers(): Promise<TrustedIssuerModel[]> {
    return (await this.registry.list()).map(toTrustedIssuerModel);
  }

  @Allow(Persona.HR)
  @Mutation(() => TrustedIssuerModel, { description: 'HR: add a trusted issuer, or change one (send the version you loaded)' })
  async saveTrustedIssuer(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The issuer, how its keys are found, and how its achievements map to competencies' })
    input: SaveTrustedIssuerInput,
  ): Promise<TrustedIssuerModel> {
    return toTrustedIssuerModel(await this.registry.save(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => ID, { description: 'HR: remove a trusted issuer; credentials already imported keep their status' })
  async removeTrustedIssuer(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The registry entry and the version you loaded' }) input: RemoveTrustedIssuerInput,
  ): Promise<string> {
    return this.registry.remove(actor, input);
  }

  @Allow(Persona.HR)
  @Mutation(() => String, { description: 'HR: link a DID to an educator, so credentials issued to it bind to them' })
  async linkHolderDid(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The educator and the DID they control' }) input: LinkHolderDidInput,
  ): Promise<string> {
    return this.registry.linkDid(actor, input);
  }

  @SignedIn()
  @Query(() => DistrictIssuerModel, {
    nullable: true,
    description: 'The district as an issuer (public information), null until HR sets it up',
  })
  async districtIssuer(): Promise<DistrictIssuerModel | null> {
    const profile = await this.issuing.profile();
    return profile ? toDistrictIssuerModel(profile) : null;
  }

  @Allow(Persona.HR)
  @Mutation(() => DistrictIssuerModel, {
    description: 'HR: set the district up as an issuer (a new Ed25519 key is generated and kept sealed), or rename it',
  })
  async setUpDistrictIssuer(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: "The district's issuer name and the site Pathways is served from" }) input: SetUpDistrictIssuerInput,
  ): Promise<DistrictIssuerModel> {
    return toDistrictIssuerModel(await this.issuing.setUp(actor, input));
  }

  @Allow(Persona.HR)
  @Mutation(() => IssuedCredentialModel, {
    description:
      'HR: issue an Open Badges 3.0 credential for VERIFIED evidence of a led pilot, designed-and-delivered PD or a presentation',
  })
  async issueCredential(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The verified evidence item to issue a credential for' }) input: IssueCredentialInput,
  ): Promise<IssuedCredentialModel> {
    return toIssuedCredentialModel(await this.issuing.issue(actor, input.evidenceId));
  }

  @Allow(Persona.EDUCATOR, Persona.HR)
  @Mutation(() => ClrExportModel, {
    description:
      "Export an educator's verified portfolio as a Comprehensive Learner Record 2.0 (ClrCredential) signed by the district: educators their own, HR anyone's",
  })
  async exportClr(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'Whose learner record to export (HR only; educators export their own)' }) input: ExportClrInput,
  ): Promise<ClrExportModel> {
    const result = await this.clr.export(actor, input.educatorId ?? undefined);
    return { json: JSON.stringify(result.document), credentialCount: result.credentialCount, omitted: result.omitted };
  }

  @Allow(Persona.HR)
  @Mutation(() => IssuedCredentialModel, { description: 'HR: revoke a credential the district issued (its status list bit is set)' })
  async revokeIssuedCredential(
    @CurrentPrincipal() actor: Principal,
    @Args('input', { description: 'The issued credential and why it is revoked' }) input: RevokeIssuedCredentialInput,
  ): Promise<IssuedCredentialModel> {
    return toIssuedCredentialModel(await this.issuing.revoke(actor, input));
  }

  @Allow(Persona.EDUCATOR, Persona.HR)
  @Query(() => [IssuedCredentialModel], { description: 'Credentials the district issued: HR for anyone, educators their own' })
  async issuedCredentials(
    @CurrentPrincipal() viewer: Principal,
    @Args('educatorId', {
      type: () => ID,
      nullable: true,
      description: "HR: only this educator's credentials; educators always get their own",
    })
    educatorId?: string,
  ): Promise<IssuedCredentialModel[]> {
    const whose = isHr(viewer) ? (educatorId ?? viewer.educatorId) : viewer.educatorId;
    if (!isHr(viewer) && educatorId && educatorId !== viewer.educatorId) throw notFound('Educator', educatorId);
    if (!whose) return [];
    const rows = await this.db
      .getRepository(IssuedCredentialEntity)
      .find({ where: { educatorId: whose }, order: { createdAt: 'DESC' }, take: 200 });
    return rows.map(toIssuedCredentialModel);
  }

  @Allow(Persona.HR)
  @Mutation(() => StatusRecheckSummaryModel, {
    description: 'HR: re-check the status of imported credentials that are due now (the schedule does this daily)',
  })
  async recheckCredentialStatus(): Promise<StatusRecheckSummaryModel> {
    return this.recheck.runOnce();
  }
}

/** The credential behind an evidence item, for whoever may see the item. */
@Resolver(() => EvidenceModel)
export class EvidenceCredentialResolver {
  constructor(private readonly db: DataSource) {}

  @ResolveField(() => ImportedCredentialModel, {
    nullable: true,
    description: 'The verifiable credential this item was imported from, with its verification report',
  })
  async credential(@Parent() evidence: EvidenceModel): Promise<ImportedCredentialModel | null> {
    const row = await this.db.getRepository(ImportedCredentialEntity).findOneBy({ evidenceId: evidence.id });
    return row ? toImportedCredentialModel(row) : null;
  }
}
