import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { CompetencyEntity } from '../../competencies/competency.entity.js';
import { CaseFrameworkRecord } from './case-framework-record.js';

/**
 * A CASE association that is not the framework's own hierarchy: crosswalks (exactMatchOf, isRelatedTo, isPartOf),
 * other vocabulary, `ext:` types and extra isChildOf parents. Either end may be a competency here (then its id is
 * set) or a node elsewhere known only by identifier and URI.
 */
@Entity('case_association')
@Index('ix_case_association_origin', ['originCompetencyId', 'associationType'])
@Index('ix_case_association_destination', ['destinationCompetencyId', 'associationType'])
@Index('ix_case_association_framework', ['frameworkId'])
export class CaseAssociationEntity extends CaseFrameworkRecord {
  @Column({ name: 'association_type', type: 'varchar', length: 100 })
  associationType: string;

  @Column({ name: 'origin_identifier', type: 'varchar', length: 255 })
  originIdentifier: string;

  @Column({ name: 'origin_uri', type: 'text' })
  originUri: string;

  @Column({ name: 'origin_title', type: 'text', default: '' })
  originTitle: string;

  @Column({ name: 'destination_identifier', type: 'varchar', length: 255 })
  destinationIdentifier: string;

  @Column({ name: 'destination_uri', type: 'text' })
  destinationUri: string;

  @Column({ name: 'destination_title', type: 'text', default: '' })
  destinationTitle: string;

  @Column({ name: 'origin_competency_id', type: 'uuid', nullable: true })
  originCompetencyId: string | null;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'origin_competency_id' })
  originCompetency?: Relation<CompetencyEntity>;

  @Column({ name: 'destination_competency_id', type: 'uuid', nullable: true })
  destinationCompetencyId: string | null;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'destination_competency_id' })
  destinationCompetency?: Relation<CompetencyEntity>;

  @Column({ name: 'sequence_number', type: 'int', nullable: true })
  sequenceNumber: number | null;

  /** The imported association as received (null when HR added it here). */
  @Column({ type: 'jsonb', nullable: true })
  source: Record<string, unknown> | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_change_at', type: 'timestamptz', default: () => 'now()' })
  lastChangeAt: Date;
}
