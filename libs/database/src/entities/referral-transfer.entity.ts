import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReferralTransferKind } from '@app/domain';

/** An open referral following her to another prison or release area, with the reason, who and when. */
@Entity('referral_transfers')
@Index('referral_transfers_referral_at_idx', ['referralId', 'at'])
export class ReferralTransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  referralId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: ReferralTransferKind;

  /** A prison code or a release area code, as the kind says. */
  @Column({ type: 'varchar', length: 40 })
  fromCode!: string;

  @Column({ type: 'varchar', length: 40 })
  toCode!: string;

  /** The provider that keeps the referral. */
  @Column({ type: 'uuid' })
  providerId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
