import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../access/persona.js';
import { forbidden, staleVersion } from '../common/app-error.js';
import { decodeCursor, toPage, type PageArgs } from '../common/pagination.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { NotificationKind } from './domain/messages.js';
import type { MyNotificationsArgs, NotificationPreferencesInput, OutboxArgs } from './dto/notification.args.js';
import type { NotificationConnection, NotificationModel, NotificationPreferencesModel } from './models/notification.model.js';
import { NotificationEntity, NotificationPreferenceEntity } from './notification.entity.js';

const toModel = (n: NotificationEntity): NotificationModel => ({
  id: n.id,
  kind: n.kind as NotificationKind,
  recipientEmail: n.recipientEmail,
  subject: n.subject,
  body: n.body,
  deliveryStatus: n.status,
  attempts: n.attempts,
  createdAt: n.createdAt,
  sentAt: n.sentAt,
  readAt: n.readAt,
});

/** Reading notifications: each person their own; HR the whole outbox where the deployment allows it. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Yours: addressed to your account, or to the educator your account is linked to. */
  async mine(actor: Principal, args: MyNotificationsArgs): Promise<NotificationConnection> {
    const qb = this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where(actor.educatorId ? '(n.account_id = :account OR n.educator_id = :educator)' : 'n.account_id = :account', {
        account: actor.accountId,
        educator: actor.educatorId,
      });
    return this.page(qb, args, args.unreadOnly);
  }

  /** Marks your own notifications read; ids that are not yours are ignored, as if they did not exist. */
  async markRead(actor: Principal, ids: string[]): Promise<number> {
    // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE notification SET read_at = now() WHERE id = ANY($1::uuid[]) AND read_at IS NULL
         AND (account_id = $2 OR ($3::uuid IS NOT NULL AND educator_id = $3)) RETURNING id`,
      [ids, actor.accountId, actor.educatorId],
    );
    return rows.length;
  }

  async preferences(actor: Principal): Promise<NotificationPreferencesModel> {
    const found = await this.db.getRepository(NotificationPreferenceEntity).findOneBy({ accountId: actor.accountId });
    return { newRoleAlerts: found?.newRoleAlerts ?? false, version: found?.version ?? 1 };
  }

  async setPreferences(actor: Principal, input: NotificationPreferencesInput): Promise<NotificationPreferencesModel> {
    await this.db.transaction(async (m) => {
      // The row exists from the first change; version 1 stands for "never changed" before that.
      await m.query(`INSERT INTO notification_preference (account_id) VALUES ($1) ON CONFLICT DO NOTHING`, [actor.accountId]);
      const [row]: Array<{ version: number }> = await m.query(
        `SELECT version FROM notification_preference WHERE account_id = $1 FOR UPDATE`,
        [actor.accountId],
      );
      if (row.version !== input.version) throw staleVersion('Your notification preferences');
      await m.query(`UPDATE notification_preference SET new_role_alerts = $2, version = version + 1 WHERE account_id = $1`, [
        actor.accountId,
        input.newRoleAlerts,
      ]);
    });
    return this.preferences(actor);
  }

  async outbox(args: OutboxArgs): Promise<NotificationConnection> {
    if (!this.config.notificationOutboxApi) throw forbidden('Reading the whole outbox is off in this deployment (NOTIFICATION_OUTBOX_API)');
    const qb = this.db.getRepository(NotificationEntity).createQueryBuilder('n');
    if (args.status) qb.where('n.status = :status', { status: args.status });
    return this.page(qb, args, false);
  }

  /** Newest first, one page, with the unread count over the whole selection. */
  private async page(qb: SelectQueryBuilder<NotificationEntity>, args: PageArgs, unreadOnly: boolean): Promise<NotificationConnection> {
    const offset = decodeCursor(args.after);
    const unreadCount = await qb.clone().andWhere('n.read_at IS NULL').getCount();
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    const [rows, total] = await qb
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip(offset)
      .take(args.first)
      .getManyAndCount();
    return { ...toPage(rows.map(toModel), total, offset), unreadCount };
  }
}
