import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ScoringKind, VerificationStatus } from './domain/evidence-rules.js';
import type { TieBreakRule } from './domain/scoring-policy.js';

const float = { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/**
 * One published version of the district's scoring policy. Rows are never updated: publishing inserts
 * the next version and moves the `is_current` mark, so every saved ranking can name the exact policy it used.
 */
@Entity('scoring_policy')
@Index('uq_scoring_policy_current', ['isCurrent'], { unique: true, where: '"is_current"' })
@Check('ck_scoring_policy_version', '"version" >= 1')
@Check('ck_scoring_policy_qualifying_status', `"qualifying_status" IN ('SELF_REPORTED','ENDORSED','VERIFIED')`)
@Check('ck_scoring_policy_cap', '"attendance_cap_level" BETWEEN 0 AND 10')
@Check(
  'ck_scoring_policy_ageing',
  '("ageing_half_life_years" IS NULL OR "ageing_half_life_years" > 0) AND "ageing_minimum_factor" BETWEEN 0 AND 1',
)
@Check(
  'ck_scoring_policy_threshold',
  '"overextension_fte_threshold" IS NULL OR ("overextension_fte_threshold" > 0 AND "overextension_fte_threshold" <= 1)',
)
export class ScoringPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_scoring_policy_version', { unique: true })
  @Column({ type: 'int' })
  version: number;

  @Column({ name: 'is_current', type: 'boolean', default: false })
  isCurrent: boolean;

  /** Weight by scoring kind; a version published before a kind existed does not name it (see storedKindWeights). */
  @Column({ name: 'kind_weights', type: 'jsonb' })
  kindWeights: Partial<Record<ScoringKind, number>>;

  @Column({ name: 'verification_factors', type: 'jsonb' })
  verificationFactors: Record<VerificationStatus, number>;

  @Column({ name: 'ageing_half_life_years', type: 'double precision', nullable: true, transformer: float })
  ageingHalfLifeYears: number | null;

  @Column({ name: 'ageing_minimum_factor', type: 'double precision', transformer: float })
  ageingMinimumFactor: number;

  @Column({ name: 'attendance_cap_level', type: 'smallint' })
  attendanceCapLevel: number;

  @Column({ name: 'overextension_fte_threshold', type: 'double precision', nullable: true, transformer: float })
  overextensionFteThreshold: number | null;

  @Column({ name: 'tie_break', type: 'varchar', length: 40 })
  tieBreak: TieBreakRule;

  /** The lowest verification status that can meet a requirement (versions before it existed hold SELF_REPORTED). */
  @Column({ name: 'qualifying_status', type: 'varchar', length: 16 })
  qualifyingStatus: VerificationStatus;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ name: 'published_by_account_id', type: 'uuid', nullable: true })
  publishedByAccountId: string | null;

  @Column({ name: 'published_by_email', type: 'varchar', length: 254, nullable: true })
  publishedByEmail: string | null;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
