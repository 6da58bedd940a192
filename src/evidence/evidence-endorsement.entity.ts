import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EvidenceEntity } from './evidence.entity.js';

/** One endorser's decision on one evidence item: who, when, ENDORSED or DECLINED, and the reason the educator reads. */
@Entity('evidence_endorsement')
@Index('ix_evidence_endorsement_evidence', ['evidenceId', 'decidedAt'])
@Check('ck_evidence_endorsement_decision', `"decision" IN ('ENDORSED','DECLINED')`)
export class EvidenceEndorsementEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_evidence_endorsement' })
  id: string;

  @Column({ name: 'evidence_id', type: 'uuid' })
  evidenceId: string;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'fk_evidence_endorsement_evidence' })
  evidence?: Relation<EvidenceEntity>;

  @Column({ type: 'varchar', length: 16 })
  decision: 'ENDORSED' | 'DECLINED';

  @Column({ type: 'text', default: '' })
  reason: string;

  @Column({ name: 'decided_by_account_id', type: 'uuid', nullable: true })
  decidedByAccountId: string | null;

  @Column({ name: 'decided_by_email', type: 'varchar', length: 254 })
  decidedByEmail: string;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
