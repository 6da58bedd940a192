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
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { CompetencyEntity } from '../competencies/competency.entity.js';

/**
 * A named capability HR saves once and asks about by name: a set of competencies, each at a minimum level
 * ("evaluates an AI tool for alignment, bias and privacy" = tool evaluation 2 + bias evaluation 2 + student
 * data privacy 2). A person holds it when they demonstrate every component at its level.
 */
@Entity('capability')
@Index('uq_capability_code', ['code'], { unique: true })
export class CapabilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 48 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @OneToMany(() => CapabilityComponentEntity, (c) => c.capability)
  components?: Relation<CapabilityComponentEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

@Entity('capability_component')
@Check('ck_capability_component_level', '"min_level" BETWEEN 1 AND 4')
export class CapabilityComponentEntity {
  @PrimaryColumn({ name: 'capability_id', type: 'uuid' })
  capabilityId: string;

  @PrimaryColumn({ name: 'competency_id', type: 'uuid' })
  competencyId: string;

  @ManyToOne(() => CapabilityEntity, (c) => c.components, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'capability_id' })
  capability?: Relation<CapabilityEntity>;

  @Index('ix_capability_component_competency')
  @ManyToOne(() => CompetencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Relation<CompetencyEntity>;

  @Column({ name: 'min_level', type: 'smallint' })
  minLevel: number;

  @Column({ type: 'int', default: 0 })
  position: number;
}
