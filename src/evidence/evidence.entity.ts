import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { EducatorEntity } from '../educators/educator.entity.js';
import {
  EVIDENCE_KINDS,
  PILOT_PARTS,
  sqlValues,
  VERIFICATION_STATUSES,
  type EvidenceKind,
  type PilotPart,
  type VerificationStatus,
} from './domain/evidence-kind.js';
import { EvidenceClaimEntity } from './evidence-claim.entity.js';

/**
 * One piece of evidence an educator holds. Kind-specific details live in typed, nullable columns
 * (the scoring SQL reads expiry, pilot part and hours directly); check constraints mirror the
 * per-kind validation so no path can store a pilot without a part or a certification without an issuer.
 */
@Entity('evidence')
@Check('ck_evidence_kind', `"kind" IN (${sqlValues(EVIDENCE_KINDS)})`)
@Check('ck_evidence_status', `"verification_status" IN (${sqlValues(VERIFICATION_STATUSES)})`)
@Check('ck_evidence_certification', `"kind" <> 'CERTIFICATION' OR ("issuer" IS NOT NULL AND "issued_on" IS NOT NULL)`)
@Check('ck_evidence_pilot', `"kind" <> 'PILOT' OR "pilot_part" IN (${sqlValues(PILOT_PARTS)})`)
@Check('ck_evidence_pl', `"kind" <> 'PROFESSIONAL_LEARNING' OR ("sessions" >= 1 AND "attendees" >= 1)`)
@Check('ck_evidence_course', `"kind" <> 'COURSE' OR "hours" > 0`)
@Check('ck_evidence_dates', `"ended_on" IS NULL OR "started_on" IS NULL OR "ended_on" >= "started_on"`)
@Index('uq_evidence_district_key', ['districtKey'], { unique: true, where: '"district_key" IS NOT NULL' })
@Check('ck_evidence_expiry', `"expires_on" IS NULL OR "issued_on" IS NULL OR "expires_on" >= "issued_on"`)
@Index('ix_evidence_archived', ['deletedAt'], { where: '"deleted_at" IS NOT NULL' })
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_evidence_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ type: 'varchar', length: 24 })
  kind: EvidenceKind;

  /** The district's own key for the item (evidence imports match on it); null for items recorded in Pathways. */
  @Column({ name: 'district_key', type: 'varchar', length: 100, nullable: true })
  districtKey: string | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ name: 'verification_status', type: 'varchar', length: 16, default: 'SELF_REPORTED' })
  verificationStatus: VerificationStatus;

  @Column({ name: 'verified_by', type: 'varchar', length: 254, nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  // CERTIFICATION
  @Column({ type: 'varchar', length: 200, nullable: true })
  issuer: string | null;

  @Column({ name: 'credential_id', type: 'varchar', length: 200, nullable: true })
  credentialId: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn: string | null;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  // PILOT
  @Column({ name: 'pilot_part', type: 'varchar', length: 10, nullable: true })
  pilotPart: PilotPart | null;

  @Column({ type: 'int', nullable: true })
  classrooms: number | null;

  @Column({ type: 'int', nullable: true })
  teachers: number | null;

  @Column({ type: 'int', nullable: true })
  students: number | null;

  @Column({ type: 'text', nullable: true })
  outcomes: string | null;

  // PROFESSIONAL_LEARNING (designed and/or delivered for colleagues)
  @Column({ type: 'int', nullable: true })
  sessions: number | null;

  @Column({ type: 'int', nullable: true })
  attendees: number | null;

  // PRESENTATION
  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  // COURSE (attended)
  @Column({
    type: 'numeric',
    precision: 6,
    scale: 1,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  hours: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  provider: string | null;

  @OneToMany(() => EvidenceClaimEntity, (c) => c.evidence, { cascade: ['insert'] })
  claims?: Relation<EvidenceClaimEntity[]>;

  /**
   * Set when the item is archived (soft-deleted): it stops counting everywhere (it has no claim facts), and its
   * owner may restore it for a while. Only erasure removes the row.
   */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
