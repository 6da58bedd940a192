import { Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CompetencyLevelEntity } from '../competencies/competency-level.entity.js';
import { CompetencyEntity } from '../competencies/competency.entity.js';
import { EvidenceEntity } from './evidence.entity.js';

/** An evidence item's claim to show a competency at a level (composite FK to competency_level in the migration). */
@Entity('evidence_claim')
@ForeignKey(() => CompetencyLevelEntity, ['competencyId', 'level'], ['competencyId', 'level'], {
  name: 'fk_evidence_claim_level',
  onDelete: 'RESTRICT',
})
@Index('ix_evidence_claim_competency', ['competencyId', 'level'])
export class EvidenceClaimEntity {
  @PrimaryColumn({ name: 'evidence_id', type: 'uuid' })
  evidenceId: string;

  @PrimaryColumn({ name: 'competency_id', type: 'uuid' })
  competencyId: string;

  @ManyToOne(() => EvidenceEntity, (e) => e.claims, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id' })
  evidence?: Relation<EvidenceEntity>;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Relation<CompetencyEntity>;

  @Column({ type: 'smallint' })
  level: number;
}
