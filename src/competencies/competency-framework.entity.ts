import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { CompetencyFrameworkLevelEntity } from './competency-framework-level.entity.js';

@Entity('competency_framework')
export class CompetencyFrameworkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable short code, e.g. UNESCO-AI-CFT-2024. */
  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  publisher: string;

  /** CASE CFDocument identifier (a UUID) so exports keep a stable identity. */
  @Column({ name: 'case_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseIdentifier: string;

  /** Who may read the framework from the CASE provider: PUBLIC (anyone) or SIGNED_IN (a bearer token). */
  @Column({ type: 'varchar', length: 16, default: 'SIGNED_IN' })
  publication: string;

  /** CASE CFRubric identifier for the framework's proficiency levels. */
  @Column({ name: 'case_rubric_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseRubricIdentifier: string;

  /** A retired framework stays readable (history, explanations, reports) but takes no new requirements or claims. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  /** The framework's own proficiency scale; empty when each competency keeps its own levels (some CASE imports). */
  @OneToMany(() => CompetencyFrameworkLevelEntity, (l) => l.framework)
  levels?: Relation<CompetencyFrameworkLevelEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
