import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { HybridRoleEntity } from '../../roles/hybrid-role.entity.js';

/** Per-role hiring options kept by the hiring module (a missing row means the defaults). */
@Entity('role_hiring_settings')
export class RoleHiringSettingsEntity {
  @PrimaryColumn({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @OneToOne(() => HybridRoleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  /** Panelists see pseudonyms instead of names, buildings and emails until they submit their scores. */
  @Column({ name: 'blind_review', type: 'boolean', default: false })
  blindReview: boolean;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
