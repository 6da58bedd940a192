import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';

export enum PasswordLinkPurpose {
  INVITATION = 'INVITATION',
  RESET = 'RESET',
}

/** A one-time set-password link. Only the SHA-256 of its token is stored; the token itself is shown once, to HR. */
@Entity('account_password_link')
@Check('CHK_account_password_link_purpose', `"purpose" IN ('INVITATION', 'RESET')`)
export class PasswordLinkEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_account_password_link' })
  id: string;

  @Index('ix_account_password_link_account')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_account_password_link_account' })
  account?: Relation<AccountEntity>;

  @Index('uq_account_password_link_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: PasswordLinkPurpose;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
