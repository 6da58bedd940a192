import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { ClaimInput } from './domain/claims.js';
import { EvidenceEntity } from './evidence.entity.js';

/**
 * An owner's edit of endorsed or verified evidence, waiting for a decision while the trusted version keeps
 * counting. `changes` holds the new values of the changed columns; `claims` the new claim set when it changed.
 */
@Entity('evidence_revision')
@Index('uq_evidence_revision_pending', ['evidenceId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('ix_evidence_revision_queue', ['status', 'proposedAt'])
@Check('ck_evidence_revision_status', `"status" IN ('PENDING','APPROVED','REJECTED')`)
export class EvidenceRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_evidence_revision' })
  id: string;

  @Column({ name: 'evidence_id', type: 'uuid' })
  evidenceId: string;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_revision_evidence' })
  evidence?: Relation<EvidenceEntity>;

  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: 'PENDING' | 'APPROVED' | 'REJECTED';

  /** Changed column -> { from, to } against the trusted version when proposed. */
  @Column({ type: 'jsonb' })
  changes: Record<string, { from: unknown; to: unknown }>;

  @Column({ type: 'jsonb', nullable: true })
  claims: ClaimInput[] | null;

  @Column({ name: 'changed_fields', type: 'text', array: true })
  changedFields: string[];

  @Column({ name: 'proposed_by_email', type: 'varchar', length: 254 })
  proposedByEmail: string;

  @CreateDateColumn({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by_email', type: 'varchar', length: 254, nullable: true })
  decidedByEmail: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ name: 'resulting_status', type: 'varchar', length: 16, nullable: true })
  resultingStatus: string | null;

  @VersionColumn()
  version: number;
}
