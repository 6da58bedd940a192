import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';
import { districtToday } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EducatorEntity } from '../educators/educator.entity.js';
import { render, type MessageFacts } from './domain/messages.js';
import { NotificationEntity } from './notification.entity.js';

/** Who a message is for: an account, or an educator (reached through their linked account, else their work email). */
export type Recipient = { accountId: string } | { educatorId: string };

/**
 * The transactional outbox. Callers pass their own transaction, so a message exists exactly when the change it
 * reports was committed; the delivery worker sends it later. A dedupe key makes a repeated event one message.
 */
@Injectable()
export class NotificationOutbox {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async enqueue(m: EntityManager, to: Recipient, facts: MessageFacts, dedupeKey?: string): Promise<void> {
    const address = await this.resolve(m, to);
    if (!address) return; // nobody to tell: an account disabled, or an educator who has left
    const { subject, body, secretBody } = render(facts, this.config.publicBaseUrl);
    await m
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        kind: facts.kind,
        accountId: address.accountId,
        educatorId: address.educatorId,
        recipientEmail: address.email,
        subject,
        body,
        secretBody: secretBody ?? null,
        dedupeKey: dedupeKey ?? null,
      })
      .orIgnore()
      .execute();
  }

  /** Educators who asked to hear of new roles: enabled accounts, linked to someone who has not left. */
  async newRoleSubscribers(m: EntityManager): Promise<string[]> {
    const rows: Array<{ educator_id: string }> = await m.query(
      `SELECT a.educator_id FROM notification_preference p JOIN account a ON a.id = p.account_id JOIN educator e ON e.id = a.educator_id
        WHERE p.new_role_alerts AND a.disabled_at IS NULL AND (e.leaving_date IS NULL OR e.leaving_date > $1::date) ORDER BY a.educator_id`,
      [districtToday()],
    );
    return rows.map((r) => r.educator_id);
  }

  private async resolve(
    m: EntityManager,
    to: Recipient,
  ): Promise<{ accountId: string | null; educatorId: string | null; email: string } | null> {
    if ('accountId' in to) {
      const account = await m.getRepository(AccountEntity).findOne({ where: { id: to.accountId } });
      if (!account || account.disabledAt) return null;
      return { accountId: account.id, educatorId: account.educatorId, email: account.email };
    }
    const educator = await m.getRepository(EducatorEntity).findOne({ where: { id: to.educatorId } });
    if (!educator) return null;
    const account = await m.getRepository(AccountEntity).findOne({ where: { educatorId: educator.id } });
    if (account?.disabledAt) return null;
    return { accountId: account?.id ?? null, educatorId: educator.id, email: account?.email ?? educator.workEmail };
  }
}
