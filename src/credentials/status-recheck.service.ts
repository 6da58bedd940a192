import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EvidenceEntity } from '../evidence/evidence.entity.js';
import { dayOf, lastCountingDay } from './domain/dates.js';
import { CredentialsRepository } from './credentials.repository.js';
import { recheckMs, STATUS_RETRY_MS } from './credential-import.service.js';
import { ImportedCredentialEntity } from './entities/imported-credential.entity.js';
import type { CredentialVerifier } from './verification/credential-verifier.js';
import { VerifierFactory } from './verifier.factory.js';

export interface RecheckSummary {
  /** False when another instance held the sweep. */
  ran: boolean;
  checked: number;
  changed: number;
}

const BATCH = 100;

/**
 * Re-reads the status and validity of imported credentials that are due, on one instance at a time (an advisory
 * lock for the sweep, SKIP LOCKED for its rows). A revoked, suspended or expired credential stops counting: its
 * evidence loses VERIFIED and expires the day before, and the change is audited. A credential whose status list
 * was unreachable is retried within the hour, and becomes VERIFIED once its status reads active.
 */
@Injectable()
export class StatusRecheckService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('CredentialStatus');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly repo: CredentialsRepository,
    private readonly verifiers: VerifierFactory,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: NotificationOutbox,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.credentialRecheckHours <= 0 || this.config.nodeEnv === 'test') return;
    // Wake hourly: the sweep itself decides what is due (regular checks and quicker retries of unknown statuses).
    this.timer = setInterval(
      () => {
        this.runOnce().catch((err) => this.log.error(`Status re-check failed: ${(err as Error).message}`));
      },
      Math.min(STATUS_RETRY_MS, this.config.credentialRecheckHours * 3_600_000),
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async runOnce(now: Date = new Date()): Promise<RecheckSummary> {
    return this.db.transaction(async (m) => {
      if (!(await this.repo.tryLockSweep(m))) return { ran: false, checked: 0, changed: 0 };
      const ids = await this.repo.lockDue(m, now, BATCH);
      if (!ids.length) return { ran: true, checked: 0, changed: 0 };
      const { verifier } = await this.verifiers.create(() => now);
      let changed = 0;
      for (const id of ids) if (await this.recheck(m, verifier, id, now)) changed++;
      return { ran: true, checked: ids.length, changed };
    });
  }

  private async recheck(m: EntityManager, verifier: CredentialVerifier, id: string, now: Date): Promise<boolean> {
    const record = (await m.getRepository(ImportedCredentialEntity).findOneBy({ id }))!;
    const { report, verified, failure } = await verifier.verify(record.document, null, { freshStatus: true });
    const reason = failure?.reason;
    const next =
      reason === 'REVOKED'
        ? 'REVOKED'
        : reason === 'SUSPENDED'
          ? 'SUSPENDED'
          : reason === 'EXPIRED'
            ? 'EXPIRED'
            : reason === 'STATUS_UNKNOWN'
              ? 'UNKNOWN'
              : !failure && verified
                ? 'ACTIVE'
                : record.status; // a key that cannot be fetched right now says nothing new about the credential
    const final = next === 'REVOKED' || next === 'EXPIRED';
    const retry = next === 'UNKNOWN' || (failure && next === record.status);
    await m.getRepository(ImportedCredentialEntity).update(
      { id },
      {
        status: next,
        report: { ...report, steps: [...report.steps] },
        statusCheckedAt: now,
        nextCheckAt: final ? null : new Date(now.getTime() + (retry ? STATUS_RETRY_MS : recheckMs(this.config))),
      },
    );
    if (next === record.status) return false;

    const evidence = (await m.getRepository(EvidenceEntity).findOneBy({ id: record.evidenceId }))!;
    const counts = next === 'ACTIVE';
    const change: Partial<EvidenceEntity> = counts
      ? {
          expiresOn: record.validUntil ? dayOf(record.validUntil) : null,
          ...(record.trusted ? { verificationStatus: 'VERIFIED', verifiedBy: 'credential status re-check', verifiedAt: now } : {}),
        }
      : next === 'UNKNOWN'
        ? {}
        : { verificationStatus: 'SELF_REPORTED', verifiedBy: null, verifiedAt: null, expiresOn: lastCountingDay(now, evidence.issuedOn) };
    if (Object.keys(change).length) await m.getRepository(EvidenceEntity).update({ id: evidence.id }, change);
    await this.audit.record(
      null,
      {
        action: 'CREDENTIAL_STATUS_CHANGED',
        targetType: 'Evidence',
        targetId: evidence.id,
        changes: {
          from: record.status,
          to: next,
          detail: failure?.message ?? 'status list reads active',
          evidenceStatus: change.verificationStatus ?? evidence.verificationStatus,
        },
      },
      m,
    );
    await this.outbox.enqueue(
      m,
      { educatorId: evidence.educatorId },
      {
        kind: 'CREDENTIAL_STATUS_CHANGED',
        evidenceTitle: evidence.title,
        from: record.status,
        to: next,
        detail: failure?.message ?? 'its status list reads active',
      },
    );
    return true;
  }
}
