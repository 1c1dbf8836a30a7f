import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

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

  /**
   * The socket.io rooms entitled to it; never holds special category data in the payload. Not indexed: a replay
   * reads a bounded range of ids and checks the rooms of each (migration OutboxWithoutRoomsIndex).
   */
  @Column({ type: 'text', array: true })
  rooms!: string[];

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
