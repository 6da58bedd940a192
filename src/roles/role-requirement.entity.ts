import { Check, Column, Entity, ForeignKey, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CompetencyLevelEntity } from '../competencies/competency-level.entity.js';
import { CompetencyEntity } from '../competencies/competency.entity.js';
import { HybridRoleEntity } from './hybrid-role.entity.js';

@Entity('role_requirement')
@ForeignKey(() => CompetencyLevelEntity, ['competencyId', 'minLevel'], ['competencyId', 'level'], {
  name: 'fk_role_requirement_level',
  onDelete: 'RESTRICT',
})
@Index('uq_role_requirement_competency', ['roleId', 'competencyId'], { unique: true })
@Check('ck_role_requirement_weight', '"weight" > 0 AND "weight" <= 100')
@Check('ck_role_requirement_kind', `"kind" IN ('REQUIRED','PREFERRED')`)
export class RoleRequirementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @ManyToOne(() => HybridRoleEntity, (r) => r.requirements, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  @Index('ix_role_requirement_competency')
  @Column({ name: 'competency_id', type: 'uuid' })
  competencyId: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Relation<CompetencyEntity>;

  /** References competency_level(competency_id, level) through a composite foreign key in the migration. */
  @Column({ name: 'min_level', type: 'smallint' })
  minLevel: number;

  @Column({ type: 'real', default: 1 })
  weight: number;

  /** REQUIRED gates qualification; PREFERRED only adds to the score. */
  @Column({ type: 'varchar', length: 10 })
  kind: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
