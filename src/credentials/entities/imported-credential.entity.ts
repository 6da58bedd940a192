import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { EducatorEntity } from '../../educators/educator.entity.js';
import { EvidenceEntity } from '../../evidence/evidence.entity.js';
import type { VerificationReport } from '../domain/report.js';

/** A credential an educator handed in, kept with its verification report beside the evidence it became. */
@Entity('imported_credential')
@Unique('uq_imported_credential_digest', ['educatorId', 'digest'])
@Check('ck_imported_credential_status', `"status" IN ('ACTIVE','REVOKED','SUSPENDED','UNKNOWN','EXPIRED')`)
@Check('ck_imported_credential_format', `"format" IN ('DATA_INTEGRITY','VC_JWT')`)
@Index('ix_imported_credential_next_check', ['nextCheckAt'])
export class ImportedCredentialEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ name: 'evidence_id', type: 'uuid', unique: true })
  evidenceId: string;

  @OneToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<EvidenceEntity>;

  @Column({ type: 'char', length: 64 })
  digest: string;

  @Column({ type: 'varchar', length: 16 })
  format: string;

  @Column({ name: 'issuer_id', type: 'varchar', length: 500 })
  issuerId: string;

  /** Whether the issuer was in the registry at import (else the evidence is self-reported, for HR review). */
  @Column({ type: 'boolean' })
  trusted: boolean;

  /** The credential exactly as submitted (JSON text or compact JWT), so it can be re-verified later. */
  @Column({ type: 'text' })
  document: string;

  @Column({ type: 'jsonb' })
  report: VerificationReport;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  @Column({ name: 'status_checked_at', type: 'timestamptz' })
  statusCheckedAt: Date;

  /** When the scheduled re-check should look again; null once revoked or expired (final). */
  @Column({ name: 'next_check_at', type: 'timestamptz', nullable: true })
  nextCheckAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
