import { STATUS_LIST_PATH } from './credential-issuing.service.js';
import type { DistrictIssuerEntity } from './entities/district-issuer.entity.js';
import type { ImportedCredentialEntity } from './entities/imported-credential.entity.js';
import type { IssuedCredentialEntity } from './entities/issued-credential.entity.js';
import type { TrustedIssuerEntity } from './entities/trusted-issuer.entity.js';
import type { KeySourceKind, MappingMatch } from './dto/credential.input.js';
import type { DistrictIssuerModel, ImportedCredentialModel, IssuedCredentialModel, TrustedIssuerModel } from './models/credential.model.js';

export const toImportedCredentialModel = (r: ImportedCredentialEntity): ImportedCredentialModel => ({
  id: r.id,
  issuerId: r.issuerId,
  trusted: r.trusted,
  format: r.format,
  status: r.status,
  statusCheckedAt: r.statusCheckedAt,
  nextCheckAt: r.nextCheckAt,
  report: r.report.steps.map((s) => ({ step: s.step, outcome: s.outcome, reason: s.reason ?? null, detail: s.detail })),
});

export const toTrustedIssuerModel = (t: TrustedIssuerEntity): TrustedIssuerModel => ({
  id: t.id,
  issuerId: t.issuerId,
  displayName: t.displayName,
  keySource: t.keySource as KeySourceKind,
  jwksUrl: t.jwksUrl,
  publicKeyMultibase: t.publicKeyMultibase,
  achievementMappings: t.achievementMappings.map((m) => ({ ...m, match: m.match as MappingMatch, hours: m.hours ?? null })),
  version: t.version,
});

/** Deliberately without the sealed key. */
export const toDistrictIssuerModel = (d: DistrictIssuerEntity): DistrictIssuerModel => ({
  name: d.name,
  url: d.url,
  did: d.did,
  publicKeyMultibase: d.publicKeyMultibase,
  didDocumentUrl: `${d.url}/.well-known/did.json`,
  statusListUrl: `${d.url}${STATUS_LIST_PATH}`,
});

export const toIssuedCredentialModel = (i: IssuedCredentialEntity): IssuedCredentialModel => ({
  id: i.id,
  evidenceId: i.evidenceId,
  educatorId: i.educatorId,
  statusIndex: i.statusIndex,
  json: JSON.stringify(i.document),
  jwt: i.jwt,
  issuedAt: i.createdAt,
  revokedAt: i.revokedAt,
  revocationReason: i.revocationReason,
});
