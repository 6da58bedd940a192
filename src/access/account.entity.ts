import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';

/** A person who signs in. Personas are a set: one account can be both a panelist and an educator. */
@Entity('account')
@Index('uq_account_email', { synchronize: false })
@Index('ix_account_personas', { synchronize: false })
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

  /** Carried in access tokens as `tv`: bumping it ends every session of this account (sign out everywhere, disable). */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Defaults to 1 so rows inserted by plain SQL (imports, the bench) are valid too. */
  @VersionColumn({ default: 1 })
  version: number;
}
