import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CompetencyEntity } from '../../competencies/competency.entity.js';
import { CaseGroupingEntity } from './case-grouping.entity.js';

/** What an imported competency looked like in its CASE package, so export and re-import change nothing. */
@Entity('case_item_source')
export class CaseItemSourceEntity {
  @PrimaryColumn({ name: 'competency_id', type: 'uuid' })
  competencyId: string;

  @OneToOne(() => CompetencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Relation<CompetencyEntity>;

  @Column({ name: 'grouping_id', type: 'uuid', nullable: true })
  groupingId: string | null;

  @ManyToOne(() => CaseGroupingEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'grouping_id' })
  grouping?: Relation<CaseGroupingEntity>;

  @Column({ type: 'jsonb' })
  item: Record<string, unknown>;

  @Column({ name: 'child_of', type: 'jsonb', nullable: true })
  childOf: Record<string, unknown> | null;
}
