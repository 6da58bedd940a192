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
import { BuildingEntity } from '../buildings/building.entity.js';
import { RoleRequirementEntity } from './role-requirement.entity.js';
import type { RoleStatus } from './domain/role-status.js';

@Entity('hybrid_role')
@Check('ck_hybrid_role_fte', '"classroom_fte" >= 0 AND "role_fte" > 0 AND "classroom_fte" + "role_fte" <= 1.0')
@Check('ck_hybrid_role_openings', '"openings" >= 1')
@Check('ck_hybrid_role_stipend', '"stipend" >= 0')
@Check('ck_hybrid_role_status', `"status" IN ('DRAFT','OPEN','CLOSED','FILLED')`)
export class HybridRoleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  /** Null means district-wide. */
  @Index('ix_hybrid_role_building')
  @Column({ name: 'building_id', type: 'uuid', nullable: true })
  buildingId: string | null;

  @ManyToOne(() => BuildingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id' })
  building?: Relation<BuildingEntity>;

  @Column({
    name: 'classroom_fte',
    type: 'numeric',
    precision: 3,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  classroomFte: number;

  @Column({
    name: 'role_fte',
    type: 'numeric',
    precision: 3,
    scale: 2,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  roleFte: number;

  /** Annual stipend in whole currency units. */
  @Column({ type: 'int', default: 0 })
  stipend: number;

  @Column({ type: 'int', default: 1 })
  openings: number;

  @Column({ name: 'closing_date', type: 'date', nullable: true })
  closingDate: string | null;

  @Index('ix_hybrid_role_status')
  @Column({ type: 'varchar', length: 10, default: 'DRAFT' })
  status: RoleStatus;

  @Column({ name: 'internal_only', type: 'boolean', default: true })
  internalOnly: boolean;

  /**
   * Years of service count toward a ranking only when a role explicitly asks for a minimum,
   * and then visibly in the explanation.
   */
  @Column({ name: 'min_years_of_service', type: 'smallint', nullable: true })
  minYearsOfService: number | null;

  @OneToMany(() => RoleRequirementEntity, (r) => r.role)
  requirements?: Relation<RoleRequirementEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
