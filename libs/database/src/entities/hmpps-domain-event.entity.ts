import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Every HMPPS domain event received, keyed by its id: a redelivered event is recognised and not applied twice. */
@Entity('hmpps_domain_events')
export class HmppsDomainEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  eventId!: string;

  @Column({ type: 'varchar', length: 80 })
  eventType!: string;

  @Column({ type: 'varchar', length: 7, nullable: true })
  prisonNumber!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  occurredAt!: Date | null;

  /** APPLIED, IGNORED or UNKNOWN_PERSON, with what was done or why not. */
  @Column({ type: 'varchar', length: 16 })
  outcome!: string;

  @Column({ type: 'text' })
  detail!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
