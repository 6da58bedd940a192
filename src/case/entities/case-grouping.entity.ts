import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CaseFrameworkRecord } from './case-framework-record.js';

/**
 * A CFItem that groups competencies rather than being one: a UNESCO dimension, or a cluster or domain of an
 * imported framework. Native groupings are matched to competencies by name (`competency.dimension`);
 * imported ones keep their source item so a round trip changes nothing.
 */
@Entity('case_grouping')
@Index('ix_case_grouping_framework', ['frameworkId', 'sortOrder'])
export class CaseGroupingEntity extends CaseFrameworkRecord {
  @Column({ name: 'case_child_of_identifier', type: 'uuid', unique: true })
  @Generated('uuid')
  caseChildOfIdentifier: string;

  /** The enclosing grouping; null when the grouping hangs directly under the CFDocument. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CaseGroupingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<CaseGroupingEntity>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  code: string | null;

  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  /** The imported CFItem as received (null for native groupings). */
  @Column({ type: 'jsonb', nullable: true })
  item: Record<string, unknown> | null;

  /** The imported isChildOf association as received. */
  @Column({ name: 'child_of', type: 'jsonb', nullable: true })
  childOf: Record<string, unknown> | null;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}
