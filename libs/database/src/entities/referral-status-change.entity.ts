import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ReferralStatus } from '@app/domain';

/** The status log of a referral: the reports on provider timeliness are computed from it. */
@Entity('referral_status_changes')
@Index(['referralId', 'id'])
export class ReferralStatusChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  referralId!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus!: ReferralStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus!: ReferralStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The coded reason of a withdrawal or return, counted by code in provider accountability. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  reasonCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
