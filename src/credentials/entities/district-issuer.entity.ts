import { Check, Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** The district as an issuer: one row. Its secret key is sealed with CREDENTIAL_KEY_SECRET and never leaves the service. */
@Entity('district_issuer')
@Check('ck_district_issuer_single', `"id" = 1`)
export class DistrictIssuerEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ type: 'varchar', length: 500 })
  did: string;

  @Column({ name: 'public_key_multibase', type: 'varchar', length: 200 })
  publicKeyMultibase: string;

  @Column({ name: 'sealed_secret_key', type: 'text' })
  sealedSecretKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
