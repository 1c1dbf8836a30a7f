import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The transactional outbox: every change writes one row in the same transaction as the change. The id is
 * the global sequence clients resume from; rows are inserted under an advisory lock so ids commit in order.
 */
@Entity('outbox_events')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  /** e.g. task.status_changed, woman.transferred, alert.raised */
  @Column({ type: 'varchar', length: 48 })
  type!: string;

  @Column({ type: 'uuid', nullable: true })
  womanId!: string | null;

  /** The socket.io rooms entitled to it; never holds special category data in the payload. */
  // A GIN index (made in the migration) finds the events of a socket's rooms on replay.
  @Index('outbox_events_rooms_idx', { synchronize: false })
  @Column({ type: 'text', array: true })
  rooms!: string[];

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
