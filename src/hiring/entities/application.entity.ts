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
  VersionColumn,
  type Relation,
} from 'typeorm';
import { EducatorEntity } from '../../educators/educator.entity.js';
import { HybridRoleEntity } from '../../roles/hybrid-role.entity.js';
import { InvitationEntity } from './invitation.entity.js';
import type { ApplicationStatus } from '../domain/application-status.js';

/**
 * One educator's application to one role. The unique (role, educator) index is what makes a second
 * application, even one sent at the same instant, impossible: the loser's insert finds the row and gets CONFLICT.
 */
@Entity('application')
@Index('uq_application_role_educator', ['roleId', 'educatorId'], { unique: true })
@Index('ix_application_role_status', ['roleId', 'status'])
@Check(
  'ck_application_status',
  `"status" IN ('SUBMITTED','SCREENED','SHORTLISTED','INTERVIEW','OFFERED','ACCEPTED','DECLINED','REJECTED','WITHDRAWN')`,
)
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @ManyToOne(() => HybridRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  @Index('ix_application_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ type: 'varchar', length: 12, default: 'SUBMITTED' })
  status: ApplicationStatus;

  @Column({ type: 'text', default: '' })
  statement: string;

  /** Set when the application came from accepting HR's invitation. */
  @Column({ name: 'invitation_id', type: 'uuid', nullable: true })
  invitationId: string | null;

  @ManyToOne(() => InvitationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Relation<InvitationEntity>;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
