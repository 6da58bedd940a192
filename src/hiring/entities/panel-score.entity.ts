import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { AccountEntity } from '../../access/account.entity.js';
import { CompetencyEntity } from '../../competencies/competency.entity.js';
import { ApplicationEntity } from './application.entity.js';

/**
 * One panelist's score of one candidate on one requirement. Keyed by the requirement's competency, which
 * is unique per role and survives HR rewriting the requirement list (requirement rows are replaced then).
 * submitted_at set = final.
 */
@Entity('panel_score')
@Index('uq_panel_score', ['applicationId', 'accountId', 'competencyId'], { unique: true })
@Check('ck_panel_score_range', '"score" BETWEEN 1 AND 4')
export class PanelScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<ApplicationEntity>;

  @Index('ix_panel_score_account')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column({ name: 'competency_id', type: 'uuid' })
  competencyId: string;

  @ManyToOne(() => CompetencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'competency_id' })
  competency?: Relation<CompetencyEntity>;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
