import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A CRS provider holding the women's services contract for one or more release areas. */
@Entity('providers')
export class ProviderEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  name!: string;

  /** Suffix of the provider's referral references, e.g. WOS in AB1234WOS. */
  @Column({ type: 'varchar', length: 8 })
  contractSuffix!: string;

  /** Whether the pre-release team may refer to this provider without waiting on the COM. */
  @Column({ type: 'boolean', default: false })
  allowsDirectReferral!: boolean;

  /** Its public phone line, printed on her release plan; null when not held. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
