import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { BuildingEntity } from '../buildings/building.entity.js';
import { EducatorEntity } from './educator.entity.js';

/**
 * Where an educator worked, when: from `starts_on` through `ends_on` (inclusive; null while it lasts). An educator's
 * assignments never overlap and the first starts on the hire date (a trigger writes it when the educator row is
 * inserted). Reports for a past day place people through this table.
 */
@Entity('building_assignment')
@Check('ck_building_assignment_dates', '"ends_on" IS NULL OR "ends_on" >= "starts_on"')
@Index('uq_building_assignment_start', ['educatorId', 'startsOn'], { unique: true })
@Index('uq_building_assignment_open', { synchronize: false })
@Index('ix_building_assignment_building', ['buildingId', 'startsOn'])
export class BuildingAssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_building_assignment' })
  id: string;

  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id', foreignKeyConstraintName: 'fk_building_assignment_educator' })
  educator?: Relation<EducatorEntity>;

  @Column({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @ManyToOne(() => BuildingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_building_assignment_building' })
  building?: Relation<BuildingEntity>;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
