import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One bias audit as it was computed: its scope and options, the instant it was read as of, and the whole
 * result (figures and summary) as JSON. Written once and never updated, so it reads back unchanged.
 */
@Entity({ schema: 'fairness', name: 'audit_run' })
@Index('ix_fairness_audit_run_created', ['createdAt'])
export class FairnessAuditRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** No foreign key: a saved audit keeps what it found even if the role changes later. */
  @Column({ name: 'role_id', type: 'uuid', nullable: true })
  roleId: string | null;

  @Column({ name: 'period_from', type: 'date' })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'date' })
  periodTo: string;

  @Column({ name: 'as_of', type: 'timestamptz' })
  asOf: Date;

  @Column({ type: 'jsonb' })
  result: Record<string, unknown>;

  @Column({ name: 'created_by_account_id', type: 'uuid', nullable: true })
  createdByAccountId: string | null;

  @Column({ name: 'created_by_email', type: 'varchar', length: 254, nullable: true })
  createdByEmail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
