import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EducatorEntity } from '../../educators/educator.entity.js';
import { HybridRoleEntity } from '../../roles/hybrid-role.entity.js';
import type { InvitationStatus } from '../domain/invitation-status.js';

/** HR's invitation to a ranked candidate to apply; one per educator per role. */
@Entity('invitation')
@Index('uq_invitation_role_educator', ['roleId', 'educatorId'], { unique: true })
@Check('ck_invitation_status', `"status" IN ('INVITED','ACCEPTED','DECLINED','WITHDRAWN')`)
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @ManyToOne(() => HybridRoleEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  @Index('ix_invitation_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ type: 'varchar', length: 10, default: 'INVITED' })
  status: InvitationStatus;

  @Column({ type: 'text', default: '' })
  message: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @CreateDateColumn({ name: 'invited_at', type: 'timestamptz' })
  invitedAt: Date;

  /** When the educator answered, or the district withdrew it. */
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Why the district withdrew it (WITHDRAWN only), read by HR and in the educator's own data export. */
  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason: string | null;
}
