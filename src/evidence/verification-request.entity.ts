import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { EvidenceEntity } from './evidence.entity.js';

/** An educator's request that HR verify one evidence item, and HR's decision with the reason the educator reads. */
@Entity('verification_request')
@Index('uq_verification_request_pending', ['evidenceId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('ix_verification_request_queue', ['status', 'requestedAt'])
@Check('ck_verification_request_status', `"status" IN ('PENDING','VERIFIED','ENDORSED','REJECTED')`)
export class VerificationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'evidence_id', type: 'uuid' })
  evidenceId: string;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: EvidenceEntity;

  @Index('ix_verification_request_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @Column({ type: 'varchar', length: 16, default: 'PENDING' })
  status: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  links: string[];

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by_email', type: 'varchar', length: 254, nullable: true })
  decidedByEmail: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @VersionColumn()
  version: number;
}
