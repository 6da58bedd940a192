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
import { HybridRoleEntity } from '../roles/hybrid-role.entity.js';

/**
 * A hybrid role an educator holds: written by the hiring workflow when an offer is accepted (PATHWAYS), or recorded
 * by HR for one agreed outside Pathways (EXTERNAL, with a free-text title and no posted role).
 * Active on a day when starts_on <= day and (ends_on is null or day <= ends_on); the total role FTE of
 * active commitments flags overextension in rankings and reports.
 */
@Entity('hybrid_commitment')
@Check('ck_hybrid_commitment_fte', '"role_fte" > 0 AND "role_fte" <= 1.0')
@Check('ck_hybrid_commitment_source', `"source" IN ('PATHWAYS', 'EXTERNAL')`)
@Check(
  'ck_hybrid_commitment_role',
  `("source" = 'PATHWAYS' AND "role_id" IS NOT NULL) OR ("source" = 'EXTERNAL' AND "role_title" IS NOT NULL)`,
)
@Check('ck_hybrid_commitment_dates', '"ends_on" IS NULL OR "ends_on" >= "starts_on"')
@Index('ix_hybrid_commitment_educator', ['educatorId', 'startsOn'])
export class HybridCommitmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Index('ix_hybrid_commitment_role')
  @Column({ name: 'role_id', type: 'uuid', nullable: true })
  roleId: string | null;

  /** The title of a commitment made outside Pathways (PATHWAYS ones take the posted role's title). */
  @Column({ name: 'role_title', type: 'varchar', length: 200, nullable: true })
  roleTitle: string | null;

  @Column({ type: 'varchar', length: 16, default: 'PATHWAYS' })
  source: 'PATHWAYS' | 'EXTERNAL';

  @ManyToOne(() => HybridRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
