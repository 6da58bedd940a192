import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NotificationOutbox } from '../notifications/notification-outbox.js';
import { RankingService } from './ranking.service.js';

export interface AlertScanSummary {
  ran: boolean;
  roles: number;
  alerts: number;
}

/**
 * Opt-in alerts: when a role opens, each educator who asked (notification preference) and qualifies for it, or meets
 * every required competency but one, gets one message. Every newly opened role is scanned once across instances (an
 * advisory lock, and a row per scanned role); the outbox's dedupe key keeps it to one message per person and role.
 */
@Injectable()
export class NewRoleAlertsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('NewRoleAlerts');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly ranking: RankingService,
    private readonly outbox: NotificationOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.notificationPollMs <= 0) return;
    this.timer = setInterval(
      () => void this.scan().catch((err) => this.log.error(`New-role scan failed: ${(err as Error).message}`)),
      this.config.notificationPollMs,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async scan(): Promise<AlertScanSummary> {
    return this.db.transaction(async (m) => {
      const [lock]: Array<{ locked: boolean }> = await m.query(
        `SELECT pg_try_advisory_xact_lock(hashtextextended('new-role-alerts', 19)) AS locked`,
      );
      if (!lock.locked) return { ran: false, roles: 0, alerts: 0 };
      const roles: Array<{ id: string; title: string }> = await m.query(
        `SELECT r.id, r.title FROM hybrid_role r WHERE r.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM role_alert_scan s WHERE s.role_id = r.id) ORDER BY r.created_at LIMIT 20`,
      );
      if (!roles.length) return { ran: true, roles: 0, alerts: 0 };
      const subscribers = await this.outbox.newRoleSubscribers(m);
      let alerts = 0;
      for (const role of roles) {
        if (subscribers.length) {
          const explained = await this.ranking.explainForRole(m, role.id, subscribers);
          for (const c of explained) {
            const missing = c.requirements.filter((r) => r.kind === 'REQUIRED' && !r.met);
            // One away means every other requirement is met: a role with a single requirement has no "one away".
            const oneAway = missing.length === 1 && c.requiredTotal > 1;
            if (!c.qualified && !oneAway) continue;
            await this.outbox.enqueue(
              m,
              { educatorId: c.educatorId },
              {
                kind: 'NEW_ROLE_MATCH',
                roleTitle: role.title,
                qualified: c.qualified,
                missing: missing.map((r) => `${r.competencyName} at level ${r.requiredLevel}`),
              },
              `new-role:${role.id}:${c.educatorId}`,
            );
            alerts++;
          }
        }
        await m.query(`INSERT INTO role_alert_scan (role_id) VALUES ($1) ON CONFLICT DO NOTHING`, [role.id]);
      }
      return { ran: true, roles: roles.length, alerts };
    });
  }
}
