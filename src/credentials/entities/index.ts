import { DistrictIssuerEntity } from './district-issuer.entity.js';
import { HolderDidEntity } from './holder-did.entity.js';
import { ImportedCredentialEntity } from './imported-credential.entity.js';
import { IssuedCredentialEntity } from './issued-credential.entity.js';
import { TrustedIssuerEntity } from './trusted-issuer.entity.js';

export const CREDENTIAL_ENTITIES = [
  TrustedIssuerEntity,
  HolderDidEntity,
  ImportedCredentialEntity,
  DistrictIssuerEntity,
  IssuedCredentialEntity,
];
