import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EducatorEntity } from '../../educators/educator.entity.js';
import { EvidenceEntity } from '../../evidence/evidence.entity.js';

/** A credential the district issued; its status list position is fixed for life, revocation flips that bit. */
@Entity('issued_credential')
@Check('ck_issued_credential_status_index', `"status_index" >= 0 AND "status_index" < 131072`)
export class IssuedCredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_issued_credential_evidence')
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true })
  evidenceId: string | null;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<EvidenceEntity>;

  @Index('ix_issued_credential_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ name: 'status_index', type: 'int', unique: true })
  statusIndex: number;

  @Column({ type: 'jsonb' })
  document: Record<string, unknown>;

  @Column({ type: 'text' })
  jwt: string;

  @Column({ name: 'issued_by', type: 'varchar', length: 254 })
  issuedBy: string;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 254, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revocation_reason', type: 'varchar', length: 500, nullable: true })
  revocationReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
