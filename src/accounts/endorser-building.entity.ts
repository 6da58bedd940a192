import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AccountEntity } from '../access/account.entity.js';
import { BuildingEntity } from '../buildings/building.entity.js';

/** A building an ENDORSER account may endorse evidence in (its educators assigned there on the day). */
@Entity('endorser_building')
@Index('ix_endorser_building_building', ['buildingId'])
export class EndorserBuildingEntity {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_endorser_building' })
  accountId: string;

  @PrimaryColumn({ name: 'building_id', type: 'uuid', primaryKeyConstraintName: 'pk_endorser_building' })
  buildingId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_endorser_building_account' })
  account?: Relation<AccountEntity>;

  @ManyToOne(() => BuildingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'building_id', foreignKeyConstraintName: 'fk_endorser_building_building' })
  building?: Relation<BuildingEntity>;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;
}
