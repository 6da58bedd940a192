import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { afterFailure, safeError } from './domain/delivery.js';
import { smtpTransport, type MailTransport } from './mail-transport.js';

export interface DeliverySummary {
  /** False when no mail server is configured: messages wait in the outbox. */
  ran: boolean;
  sent: number;
  failed: number;
}

const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EAUTH', 'ETLS']);

interface DueRow {
  id: string;
  recipient_email: string;
  subject: string;
  body: string;
  secret_body: string | null;
  attempts: number;
}

/**
 * Delivers the outbox. Each batch is claimed with FOR UPDATE SKIP LOCKED inside one transaction that also records
 * the outcome, so several instances never send the same row; a failure schedules a retry with back-off, and an
 * SMTP outage loses nothing. A secret body (a set-password link) is erased once the email has left.
 */
@Injectable()
export class NotificationDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Notifications');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<DeliverySummary> | null = null;
  private transport: MailTransport | null;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.smtpFrom, config.smtpTimeoutMs) : null;
  }

  onApplicationBootstrap(): void {
    if (!this.transport || this.config.notificationPollMs <= 0) return;
    this.timer = setInterval(
      () => void this.deliverDue().catch((err) => this.log.error(`Delivery failed: ${safeError((err as Error).message)}`)),
      this.config.notificationPollMs,
    );
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
    this.transport?.close();
  }

  /** One pass over what is due now; a pass already running on this instance is joined rather than doubled. */
  deliverDue(now = new Date()): Promise<DeliverySummary> {
    if (!this.transport) return Promise.resolve({ ran: false, sent: 0, failed: 0 });
    this.running ??= this.pass(this.transport, now).finally(() => (this.running = null));
    return this.running;
  }

  private async pass(transport: MailTransport, now: Date): Promise<DeliverySummary> {
    return this.db.transaction(async (m) => {
      const due: DueRow[] = await m.query(
        `SELECT id, recipient_email, subject, body, secret_body, attempts FROM notification
          WHERE status = 'PENDING' AND next_attempt_at <= $1 ORDER BY next_attempt_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, this.config.notificationBatchSize],
      );
      let sent = 0;
      let failed = 0;
      for (const row of due) {
        try {
          await transport.send({ id: row.id, to: row.recipient_email, subject: row.subject, text: row.secret_body ?? row.body });
          await m.query(
            `UPDATE notification SET status = 'SENT', sent_at = now(), attempts = attempts + 1, secret_body = NULL, last_error = NULL WHERE id = $1`,
            [row.id],
          );
          sent++;
        } catch (err) {
          const attempts = row.attempts + 1;
          const next = afterFailure(attempts, this.config.notificationMaxAttempts, now, this.config.notificationRetryBaseMs);
          await m.query(`UPDATE notification SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5 WHERE id = $1`, [
            row.id,
            next.status,
            attempts,
            next.nextAttemptAt,
            safeError((err as Error).message),
          ]);
          failed++;
          // The server itself is unreachable: the rest of the batch waits for the next pass instead of timing out one by one.
          if (CONNECTION_ERRORS.has((err as { code?: string }).code ?? '')) break;
        }
      }
      return { ran: true, sent, failed };
    });
  }
}
