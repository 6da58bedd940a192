import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AccountEntity } from '../../access/account.entity.js';
import { EducatorEntity } from '../../educators/educator.entity.js';
import { HybridRoleEntity } from '../../roles/hybrid-role.entity.js';

/** A panelist's declared conflict with one candidate of one role: that candidate disappears from their view. */
@Entity('conflict_of_interest')
export class ConflictOfInterestEntity {
  @PrimaryColumn({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => HybridRoleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'role_id' })
  role?: Relation<HybridRoleEntity>;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ type: 'text', default: '' })
  reason: string;

  @CreateDateColumn({ name: 'declared_at', type: 'timestamptz' })
  declaredAt: Date;
}
