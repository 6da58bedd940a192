import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { AchievementMapping } from '../domain/achievement-mapping.js';

/** An issuer HR trusts: how its keys are found and how its achievements become evidence. */
@Entity('trusted_issuer')
@Check('ck_trusted_issuer_key_source', `"key_source" IN ('DID','JWKS','MULTIKEY')`)
@Check('ck_trusted_issuer_jwks', `"key_source" <> 'JWKS' OR "jwks_url" IS NOT NULL`)
@Check('ck_trusted_issuer_multikey', `"key_source" <> 'MULTIKEY' OR "public_key_multibase" IS NOT NULL`)
export class TrustedIssuerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'issuer_id', type: 'varchar', length: 500, unique: true })
  issuerId: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ name: 'key_source', type: 'varchar', length: 10 })
  keySource: string;

  @Column({ name: 'jwks_url', type: 'varchar', length: 2000, nullable: true })
  jwksUrl: string | null;

  @Column({ name: 'public_key_multibase', type: 'varchar', length: 200, nullable: true })
  publicKeyMultibase: string | null;

  @Column({ name: 'achievement_mappings', type: 'jsonb', default: () => `'[]'` })
  achievementMappings: AchievementMapping[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
