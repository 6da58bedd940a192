import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { CompetencyFrameworkEntity } from './competency-framework.entity.js';
import { CompetencyLevelEntity } from './competency-level.entity.js';

@Entity('competency')
@Index('uq_competency_framework_code', ['frameworkId', 'code'], { unique: true })
export class CompetencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId: string;

  @ManyToOne(() => CompetencyFrameworkEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<CompetencyFrameworkEntity>;

  /** Human coding scheme within the framework, e.g. "ETH.2" or "AI-BIAS". */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The grouping within the framework, e.g. "Ethics of AI". */
  @Column({ type: 'varchar', length: 120 })
  dimension: string;

  /** A framework's own progression stage for this competency, e.g. Acquire / Deepen / Create (UNESCO). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  progression: string | null;

  /** CASE identifiers (lower-case UUIDs) of this competency's CFItem, its isChildOf association and its rubric criterion. */
  @Column({ name: 'case_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseIdentifier: string;

  @Column({ name: 'case_child_of_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseChildOfIdentifier: string;

  @Column({ name: 'case_criterion_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseCriterionIdentifier: string;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  /** Retired competencies stay readable (old evidence and roles point at them) but take no new claims. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  /** Its levels are copies of the framework's scale and change with it (false: levels of its own). */
  @Column({ name: 'follows_framework_levels', type: 'boolean', default: false })
  followsFrameworkLevels: boolean;

  @OneToMany(() => CompetencyLevelEntity, (l) => l.competency, { cascade: ['insert'] })
  levels?: Relation<CompetencyLevelEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
