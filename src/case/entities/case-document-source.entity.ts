import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CompetencyFrameworkEntity } from '../../competencies/competency-framework.entity.js';

/** The CFDocument (and rubric header) of an imported framework, and the hash of the package last imported. */
@Entity('case_document_source')
export class CaseDocumentSourceEntity {
  @PrimaryColumn({ name: 'framework_id', type: 'uuid' })
  frameworkId: string;

  @OneToOne(() => CompetencyFrameworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_id' })
  framework?: Relation<CompetencyFrameworkEntity>;

  @Column({ type: 'jsonb' })
  document: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  rubric: Record<string, unknown> | null;

  /** sha256 of the normalised package: the same hash on re-import means nothing changed. */
  @Column({ name: 'package_hash', type: 'varchar', length: 64 })
  packageHash: string;

  @Column({ name: 'imported_at', type: 'timestamptz', default: () => 'now()' })
  importedAt: Date;
}
