import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isHr, type Principal } from '../access/persona.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, badInput, ErrorCode, notFound } from '../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { achievementSummary, mapAchievement } from './domain/achievement-mapping.js';
import { dayOf } from './domain/dates.js';
import type { StepResult, VerificationReport } from './domain/report.js';
import { CredentialsRepository } from './credentials.repository.js';
import { ImportedCredentialEntity } from './entities/imported-credential.entity.js';
import type { TrustedIssuerEntity } from './entities/trusted-issuer.entity.js';
import type { VerifiedCredential } from './verification/credential-verifier.js';
import { VerifierFactory } from './verifier.factory.js';

export type ImportOutcome = 'VERIFIED' | 'SELF_REPORTED' | 'STATUS_UNKNOWN';

export interface ImportResult {
  outcome: ImportOutcome;
  alreadyImported: boolean;
  evidenceId: string;
  record: ImportedCredentialEntity;
}

/** The regular re-check interval (daily when the schedule is off, so a manual run still finds them due). */
export const recheckMs = (config: AppConfig) => (config.credentialRecheckHours || 24) * 3_600_000;

/** How soon a credential whose status could not be read is tried again. */
export const STATUS_RETRY_MS = 60 * 60 * 1000;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Importing a credential: verify it with no trust in the submitter, then, in one transaction, create the evidence
 * and keep the credential and its report beside it. Refusals write nothing.
 */
