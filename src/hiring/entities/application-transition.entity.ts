import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ApplicationEntity } from './application.entity.js';
import type { ApplicationStatus } from '../domain/application-status.js';

/** The pipeline history of an application: who moved it, when, from where to where, and why. Append-only. */
@Entity('application_transition')
@Index('ix_application_transition_application', ['applicationId', 'id'])
export class ApplicationTransitionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<ApplicationEntity>;

  /** Null for the first entry (the application being submitted). */
  @Column({ name: 'from_status', type: 'varchar', length: 12, nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 12 })
  toStatus: ApplicationStatus;

  @Column({ name: 'actor_account_id', type: 'uuid', nullable: true })
  actorAccountId: string | null;

  @Column({ name: 'actor_email', type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;

  @Column({ type: 'text', default: '' })
  reason: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}
