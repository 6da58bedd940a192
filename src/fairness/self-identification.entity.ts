import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, VersionColumn, type Relation } from 'typeorm';
import { EducatorEntity } from '../educators/educator.entity.js';

/**
 * An educator's voluntary self-identification. It lives in its own schema and only the fairness audit reads
 * it: nothing that ranks, explains, compares or reports joins it. Withdrawing deletes the row.
 */
@Entity({ schema: 'fairness', name: 'self_identification' })
@Check('ck_self_identification_sex', `"sex" IN ('MALE','FEMALE','DECLINED_TO_STATE')`)
@Check(
  'ck_self_identification_race',
  `"race_ethnicity" IN ('HISPANIC_OR_LATINO','WHITE','BLACK_OR_AFRICAN_AMERICAN','NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER','ASIAN','NATIVE_AMERICAN_OR_ALASKA_NATIVE','TWO_OR_MORE_RACES','DECLINED_TO_STATE')`,
)
export class SelfIdentificationEntity {
  @PrimaryColumn({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @OneToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ type: 'varchar', length: 24 })
  sex: string;

  @Column({ name: 'race_ethnicity', type: 'varchar', length: 40 })
  raceEthnicity: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
