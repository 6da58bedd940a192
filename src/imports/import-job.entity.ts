import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RowError } from './domain/rows.js';

export type ImportPhase = 'VALIDATING' | 'PREVIEWED' | 'REJECTED' | 'COMMITTING' | 'COMMITTED' | 'CANCELLED';

/** One upload: its preview counts and errors, then its commit. The file itself is kept only until commit or cancel. */
@Entity('import_job')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_import_job' })
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'varchar', length: 20 })
  phase: ImportPhase;

  @Column({ type: 'varchar', length: 1 })
  delimiter: string;

  @Column({ name: 'file_sha256', type: 'varchar', length: 64, nullable: true })
  fileSha256: string | null;

  @Column({ name: 'file_bytes', type: 'integer', default: 0 })
  fileBytes: number;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead: number;

  @Column({ name: 'rows_valid', type: 'integer', default: 0 })
  rowsValid: number;

  @Column({ name: 'to_create', type: 'integer', default: 0 })
  toCreate: number;

  @Column({ name: 'to_update', type: 'integer', default: 0 })
  toUpdate: number;

  @Column({ type: 'integer', default: 0 })
  unchanged: number;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount: number;

  /** The first errors (MAX_REPORTED_ERRORS); error_count has them all. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: RowError[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;
}
