import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BankAccountStatus } from '@app/domain';

/** A bank account application made from prison. At most one is active per woman (a partial unique index). */
@Entity('bank_account_applications')
export class BankAccountApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'text' })
  bankName!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: BankAccountStatus;

  @Column({ type: 'date' })
  appliedOn!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'uuid' })
  createdById!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
