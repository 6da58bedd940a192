import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CompetencyFrameworkEntity } from './competency-framework.entity.js';

/**
 * One level of a framework's own proficiency scale. Competencies that follow the framework's levels
 * (`competency.follows_framework_levels`) carry copies of these as their `competency_level` rows, which claims and
 * requirements reference; editing the scale rewrites those copies in the same transaction.
 */
@Entity('competency_framework_level')
@Check('ck_framework_level_range', '"level" BETWEEN 1 AND 10')
export class CompetencyFrameworkLevelEntity {
  @PrimaryColumn({ name: 'framework_id', type: 'uuid', primaryKeyConstraintName: 'pk_competency_framework_level' })
  frameworkId: string;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'pk_competency_framework_level' })
  level: number;

  @ManyToOne(() => CompetencyFrameworkEntity, (f) => f.levels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id', foreignKeyConstraintName: 'fk_framework_level_framework' })
  framework?: Relation<CompetencyFrameworkEntity>;

  @Column({ type: 'varchar', length: 80 })
  label: string;

  @Column({ type: 'text', default: '' })
  descriptor: string;
}
