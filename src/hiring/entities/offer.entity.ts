import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EducatorEntity } from '../../educators/educator.entity.js';
import { HybridCommitmentEntity } from '../../matching/hybrid-commitment.entity.js';
import { RankingRunEntity } from '../../matching/ranking-run.entity.js';
import { HybridRoleEntity } from '../../roles/hybrid-role.entity.js';
import { ApplicationEntity } from './application.entity.js';
import type { OfferStatus } from '../domain/offer-status.js';

/**
 * HR's offer of a role to an applicant, its terms, and the human-oversight record: which saved ranking run it
 * was checked against, whom that run pointed to, and the reason when HR chose someone else.
 */
@Entity('offer')
@Index('ix_offer_role_status', ['roleId', 'status'])
@Index('uq_offer_application', ['applicationId'], { unique: true })
@Index('uq_offer_commitment', ['commitmentId'], { unique: true })
@Check('ck_offer_status', `"status" IN ('PENDING','ACCEPTED','DECLINED','RESCINDED','WITHDRAWN')`)
@Check('ck_offer_dates', '"ends_on" IS NULL OR "ends_on" >= "starts_on"')
@Check('ck_offer_override_reason', `NOT "override" OR length("override_reason") > 0`)
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<ApplicationEntity>;

  @Column({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @ManyToOne(() => HybridRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  @Index('ix_offer_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status: OfferStatus;

  /** The role's FTE when the offer was made; the commitment records this. */
  @Column({
    name: 'role_fte',
    type: 'numeric',
    precision: 3,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  roleFte: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'boolean', default: false })
  override: boolean;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason: string | null;

  /** Why the offer closed without the candidate's answer (the role filled, the application was rejected). */
  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;

  @Column({ name: 'ranking_run_id', type: 'uuid', nullable: true })
  rankingRunId: string | null;

  @ManyToOne(() => RankingRunEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ranking_run_id' })
  rankingRun?: Relation<RankingRunEntity>;

  /** Whom the run pointed to when the offer was made (null without a run or a qualified candidate). */
  @Column({ name: 'expected_educator_id', type: 'uuid', nullable: true })
  expectedEducatorId: string | null;

  @Column({ name: 'expected_rank', type: 'int', nullable: true })
  expectedRank: number | null;

  @Column({ name: 'made_by', type: 'uuid', nullable: true })
  madeBy: string | null;

  @CreateDateColumn({ name: 'made_at', type: 'timestamptz' })
  madeAt: Date;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Column({ name: 'commitment_id', type: 'uuid', nullable: true })
  commitmentId: string | null;

  @ManyToOne(() => HybridCommitmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: Relation<HybridCommitmentEntity>;
}
