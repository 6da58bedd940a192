import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { HybridRoleEntity } from '../roles/hybrid-role.entity.js';
import { ScoringPolicyEntity } from './scoring-policy.entity.js';

/**
 * A ranking as it was shown: the role, the policy version, the date it was computed for, and the ordered
 * candidates with their full breakdowns. Never updated, so it reads back exactly as saved.
 */
@Entity('ranking_run')
@Index('ix_ranking_run_role', ['roleId', 'createdAt'])
@Check('ck_ranking_run_counts', '"candidate_count" >= 0 AND "qualified_count" >= 0 AND "result_count" >= 0')
export class RankingRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @ManyToOne(() => HybridRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @ManyToOne(() => ScoringPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id' })
  policy?: Relation<ScoringPolicyEntity>;

  @Column({ name: 'policy_version', type: 'int' })
  policyVersion: number;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  /** The role as ranked: title, requirements with their competencies, years-of-service rule. */
  @Column({ name: 'role_snapshot', type: 'jsonb' })
  roleSnapshot: Record<string, unknown>;

  /** The filters the ranking was run with (qualifiedOnly, buildingId). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  filters: Record<string, unknown>;

  @Column({ name: 'overextension_fte_threshold', type: 'double precision' })
  overextensionFteThreshold: number;

  @Column({ name: 'candidate_count', type: 'int' })
  candidateCount: number;

  @Column({ name: 'qualified_count', type: 'int' })
  qualifiedCount: number;

  @Column({ name: 'result_count', type: 'int' })
  resultCount: number;

  @Column({ name: 'created_by_account_id', type: 'uuid', nullable: true })
  createdByAccountId: string | null;

  @Column({ name: 'created_by_email', type: 'varchar', length: 254, nullable: true })
  createdByEmail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => RankingRunResultEntity, (r) => r.run)
  results?: Relation<RankingRunResultEntity[]>;
}

/** One candidate of a saved run, in rank order. `candidate` is the ranked candidate exactly as it was shown. */
@Entity('ranking_run_result')
@Index('ix_ranking_run_result_educator', ['educatorId'])
export class RankingRunResultEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'int' })
  rank: number;

  @ManyToOne(() => RankingRunEntity, (r) => r.results, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: Relation<RankingRunEntity>;

  /** No foreign key: a saved run keeps what was shown even if the educator record changes later. */
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @Column({ type: 'int' })
  score: number;

  @Column({ type: 'boolean' })
  qualified: boolean;

  @Column({ type: 'boolean' })
  overextended: boolean;

  @Column({ type: 'jsonb' })
  candidate: Record<string, unknown>;
}
