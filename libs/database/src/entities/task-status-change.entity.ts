import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TaskStatus } from '@app/domain';

/** The status log of a task: every status it has been in, who moved it and why. */
@Entity('task_status_changes')
@Index(['taskId', 'id'])
export class TaskStatusChangeEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  taskId!: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  fromStatus!: TaskStatus | null;

  @Column({ type: 'varchar', length: 12 })
  toStatus!: TaskStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
