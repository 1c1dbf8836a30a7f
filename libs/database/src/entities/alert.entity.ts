import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AlertKind } from '@app/domain';

export interface AlertRecipients {
  rooms: string[];
}

/**
 * The record of an alert: exactly one per task, threshold and deadline revision (the unique key makes a
 * job that fires twice, or a reconciler racing a job, harmless). The socket push is only the signal.
 */
@Entity('alerts')
@Unique('alerts_once_per_threshold', ['taskId', 'kind', 'level', 'deadlineRevision'])
@Index(['womanId', 'createdAt'])
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @Column({ type: 'uuid' })
  womanId!: string;

  @Column({ type: 'varchar', length: 12 })
  kind!: AlertKind;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ type: 'integer' })
  deadlineRevision!: number;

  /** The threshold instant it marks (its lateness is createdAt − thresholdAt). */
  @Column({ type: 'timestamptz' })
  thresholdAt!: Date;

  @Column({ type: 'jsonb' })
  recipients!: AlertRecipients;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  acknowledgedById!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;
}
