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
import { BuildingEntity } from '../buildings/building.entity.js';

/**
 * An educator profile. Deliberately holds no protected attributes and no proxies for them
 * (no birth date, graduation year or home address): nothing here may feed a score unnoticed.
 */
@Entity('educator')
@Index('uq_educator_work_email', { synchronize: false })
@Index('ix_educator_leaving_date', { synchronize: false })
@Index('uq_educator_employee_id', { synchronize: false })
@Check('ck_educator_leaving_date', '"leaving_date" IS NULL OR "leaving_date" >= "hire_date"')
export class EducatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The district's own id (from its HR system): what roster imports upsert by. Unique when given. */
  @Column({ name: 'employee_id', type: 'varchar', length: 64, nullable: true })
  employeeId: string | null;

  @Column({ name: 'full_name', type: 'varchar', length: 200 })
  fullName: string;

  /** Unique case-insensitively (index on lower(work_email), created in the migration). */
  @Column({ name: 'work_email', type: 'varchar', length: 254 })
  workEmail: string;

  @Index('ix_educator_building')
  @Column({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @ManyToOne(() => BuildingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'building_id' })
  building?: Relation<BuildingEntity>;

  @Column({ name: 'current_assignment', type: 'varchar', length: 200, default: '' })
  currentAssignment: string;

  @Column({ name: 'hire_date', type: 'date' })
  hireDate: string;

  /** From this day the educator is no longer on staff: out of rankings and capacity; history before it stays. */
  @Column({ name: 'leaving_date', type: 'date', nullable: true })
  leavingDate: string | null;

  /** Set when the person's data was erased: the row stays only as "Erased person" for the hiring history. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
