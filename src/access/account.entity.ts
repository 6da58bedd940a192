import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

/** A person who signs in. Personas are a set: one account can be both a panelist and an educator. */
@Entity('account')
@Index('uq_account_email', { synchronize: false })
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  /** argon2id hash; null for accounts that only sign in through the district's identity provider. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  personas: string[];

  @Column({ name: 'educator_id', type: 'uuid', nullable: true, unique: true })
  educatorId: string | null;

  /** The foreign key to the educator row, named by entity so access does not import the educators module above it. */
  @OneToOne('EducatorEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'educator_id' })
  educator?: Relation<{ id: string }>;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
