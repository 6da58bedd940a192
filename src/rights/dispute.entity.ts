import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { EducatorEntity } from '../educators/educator.entity.js';
import { DISPUTE_KINDS, DISPUTE_STATUSES } from './domain/dispute.js';

const values = (list: readonly string[]) => list.map((v) => `'${v}'`).join(',');

/**
 * An educator's dispute of a decision about them: a verification decision, an explanation of where they stand for
 * a role, or an application decision. HR resolves it with a written outcome the educator reads. One OPEN dispute per
 * educator, kind and subject (a partial unique index decides races).
 */
@Entity('dispute')
@Index('uq_dispute_open', ['educatorId', 'kind', 'subjectId'], { unique: true, where: `"status" = 'OPEN'` })
@Index('ix_dispute_queue', ['status', 'createdAt'])
@Check('ck_dispute_kind', `"kind" IN (${values(DISPUTE_KINDS)})`)
@Check('ck_dispute_status', `"status" IN (${values(DISPUTE_STATUSES)})`)
@Check('ck_dispute_resolution', `("status" = 'OPEN') = ("resolved_at" IS NULL)`)
export class DisputeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_dispute_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** The verification request, evidence item, role or application disputed (no foreign key: kinds differ). */
  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  /** What the educator disputed, in words, as it stood when they filed (e.g. the evidence title and decision). */
  @Column({ name: 'subject_label', type: 'varchar', length: 300 })
  subjectLabel: string;

  /** The decision as it stood when filed (status, reason, score...), so HR reads what the educator saw. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  context: Record<string, unknown>;

  @Column({ type: 'text' })
  statement: string;

  @Column({ type: 'varchar', length: 16, default: 'OPEN' })
  status: string;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolved_by_account_id', type: 'uuid', nullable: true })
  resolvedByAccountId: string | null;

  @Column({ name: 'resolved_by_email', type: 'varchar', length: 254, nullable: true })
  resolvedByEmail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
