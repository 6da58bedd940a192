import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EvidenceModel } from '../../evidence/models/evidence.model.js';
import { KeySourceKind, MappingMatch } from '../dto/credential.input.js';

export enum ImportOutcome {
  VERIFIED = 'VERIFIED',
  SELF_REPORTED = 'SELF_REPORTED',
  STATUS_UNKNOWN = 'STATUS_UNKNOWN',
}
registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description: 'VERIFIED: trusted issuer, all checks passed. SELF_REPORTED: signature valid, issuer not in the registry (for HR review). STATUS_UNKNOWN: the status list could not be read; kept unverified and retried',
});

@ObjectType('VerificationStep')
export class VerificationStepModel {
  @Field({ description: 'PARSE, SHAPE, PROOF, VALIDITY, STATUS, RECIPIENT or ISSUER' })
  step: string;

  @Field({ description: 'PASSED, FAILED, UNKNOWN or SKIPPED' })
  outcome: string;

  @Field(() => String, { nullable: true, description: 'Why it failed, as a code (EXPIRED, REVOKED, RECIPIENT_MISMATCH ...)' })
  reason: string | null;

  @Field()
  detail: string;
}

@ObjectType('ImportedCredential')
export class ImportedCredentialModel {
  @Field(() => ID)
  id: string;

  @Field()
  issuerId: string;

  @Field({ description: 'Whether the issuer was in the trusted-issuer registry at import' })
  trusted: boolean;

  @Field({ description: 'DATA_INTEGRITY or VC_JWT' })
  format: string;

  @Field({ description: 'ACTIVE, REVOKED, SUSPENDED, EXPIRED or UNKNOWN, as of statusCheckedAt' })
  status: string;

  @Field(() => GraphQLISODateTime)
  statusCheckedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  nextCheckAt: Date | null;

  @Field(() => [VerificationStepModel], { description: 'The last verification, step by step' })
  report: VerificationStepModel[];
}

@ObjectType('ImportCredentialResult')
export class ImportCredentialResultModel {
  @Field(() => ImportOutcome)
  outcome: ImportOutcome;

  @Field({ description: 'True when this credential was imported before; nothing new was written' })
  alreadyImported: boolean;

  @Field(() => EvidenceModel)
  evidence: EvidenceModel;

  @Field(() => ImportedCredentialModel)
  credential: ImportedCredentialModel;
}

@ObjectType('MappingClaim')
export class MappingClaimModel {
  @Field(() => ID)
  competencyId: string;

  @Field(() => Int)
  level: number;
}

@ObjectType('AchievementMapping')
export class AchievementMappingModel {
  @Field(() => MappingMatch)
  match: MappingMatch;

  @Field()
  value: string;

  @Field()
  evidenceKind: string;

  @Field(() => Number, { nullable: true })
  hours: number | null;

  @Field(() => [MappingClaimModel])
  claims: MappingClaimModel[];
}

@ObjectType('TrustedIssuer')
export class TrustedIssuerModel {
  @Field(() => ID)
  id: string;

  @Field()
  issuerId: string;

  @Field()
  displayName: string;

  @Field(() => KeySourceKind)
  keySource: KeySourceKind;

  @Field(() => String, { nullable: true })
  jwksUrl: string | null;

  @Field(() => String, { nullable: true })
  publicKeyMultibase: string | null;

  @Field(() => [AchievementMappingModel])
  achievementMappings: AchievementMappingModel[];

  @Field(() => Int)
  version: number;
}

@ObjectType('DistrictIssuer', { description: 'The district as an issuer. Its private key is never returned.' })
export class DistrictIssuerModel {
  @Field()
  name: string;

  @Field()
  url: string;

  @Field()
  did: string;

  @Field()
  publicKeyMultibase: string;

  @Field({ description: 'Where verifiers fetch the DID document' })
  didDocumentUrl: string;

  @Field({ description: 'Where verifiers fetch the revocation status list credential' })
  statusListUrl: string;
}

@ObjectType('IssuedCredential')
export class IssuedCredentialModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { nullable: true })
  evidenceId: string | null;

  @Field(() => ID)
  educatorId: string;

  @Field(() => Int)
  statusIndex: number;

  @Field({ description: 'The signed OpenBadgeCredential (eddsa-rdfc-2022) as JSON text, to download' })
  json: string;

  @Field({ description: 'The same credential as a VC-JWT (vc+jwt, EdDSA)' })
  jwt: string;

  @Field(() => GraphQLISODateTime)
  issuedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  revocationReason: string | null;
}

@ObjectType('StatusRecheckSummary')
export class StatusRecheckSummaryModel {
  @Field({ description: 'False when another instance was already running the re-check' })
  ran: boolean;

  @Field(() => Int)
  checked: number;

  @Field(() => Int)
  changed: number;
}

@ObjectType('ClrOmission')
export class ClrOmissionModel {
  @Field({ description: 'ISSUED (by the district) or IMPORTED' })
  source: string;

  @Field(() => ID, { description: 'The issued or imported credential left out' })
  sourceId: string;

  @Field({ description: 'JWT_ONLY (held only as a VC-JWT, which a JSON-LD record cannot embed), VC_1_1_ENVELOPE, NOT_VERIFIED, or OVER_LIMIT (a record holds at most 100)' })
  reason: string;
}

@ObjectType('ClrExport')
export class ClrExportModel {
  @Field({ description: 'The ClrCredential (CLR 2.0) as JSON, signed by the district with eddsa-rdfc-2022' })
  json: string;

  @Field(() => Int, { description: 'How many verified credentials it holds' })
  credentialCount: number;

  @Field(() => [ClrOmissionModel], { description: 'Credentials of the educator left out, and why' })
  omitted: ClrOmissionModel[];
}
