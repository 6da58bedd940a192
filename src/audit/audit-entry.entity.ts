import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AuditAction } from './audit-action.js';

/** Append-only: a trigger in the migration refuses UPDATE, DELETE and TRUNCATE. */
@Entity('audit_entry')
@Index('ix_audit_entry_target', ['targetType', 'targetId'])
@Index('ix_audit_entry_at', ['at'])
@Index('ix_audit_entry_actor', ['actorAccountId'])
@Index('ix_audit_entry_target_id', ['targetId'])
/** GIN (jsonb_path_ops) on changes, created in the migration: erasure finds the entries that name a person by containment. */
@Index('ix_audit_entry_changes', { synchronize: false })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'actor_account_id', type: 'uuid', nullable: true })
  actorAccountId: string | null;

  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  persona: string | null;

  @Index('ix_audit_entry_action')
  @Column({ type: 'varchar', length: 64 })
  action: AuditAction;

  @Column({ name: 'target_type', type: 'varchar', length: 64 })
  targetType: string;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  changes: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
