import { Column, Generated, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CompetencyFrameworkEntity } from '../../competencies/competency-framework.entity.js';

/**
 * What every CASE record a framework publishes beside its competencies shares (case_grouping, case_association):
 * its own id, the framework (CFDocument) it belongs to and goes with, and the CASE identifier it is published under.
 * Not a table: each entity that extends it has these columns in its own table.
 */
export abstract class CaseFrameworkRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The CFDocument that publishes this record. */
  @Column({ name: 'framework_id', type: 'uuid' })
  frameworkId: string;

  @ManyToOne(() => CompetencyFrameworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<CompetencyFrameworkEntity>;

  @Column({ name: 'case_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseIdentifier: string;
}
