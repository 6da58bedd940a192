import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EducatorEntity } from '../../educators/educator.entity.js';

/** A DID HR has confirmed belongs to an educator, so credentials issued to that DID bind to them. */
@Entity('holder_did')
export class HolderDidEntity {
  @PrimaryColumn({ type: 'varchar', length: 500 })
  did: string;

  @Index('ix_holder_did_educator')
  @Column({ name: 'educator_id', type: 'uuid' })
  educatorId: string;

  @ManyToOne(() => EducatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<EducatorEntity>;

  @Column({ name: 'linked_by', type: 'varchar', length: 254 })
  linkedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
