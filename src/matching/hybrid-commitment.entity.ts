import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EducatorEntity } from '../educators/educator.entity.js';
import { HybridRoleEntity } from '../roles/hybrid-role.entity.js';

/**
 * A hybrid role an educator holds (written by the hiring workflow when an offer is accepted).
 * Active on a day when starts_on <= day and (ends_on is null or day <= ends_on); the total role FTE of
 * active commitments flags overextension in rankings and reports.
 */
@Entity('hybrid_commitment')
@Check('ck_hybrid_commitment_fte', '"role_fte" > 0 AND "role_fte" <= 1.0')
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
  @Column({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @ManyToOne(() => HybridRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  @Column({ name: 'role_fte', type: 'numeric', precision: 3, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  roleFte: number;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
