import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAPPABLE_KINDS } from '../domain/achievement-mapping.js';
import { MAX_CREDENTIAL_CHARS } from '../domain/credential-input.js';

export enum KeySourceKind {
  DID = 'DID',
  JWKS = 'JWKS',
  MULTIKEY = 'MULTIKEY',
}
registerEnumType(KeySourceKind, {
  name: 'KeySourceKind',
  description:
    "How an issuer's keys are found: DID (did:key locally, did:web over HTTPS), JWKS (a key set URL, for VC-JWT), MULTIKEY (a public key recorded here, for issuers identified by a URL)",
  valuesMap: {
    DID: { description: "From the issuer's DID: did:key is read locally, did:web is fetched over HTTPS" },
    JWKS: { description: 'From a JSON Web Key Set URL, for VC-JWT credentials' },
    MULTIKEY: { description: 'From an Ed25519 public key recorded in the registry, for issuers identified by a URL' },
  },
});

export enum MappingMatch {
  ALIGNMENT = 'ALIGNMENT',
  ACHIEVEMENT_TYPE = 'ACHIEVEMENT_TYPE',
  ACHIEVEMENT_ID = 'ACHIEVEMENT_ID',
}
registerEnumType(MappingMatch, {
  name: 'MappingMatch',
  description:
    'What of the achievement a mapping rule compares: an alignment targetUrl (a CASE item URI), achievementType, or the achievement id',
  valuesMap: {
    ALIGNMENT: { description: "An alignment's targetUrl, usually a CASE CFItem URI" },
    ACHIEVEMENT_TYPE: { description: 'The achievementType, e.g. Certification' },
    ACHIEVEMENT_ID: { description: "The achievement's id" },
  },
});

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

@InputType({ description: 'An Open Badges 3.0 / verifiable credential to verify and add to a portfolio as evidence' })
export class ImportCredentialInput {
  @Field(() => ID, { nullable: true, description: 'HR: whose credential. Educators import their own and leave it out.' })
  @IsOptional()
  @IsUUID()
  educatorId?: string | null;

  @Field({ description: 'The credential as issued: JSON with an embedded proof, or a compact VC-JWT' })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_CREDENTIAL_CHARS, { message: `credential is over ${MAX_CREDENTIAL_CHARS / 1024} KB; submit the credential itself` })
  credential: string;
}

@InputType({ description: 'A competency and level a mapped achievement demonstrates' })
export class MappingClaimInput {
  @Field(() => ID, { description: 'The competency' })
  @IsUUID()
  competencyId: string;

  @Field(() => Int, { description: "The level the achievement shows, one of the competency's levels" })
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;
}

@InputType({ description: "A rule turning a trusted issuer's achievement into evidence claims" })
export class AchievementMappingInput {
  @Field(() => MappingMatch, { description: 'What of the achievement the rule compares' })
  @IsEnum(MappingMatch)
  match: MappingMatch;

  @Field({ description: 'The value it must equal: a CASE item URI, an achievementType such as Certification, or an achievement id' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  value: string;

  @Field(() => String, { description: `One of ${MAPPABLE_KINDS.join(', ')}` })
  @IsIn(MAPPABLE_KINDS, { message: `evidenceKind must be one of ${MAPPABLE_KINDS.join(', ')}` })
  evidenceKind: (typeof MAPPABLE_KINDS)[number];

  @Field(() => Number, { nullable: true, description: 'Hours credited, for COURSE' })
  @IsOptional()
  @IsNumber()
  @Min(0.5)
  @Max(10000)
  hours?: number | null;

  @Field(() => [MappingClaimInput], { description: 'The competencies and levels an imported credential with this achievement claims' })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MappingClaimInput)
  claims: MappingClaimInput[];
}

@InputType({ description: "An entry of the district's trusted-issuer registry: credentials it signs import as VERIFIED" })
export class SaveTrustedIssuerInput {
  @Field(() => Int, { nullable: true, description: 'The version you loaded, when changing an existing entry' })
  @IsOptional()
  @IsInt()
  version?: number | null;

