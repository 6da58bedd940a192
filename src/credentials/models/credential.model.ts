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
  description: 'What importing a credential concluded',
  valuesMap: {
    VERIFIED: { description: 'Trusted issuer, all checks passed: the evidence counts as verified' },
    SELF_REPORTED: { description: 'Signature valid, issuer not in the registry: the evidence waits for HR review' },
    STATUS_UNKNOWN: { description: 'The status list could not be read: kept unverified and retried on schedule' },
  },
});

@ObjectType('VerificationStep', { description: 'One check in verifying a credential, in the order they run' })
export class VerificationStepModel {
  @Field({ description: 'PARSE, SHAPE, PROOF, VALIDITY, STATUS, RECIPIENT or ISSUER' })
  step: string;

  @Field({ description: 'PASSED, FAILED, UNKNOWN or SKIPPED' })
  outcome: string;

  @Field(() => String, { nullable: true, description: 'Why it failed, as a code (EXPIRED, REVOKED, RECIPIENT_MISMATCH ...)' })
  reason: string | null;

  @Field({ description: 'What the check found, in plain words' })
  detail: string;
}

@ObjectType('ImportedCredential', { description: 'A verifiable credential imported as evidence, with its last verification' })
export class ImportedCredentialModel {
  @Field(() => ID, { description: "The imported credential's id" })
  id: string;

  @Field({ description: 'The issuer as the credential names it: a DID or an https URL' })
  issuerId: string;

  @Field({ description: 'Whether the issuer was in the trusted-issuer registry at import' })
  trusted: boolean;

  @Field({ description: 'DATA_INTEGRITY or VC_JWT' })
  format: string;

  @Field({ description: 'ACTIVE, REVOKED, SUSPENDED, EXPIRED or UNKNOWN, as of statusCheckedAt' })
  status: string;

  @Field(() => GraphQLISODateTime, { description: 'When the revocation status was last read' })
  statusCheckedAt: Date;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the scheduled re-check will next read its status; null when none is scheduled',
  })
  nextCheckAt: Date | null;

  @Field(() => [VerificationStepModel], { description: 'The last verification, step by step' })
  report: VerificationStepModel[];
}

@ObjectType('ImportCredentialResult', { description: 'What importing a credential did' })
export class ImportCredentialResultModel {
  @Field(() => ImportOutcome, { description: 'Whether the evidence counts as verified, waits for HR, or waits for a status check' })
  outcome: ImportOutcome;

  @Field({ description: 'True when this credential was imported before; nothing new was written' })
  alreadyImported: boolean;

  @Field(() => EvidenceModel, { description: 'The evidence item in the portfolio' })
  evidence: EvidenceModel;

  @Field(() => ImportedCredentialModel, { description: 'The credential with its verification report' })
  credential: ImportedCredentialModel;
}

@ObjectType('MappingClaim', { description: 'A competency and level a mapped achievement demonstrates' })
export class MappingClaimModel {
  @Field(() => ID, { description: 'The competency' })
  competencyId: string;

  @Field(() => Int, { description: 'The level the achievement shows' })
  level: number;
}

@ObjectType('AchievementMapping', { description: "A rule turning a trusted issuer's achievement into evidence claims" })
export class AchievementMappingModel {
  @Field(() => MappingMatch, { description: 'What of the achievement the rule compares' })
  match: MappingMatch;

  @Field({ description: 'The value it must equal' })
  value: string;

  @Field({ description: 'The kind of evidence the credential becomes, e.g. CERTIFICATION or COURSE' })
  evidenceKind: string;

  @Field(() => Number, { nullable: true, description: 'Hours credited, for COURSE; null otherwise' })
  hours: number | null;

  @Field(() => [MappingClaimModel], { description: 'The competencies and levels it claims' })
  claims: MappingClaimModel[];
}

@ObjectType('TrustedIssuer', { description: 'An issuer the district trusts: credentials it signs import as VERIFIED' })
export class TrustedIssuerModel {
  @Field(() => ID, { description: "The registry entry's id" })
  id: string;

