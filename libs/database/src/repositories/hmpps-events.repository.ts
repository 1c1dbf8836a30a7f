/** The record of HMPPS domain events received: the event id is the key that makes a redelivery harmless. */
import { Injectable } from '@nestjs/common';
import { HmppsDomainEventEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class HmppsEventsRepository {
  /** True when this event id is new; false when it was received before (and must not be applied again). */
  async claim(
    tx: Tx,
    event: Pick<HmppsDomainEventEntity, 'eventId' | 'eventType' | 'prisonNumber' | 'occurredAt' | 'payload'>,
  ): Promise<boolean> {
    // Two deliveries of one event at the same moment: the primary key lets exactly one insert through.
    const rows: unknown[] = await tx.query(
      `INSERT INTO hmpps_domain_events (event_id, event_type, prison_number, occurred_at, outcome, detail, payload)
       VALUES ($1, $2, $3, $4, 'RECEIVED', '', $5) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [event.eventId, event.eventType, event.prisonNumber, event.occurredAt, JSON.stringify(event.payload)],
    );
    return rows.length === 1;
  }

  async recordOutcome(tx: Tx, eventId: string, outcome: string, detail: string): Promise<void> {
    await tx.getRepository(HmppsDomainEventEntity).update({ eventId }, { outcome, detail });
  }

  find(tx: Tx, eventId: string): Promise<HmppsDomainEventEntity | null> {
    return tx.getRepository(HmppsDomainEventEntity).findOneBy({ eventId });
  }
}