@Injectable()
export class CredentialImportService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly verifiers: VerifierFactory,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async import(actor: Principal, input: { educatorId?: string | null; credential: string }): Promise<ImportResult> {
    const educatorId = ownerFor(actor, input.educatorId ?? undefined);
    const holder = await this.repo.holderIdentity(educatorId);
    if (!holder) throw notFound('Educator', educatorId);
    const { verifier, registry } = await this.verifiers.create();
    const { report, verified, failure } = await verifier.verify(input.credential, holder);
    if (!verified || (failure && failure.reason !== 'STATUS_UNKNOWN')) {
      const step = failure?.step ?? 'PARSE';
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Credential refused at ${step.toLowerCase()}: ${failure?.message ?? 'it could not be verified'}`,
        {
          reason: failure?.reason ?? 'MALFORMED',
          step,
          report: report.steps,
        },
      );
    }
    const trustedIssuer = registry.get(verified.issuerId) ?? null;
    report.steps.push(issuerStep(trustedIssuer));
    const statusKnown = verified.status === 'ACTIVE';
    const outcome: ImportOutcome = !statusKnown ? 'STATUS_UNKNOWN' : trustedIssuer ? 'VERIFIED' : 'SELF_REPORTED';

    return this.db.transaction(async (m) => {
      await this.repo.lockImport(m, educatorId, verified.digest);
      const existing = await m.getRepository(ImportedCredentialEntity).findOne({ where: { educatorId, digest: verified.digest } });
      if (existing) return { outcome: outcomeOf(existing), alreadyImported: true, evidenceId: existing.evidenceId, record: existing };

      const evidence = await this.createEvidence(m, educatorId, verified, trustedIssuer, outcome === 'VERIFIED');
      const now = new Date();
      const record = await m.getRepository(ImportedCredentialEntity).save(
        m.getRepository(ImportedCredentialEntity).create({
          educatorId,
          evidenceId: evidence.id,
          digest: verified.digest,
          format: verified.format,
          issuerId: verified.issuerId,
          trusted: !!trustedIssuer,
          document: input.credential.trim(),
          report,
          status: verified.status,
          validUntil: verified.window.validUntil,
          statusCheckedAt: now,
          nextCheckAt: new Date(now.getTime() + (statusKnown ? recheckMs(this.config) : STATUS_RETRY_MS)),
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'CREDENTIAL_IMPORTED',
          targetType: 'Evidence',
          targetId: evidence.id,
          changes: {
            educatorId,
            issuerId: verified.issuerId,
            trusted: !!trustedIssuer,
            outcome,
            format: verified.format,
            credentialId: verified.credential.id ?? null,
          },
        },
        m,
      );
      return { outcome, alreadyImported: false, evidenceId: evidence.id, record };
    });
  }

  private async createEvidence(
    m: EntityManager,
    educatorId: string,
    verified: VerifiedCredential,
    issuer: TrustedIssuerEntity | null,
    verifiedNow: boolean,
  ): Promise<EvidenceEntity> {
    const achievement = achievementSummary(verified.credential);
    const mapped = issuer ? mapAchievement(verified.credential, issuer.achievementMappings) : mapAchievement(verified.credential, []);
    const usable = await this.repo.usableLevels(m, mapped.claims);
    const claims = mapped.claims.filter((c) => usable.has(`${c.competencyId}:${c.level}`));
    const credentialId = typeof verified.credential.id === 'string' ? verified.credential.id : null;
    const profileName = (verified.credential.issuer as { name?: unknown })?.name;
    const issuerName = issuer?.displayName ?? (typeof profileName === 'string' ? profileName : verified.issuerId);
    const validFrom = verified.window.validFrom ?? new Date();
    const saved = await m.getRepository(EvidenceEntity).save(
      m.getRepository(EvidenceEntity).create({
        educatorId,
        kind: mapped.kind,
        title: clip(achievement.name, 200),
        description: clip(
          issuer
            ? achievement.description
            : `${achievement.description}\n\nSignature valid, issuer not in the registry: HR review needed.`.trim(),
          4000,
        ),
        url: credentialId && /^https?:\/\//.test(credentialId) ? clip(credentialId, 2000) : null,
        issuer: clip(issuerName, 200),
        credentialId: credentialId ? clip(credentialId, 200) : null,
        issuedOn: dayOf(validFrom),
        expiresOn: verified.window.validUntil ? dayOf(verified.window.validUntil) : null,
        hours: mapped.hours,
        verificationStatus: verifiedNow ? 'VERIFIED' : 'SELF_REPORTED',
        verifiedBy: verifiedNow ? clip(`credential from ${issuerName}`, 254) : null,
        verifiedAt: verifiedNow ? new Date() : null,
      }),
    );
    if (claims.length) {
      await m.query(
        `INSERT INTO evidence_claim (evidence_id, competency_id, level) SELECT $1, x.competency_id, x.level
           FROM jsonb_to_recordset($2::jsonb) AS x(competency_id uuid, level smallint)`,
        [saved.id, JSON.stringify(claims.map((c) => ({ competency_id: c.competencyId, level: c.level })))],
      );
    }
    return saved;
  }
}

function issuerStep(issuer: TrustedIssuerEntity | null): StepResult {
  return issuer
    ? { step: 'ISSUER', outcome: 'PASSED', detail: `in the trusted-issuer registry as ${issuer.displayName}` }
    : {
        step: 'ISSUER',
        outcome: 'UNKNOWN',
        reason: 'ISSUER_NOT_TRUSTED',
        detail: 'signature valid, issuer not in the registry: kept as self-reported for HR review',
      };
}

export function outcomeOf(record: ImportedCredentialEntity): ImportOutcome {
  if (record.status === 'UNKNOWN') return 'STATUS_UNKNOWN';
  return record.trusted && record.status === 'ACTIVE' ? 'VERIFIED' : 'SELF_REPORTED';
}

/** Educators import into their own portfolio; HR imports for anyone and must then say whose. */
function ownerFor(actor: Principal, requested: string | undefined): string {
  if (isHr(actor)) {
    const educatorId = requested ?? actor.educatorId;
    if (!educatorId) throw badInput('Give educatorId: whose credential is this?');
    return educatorId;
  }
  if (!actor.educatorId) throw badInput('Only educators and HR can import credentials');
  if (requested && requested !== actor.educatorId) throw notFound('Educator', requested);
  return actor.educatorId;
}

export type { VerificationReport };