  @Field({ description: 'The issuer id exactly as credentials name it: a DID or an https URL' })
  issuerId: string;

  @Field({ description: "The issuer's name as people see it" })
  displayName: string;

  @Field(() => KeySourceKind, { description: 'How its signing keys are found' })
  keySource: KeySourceKind;

  @Field(() => String, { nullable: true, description: 'Its JSON Web Key Set URL when keySource is JWKS' })
  jwksUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Its Ed25519 public key when keySource is MULTIKEY' })
  publicKeyMultibase: string | null;

  @Field(() => [AchievementMappingModel], { description: 'How its achievements map to competency claims' })
  achievementMappings: AchievementMappingModel[];

  @Field(() => Int, { description: 'Increases with every change; send it back when you change or remove the entry' })
  version: number;
}

@ObjectType('DistrictIssuer', { description: 'The district as an issuer. Its private key is never returned.' })
export class DistrictIssuerModel {
  @Field({ description: "The issuer name the district's credentials show" })
  name: string;

  @Field({ description: 'The site Pathways is served from' })
  url: string;

  @Field({ description: "The district's issuer DID (did:web of the site's host)" })
  did: string;

  @Field({ description: 'The Ed25519 public key verifiers check signatures with' })
  publicKeyMultibase: string;

  @Field({ description: 'Where verifiers fetch the DID document' })
  didDocumentUrl: string;

  @Field({ description: 'Where verifiers fetch the revocation status list credential' })
  statusListUrl: string;
}

@ObjectType('IssuedCredential', { description: 'An Open Badges 3.0 credential the district issued to an educator' })
export class IssuedCredentialModel {
  @Field(() => ID, { description: "The issued credential's id" })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The evidence item it attests; null if that item was since deleted' })
  evidenceId: string | null;

  @Field(() => ID, { description: 'The educator it was issued to' })
  educatorId: string;

  @Field(() => Int, { description: "Its bit in the district's revocation status list" })
  statusIndex: number;

  @Field({ description: 'The signed OpenBadgeCredential (eddsa-rdfc-2022) as JSON text, to download' })
  json: string;

  @Field({ description: 'The same credential as a VC-JWT (vc+jwt, EdDSA)' })
  jwt: string;

  @Field(() => GraphQLISODateTime, { description: 'When it was issued' })
  issuedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked; null while it is valid' })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked; null while it is valid' })
  revocationReason: string | null;
}

@ObjectType('StatusRecheckSummary', { description: "What a re-check of imported credentials' status found" })
export class StatusRecheckSummaryModel {
  @Field({ description: 'False when another instance was already running the re-check' })
  ran: boolean;

  @Field(() => Int, { description: 'Credentials whose status was read' })
  checked: number;

  @Field(() => Int, { description: 'Of them, those whose status changed (e.g. now REVOKED); their evidence was updated' })
  changed: number;
}

@ObjectType('ClrOmission', { description: 'A credential left out of an exported learner record, and why' })
export class ClrOmissionModel {
  @Field({ description: 'ISSUED (by the district) or IMPORTED' })
  source: string;

  @Field(() => ID, { description: 'The issued or imported credential left out' })
  sourceId: string;

  @Field({
    description:
      'JWT_ONLY (held only as a VC-JWT, which a JSON-LD record cannot embed), VC_1_1_ENVELOPE, NOT_VERIFIED, or OVER_LIMIT (a record holds at most 100)',
  })
  reason: string;
}

@ObjectType('ClrExport', { description: "An educator's Comprehensive Learner Record (CLR 2.0), signed by the district" })
export class ClrExportModel {
  @Field({ description: 'The ClrCredential (CLR 2.0) as JSON, signed by the district with eddsa-rdfc-2022' })
  json: string;

  @Field(() => Int, { description: 'How many verified credentials it holds' })
  credentialCount: number;

  @Field(() => [ClrOmissionModel], { description: 'Credentials of the educator left out, and why' })
  omitted: ClrOmissionModel[];
}
