import { Check, Column, Entity, Generated, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CompetencyEntity } from './competency.entity.js';

/**
 * One ordered proficiency level of a competency. Requirements and evidence claims reference
 * (competency_id, level) so the database itself refuses a level the competency does not have.
 */
@Entity('competency_level')
@Check('ck_competency_level_range', '"level" BETWEEN 1 AND 10')
export class CompetencyLevelEntity {
  @PrimaryColumn({ name: 'competency_id', type: 'uuid' })
  competencyId: string;

  @PrimaryColumn({ type: 'smallint' })
  level: number;

  @ManyToOne(() => CompetencyEntity, (c) => c.levels, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Relation<CompetencyEntity>;

  @Column({ type: 'varchar', length: 80 })
  label: string;

  @Column({ type: 'text', default: '' })
  descriptor: string;

  /** CASE CFRubricCriterionLevel identifier. */
  @Column({ name: 'case_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseIdentifier: string;
}
