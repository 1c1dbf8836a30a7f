import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { BankAccountStatus } from '@app/domain';

/** The status log of a bank account application. */
@Entity('bank_account_status_changes')
@Index(['applicationId', 'id'])
export class BankAccountStatusChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  applicationId!: string;

  @Column({ type: 'varchar', length: 24, nullable: true })
  fromStatus!: BankAccountStatus | null;

  @Column({ type: 'varchar', length: 24 })
  toStatus!: BankAccountStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
