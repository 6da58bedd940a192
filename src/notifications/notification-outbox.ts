import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { districtToday } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
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
    await this.enqueueMany(m, [{ to, facts, dedupeKey }]);
  }

  /**
   * Several messages, each written as `enqueue` writes it: recipients resolved in one query per kind of recipient,
   * the messages inserted a thousand per statement (a bulk import invites its accounts this way).
   */
  async enqueueMany(m: EntityManager, messages: readonly { to: Recipient; facts: MessageFacts; dedupeKey?: string }[]): Promise<void> {
    if (!messages.length) return;
    const addresses = await this.resolveMany(
      m,
      messages.map((x) => x.to),
    );
    const rows = messages.flatMap((x, i) => {
      const address = addresses[i];
      if (!address) return []; // nobody to tell: an account disabled, or an educator who has left
      const { subject, body, secretBody } = render(x.facts, this.config.publicBaseUrl);
      return [
        {
          kind: x.facts.kind,
          accountId: address.accountId,
          educatorId: address.educatorId,
          recipientEmail: address.email,
          subject,
          body,
          secretBody: secretBody ?? null,
          dedupeKey: x.dedupeKey ?? null,
        },
      ];
    });
    for (let at = 0; at < rows.length; at += 1000) {
      await m
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values(rows.slice(at, at + 1000))
        .orIgnore()
        .execute();
    }
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

  /** Each recipient's address, in order; null for nobody to tell. */
  private async resolveMany(m: EntityManager, to: readonly Recipient[]): Promise<(Address | null)[]> {
    const accountIds = [...new Set(to.flatMap((r) => ('accountId' in r ? [r.accountId] : [])))];
    const educatorIds = [...new Set(to.flatMap((r) => ('educatorId' in r ? [r.educatorId] : [])))];
    const accounts = new Map<string, { id: string; educator_id: string | null; email: string; disabled: boolean }>(
      accountIds.length
        ? (
            await m.query(`SELECT id, educator_id, email, disabled_at IS NOT NULL AS disabled FROM account WHERE id = ANY($1::uuid[])`, [
              accountIds,
            ])
          ).map((a: { id: string }) => [a.id, a])
        : [],
    );
    const educators = new Map<
      string,
      { id: string; work_email: string; account_id: string | null; email: string | null; disabled: boolean }
    >(
      educatorIds.length
        ? (
            await m.query(
              `SELECT e.id, e.work_email, a.id AS account_id, a.email, coalesce(a.disabled_at IS NOT NULL, false) AS disabled
               FROM educator e LEFT JOIN account a ON a.educator_id = e.id WHERE e.id = ANY($1::uuid[])`,
              [educatorIds],
            )
          ).map((e: { id: string }) => [e.id, e])
        : [],
    );
    return to.map((r) => {
      if ('accountId' in r) {
        const account = accounts.get(r.accountId);
        if (!account || account.disabled) return null;
        return { accountId: account.id, educatorId: account.educator_id, email: account.email };
      }
      const educator = educators.get(r.educatorId);
      if (!educator || educator.disabled) return null;
      return { accountId: educator.account_id, educatorId: educator.id, email: educator.email ?? educator.work_email };
    });
  }
}

interface Address {
  accountId: string | null;
  educatorId: string | null;
  email: string;
}
