import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The append-only audit trail: who changed what (before and after) and when. A database trigger
 * (see the migration) refuses UPDATE and DELETE on this table.
 */
@Entity('audit_events')
@Index(['womanId', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  womanId!: string | null;

  /** WOMAN, PATHWAY, ASSESSMENT, TASK, PROVIDER, CATALOGUE... */
  @Column({ type: 'varchar', length: 24 })
  entityType!: string;

  @Column({ type: 'text' })
  entityId!: string;

  /** CREATED, UPDATED, STATUS_CHANGED, CLAIMED, CLAIM_RELEASED, NOTE_ADDED... */
  @Column({ type: 'varchar', length: 32 })
  action!: string;

  /** Null when the system itself acted (e.g. a scheduled job). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
