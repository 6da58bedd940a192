import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';

/** One message in the outbox: written with the change it reports, delivered later, kept for its reader. */
@Entity('notification')
@Index('uq_notification_dedupe', ['dedupeKey'], { unique: true, where: `"dedupe_key" IS NOT NULL` })
@Index('ix_notification_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('ix_notification_account', ['accountId', 'createdAt'])
@Index('ix_notification_educator', ['educatorId', 'createdAt'])
@Check('ck_notification_status', `"status" IN ('PENDING','SENT','FAILED')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ name: 'educator_id', type: 'uuid', nullable: true })
  educatorId: string | null;

  @Column({ name: 'recipient_email', type: 'varchar', length: 254 })
  recipientEmail: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** The email's text when it carries a secret; cleared once sent, never returned by the API. */
  @Column({ name: 'secret_body', type: 'text', nullable: true, select: false })
  secretBody: string | null;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'varchar', length: 12, default: 'PENDING' })
  status: 'PENDING' | 'SENT' | 'FAILED';

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

/** What a person chose to hear about beyond what concerns them directly. */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @OneToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_notification_preference_account' })
  account?: AccountEntity;

  @Column({ name: 'new_role_alerts', type: 'boolean', default: false })
  newRoleAlerts: boolean;

  @VersionColumn({ default: 1 })
  version: number;
}