  @Field({ description: 'The issuer id exactly as credentials name it: a DID (did:key, did:web) or an https URL' })
  @IsString()
  @Matches(/^(did:(key|web):[A-Za-z0-9._%:-]+|https:\/\/[^\s#?]+)$/, { message: 'issuerId must be a did:key, a did:web or an https URL' })
  @MaxLength(500)
  issuerId: string;

  @Field({ description: 'The issuer\'s name as HR and educators see it, e.g. "ISTE"' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @Field(() => KeySourceKind, { description: "How the issuer's signing keys are found" })
  @IsEnum(KeySourceKind)
  keySource: KeySourceKind;

  @Field(() => String, { nullable: true, description: "The issuer's JSON Web Key Set URL, needed when keySource is JWKS" })
  @ValidateIf((o: SaveTrustedIssuerInput) => o.keySource === KeySourceKind.JWKS)
  @IsUrl({ ...URL_OPTIONS, protocols: ['https'] }, { message: 'jwksUrl must be an https URL (needed when keySource is JWKS)' })
  @MaxLength(2000)
  jwksUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'An Ed25519 public Multikey (z6Mk...), needed when keySource is MULTIKEY' })
  @ValidateIf((o: SaveTrustedIssuerInput) => o.keySource === KeySourceKind.MULTIKEY)
  @Matches(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/, { message: 'publicKeyMultibase must be an Ed25519 public Multikey (z6Mk..., 48 characters)' })
  publicKeyMultibase?: string | null;

  @Field(() => [AchievementMappingInput], {
    description: "How this issuer's achievements map to competency claims; none: credentials import without claims",
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AchievementMappingInput)
  achievementMappings: AchievementMappingInput[];
}

@InputType({ description: 'A trusted-issuer registry entry to remove' })
export class RemoveTrustedIssuerInput {
  @Field(() => ID, { description: "The registry entry's id" })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you loaded (a stale one is CONFLICT)' })
  @IsInt()
  version: number;
}

@InputType({ description: 'A DID to link to an educator, so credentials issued to that DID are recognised as theirs' })
export class LinkHolderDidInput {
  @Field(() => ID, { description: 'The educator' })
  @IsUUID()
  educatorId: string;

  @Field({ description: 'A DID the educator controls (HR confirms it, for example from their wallet)' })
  @IsString()
  @Matches(/^did:[a-z0-9]+:[A-Za-z0-9._%:-]+$/, { message: 'did must be a DID (did:method:identifier)' })
  @MaxLength(500)
  did: string;
}

@InputType({ description: "The district's identity as an issuer of credentials" })
export class SetUpDistrictIssuerInput {
  @Field({ description: 'The issuer name credentials show, e.g. "Lakeside Unified School District"' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field({ description: 'The site where Pathways is served; the issuer DID is did:web of its host' })
  @IsString()
  @MaxLength(500)
  url: string;
}

@InputType({ description: 'Whose Comprehensive Learner Record to export' })
export class ExportClrInput {
  @Field(() => ID, { nullable: true, description: 'Whose record (HR only; educators export their own)' })
  @IsOptional()
  @IsUUID()
  educatorId?: string | null;
}

@InputType({ description: 'Verified evidence to issue an Open Badges credential for' })
export class IssueCredentialInput {
  @Field(() => ID, { description: 'The evidence item (VERIFIED; a led pilot, designed-and-delivered PD or a presentation)' })
  @IsUUID()
  evidenceId: string;
}

@InputType({ description: 'A district-issued credential to revoke' })
export class RevokeIssuedCredentialInput {
  @Field(() => ID, { description: 'The issued credential' })
  @IsUUID()
  id: string;

  @Field({ description: "Why, in plain words; recorded and shown on the credential's record" })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
