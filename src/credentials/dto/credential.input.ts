import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsEnum, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength,
  ValidateIf, ValidateNested,
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
  description: "How an issuer's keys are found: DID (did:key locally, did:web over HTTPS), JWKS (a key set URL, for VC-JWT), MULTIKEY (a public key recorded here, for issuers identified by a URL)",
});

export enum MappingMatch {
  ALIGNMENT = 'ALIGNMENT',
  ACHIEVEMENT_TYPE = 'ACHIEVEMENT_TYPE',
  ACHIEVEMENT_ID = 'ACHIEVEMENT_ID',
}
registerEnumType(MappingMatch, { name: 'MappingMatch', description: 'What of the achievement a mapping rule compares: an alignment targetUrl (a CASE item URI), achievementType, or the achievement id' });

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

@InputType()
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

@InputType()
export class MappingClaimInput {
  @Field(() => ID)
  @IsUUID()
  competencyId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10)
  level: number;
}

@InputType()
export class AchievementMappingInput {
  @Field(() => MappingMatch)
  @IsEnum(MappingMatch)
  match: MappingMatch;

  @Field()
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

  @Field(() => [MappingClaimInput])
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MappingClaimInput)
  claims: MappingClaimInput[];
}

@InputType()
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

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @Field(() => KeySourceKind)
  @IsEnum(KeySourceKind)
  keySource: KeySourceKind;

  @Field(() => String, { nullable: true })
  @ValidateIf((o: SaveTrustedIssuerInput) => o.keySource === KeySourceKind.JWKS)
  @IsUrl({ ...URL_OPTIONS, protocols: ['https'] }, { message: 'jwksUrl must be an https URL (needed when keySource is JWKS)' })
  @MaxLength(2000)
  jwksUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'An Ed25519 public Multikey (z6Mk...), needed when keySource is MULTIKEY' })
  @ValidateIf((o: SaveTrustedIssuerInput) => o.keySource === KeySourceKind.MULTIKEY)
  @Matches(/^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/, { message: 'publicKeyMultibase must be an Ed25519 public Multikey (z6Mk..., 48 characters)' })
  publicKeyMultibase?: string | null;

  @Field(() => [AchievementMappingInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AchievementMappingInput)
  achievementMappings: AchievementMappingInput[];
}

@InputType()
export class RemoveTrustedIssuerInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;
}

@InputType()
export class LinkHolderDidInput {
  @Field(() => ID)
  @IsUUID()
  educatorId: string;

  @Field({ description: 'A DID the educator controls (HR confirms it, for example from their wallet)' })
  @IsString()
  @Matches(/^did:[a-z0-9]+:[A-Za-z0-9._%:-]+$/, { message: 'did must be a DID (did:method:identifier)' })
  @MaxLength(500)
  did: string;
}

@InputType()
export class SetUpDistrictIssuerInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field({ description: 'The site where Pathways is served; the issuer DID is did:web of its host' })
  @IsString()
  @MaxLength(500)
  url: string;
}

@InputType()
export class ExportClrInput {
  @Field(() => ID, { nullable: true, description: 'Whose record (HR only; educators export their own)' })
  @IsOptional()
  @IsUUID()
  educatorId?: string | null;
}

@InputType()
export class IssueCredentialInput {
  @Field(() => ID)
  @IsUUID()
  evidenceId: string;
}

@InputType()
export class RevokeIssuedCredentialInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
