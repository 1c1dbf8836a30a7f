/**
 * The transactional outbox. Events are staged while a transaction runs and written by UnitOfWork just
 * before it commits, under a transaction-scoped advisory lock (taken by that same statement): so ids are taken in commit order, and a
 * reader that sees event N has already seen every event before it. pg_notify wakes the relay at commit.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxEventEntity } from '../entities';
import { AuditEntry, auditColumns, auditInsertSql } from './audit-trail.repository';
import { Tx } from './unit-of-work.types';

export interface OutboxRow {
  type: string;
  womanId: string | null;
  rooms: string[];
  payload: Record<string, unknown>;
}

/** One constant key: every writer of the outbox queues on it for the instant of its insert and commit. */
const OUTBOX_LOCK_KEY = 7_151_751;
export const OUTBOX_NOTIFY_CHANNEL = 'resettle_outbox';

/**
 * An outbox event as the relay reads it, as text: its sequence number and type; when it is a board event, its rooms
 * and payload as JSON text (the relay splices them into what it sends, never parsing them); otherwise its
 * payload's `userId` (an access change names the user whose rooms to re-check).
 */
export interface RelayRow {
  id: string;
  type: string;
  /** JSON text of the rooms array. */
  roomsJson: string;
  /** JSON text of the payload object; null when it is not a board event of the types asked for. */
  payloadJson: string | null;
  userId: string | null;
}

/** The two parameters outboxInsertSql's statement takes at $first and $first + 1. */
export const OUTBOX_LOCK_PARAMETERS: readonly unknown[] = [OUTBOX_NOTIFY_CHANNEL, OUTBOX_LOCK_KEY];

/**
 * The one way outbox events are written: a CTE `outboxed` inserting the rows `source` selects (type, woman_id, rooms
 * as text[], payload), with OUTBOX_LOCK_PARAMETERS at $first. The insert takes the lock first: an uncorrelated
 * sub-select in WHERE is a one-time filter, run before any row is made, so before any id is drawn (a plain
 * `lock() OR TRUE` would be folded away, never taking it; the lock is re-entrant). The statement must also run
 * outboxNotifySql, which queues the relay's wake-up (PostgreSQL sends a repeated notification of a transaction once,
 * at commit).
 */
export function outboxInsertCte(source: string, first: number): string {
  return `outboxed AS (
           INSERT INTO outbox_events (type, woman_id, rooms, payload)
           SELECT * FROM (${source}) AS e
            WHERE (SELECT count(*) FROM (SELECT pg_advisory_xact_lock($${first + 1})) AS outbox_lock) = 1
           RETURNING 1)`;
}

/** The relay's wake-up once `outboxed` is written (one row, from a statement that has outboxInsertCte). */
export function outboxNotifySql(first: number): string {
  return `SELECT pg_notify($${first}, '') FROM (SELECT count(*) FROM outboxed) AS written`;
}

@Injectable()
export class OutboxRepository {
  private readonly staged = new WeakMap<Tx, OutboxRow[]>();

  constructor(private readonly dataSource: DataSource) {}

  stage(tx: Tx, rows: OutboxRow[]): void {
    const list = this.staged.get(tx) ?? [];
    list.push(...rows.filter((r) => r.rooms.length > 0));
    this.staged.set(tx, list);
  }

  /**
   * Called by UnitOfWork as the last statement of a transaction, with the audit entries that waited for it (see
   * AuditTrailRepository.appendWithOutbox): they go in the first chunk's statement, or alone when no event does.
   */
  async flush(tx: Tx, audit: AuditEntry[] = []): Promise<void> {
    const rows = this.staged.get(tx);
    this.staged.delete(tx);
    if (!rows || rows.length === 0) {
      if (audit.length > 0) await tx.query(auditInsertSql(1), auditColumns(audit));
      return;
    }
    // One round trip per chunk, the lock and the relay's wake-up included (outboxInsertCte).
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const withAudit = i === 0 && audit.length > 0;
      await tx.query(
        `WITH ${withAudit ? `audited AS (${auditInsertSql(7)}),` : ''} ${outboxInsertCte(
          `SELECT e.type, e.woman_id, ARRAY(SELECT jsonb_array_elements_text(e.rooms)), e.payload
             FROM unnest($1::text[], $2::uuid[], $3::jsonb[], $4::jsonb[]) AS e(type, woman_id, rooms, payload)`,
          5,
        )} ${outboxNotifySql(5)}`,
        [
          chunk.map((r) => r.type),
          chunk.map((r) => r.womanId),
          chunk.map((r) => JSON.stringify(r.rooms)),
          chunk.map((r) => JSON.stringify(r.payload)),
          ...OUTBOX_LOCK_PARAMETERS,
          ...(withAudit ? auditColumns(audit) : []),
        ],
      );
    }
  }

  /**
   * The relay's read: the next events after `afterId`, in sequence order, as text (a 17:00 burst is 20,000 events:
   * pg parsing each payload and postgres-array each rooms list, only for the relay to encode them again, cost the
   * worker 0.3 s of CPU in its profile). A payload whose `type` is not one of `boardEventTypes` is not read.
   */
  async listAfter(afterId: string, limit: number, boardEventTypes: readonly string[]): Promise<RelayRow[]> {
    return this.dataSource.query(
      // Ordered by the bigint column (e.id), not by the text alias: `ORDER BY id` would sort '10' before '9'.
      `SELECT e.id::text AS id, e.type, array_to_json(e.rooms)::text AS "roomsJson",
              CASE WHEN jsonb_typeof(e.payload) = 'object' AND e.payload ->> 'type' = ANY($3::text[])
                   THEN e.payload::text END AS "payloadJson",
              e.payload ->> 'userId' AS "userId"
         FROM outbox_events e WHERE e.id > $1 ORDER BY e.id LIMIT $2`,
      [afterId, limit, boardEventTypes],
    );
  }

  /**
   * Events in (afterId, upToId] addressed to any of these rooms, for a reconnecting client: read by the primary key,
   * the rooms checked on each (no index on rooms: migration OutboxWithoutRoomsIndex), so the caller bounds the range.
   */
  listForRoomsAfter(rooms: string[], afterId: string, upToId: string, limit: number): Promise<OutboxEventEntity[]> {
    return this.dataSource
      .getRepository(OutboxEventEntity)
      .createQueryBuilder('e')
      .where('e.id > :afterId AND e.id <= :upToId', { afterId, upToId })
      .andWhere('e.rooms && :rooms', { rooms })
      .orderBy('e.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * The newest event id for each of these rooms among events (afterId, upToId]: the gateway's heartbeat keeps a
   * running newest-per-room from it, reading only what was published since its last beat.
   */
  async latestPerRoom(afterId: string, upToId: string, rooms: string[]): Promise<Map<string, number>> {
    if (rooms.length === 0) return new Map();
    const rows: { room: string; id: string }[] = await this.dataSource.query(
      `SELECT r.room, max(e.id)::text AS id
         FROM outbox_events e CROSS JOIN LATERAL unnest(e.rooms) AS r(room)
        WHERE e.id > $1 AND e.id <= $2 AND r.room = ANY($3::text[])
        GROUP BY r.room`,
      [afterId, upToId, rooms],
    );
    return new Map(rows.map((row) => [row.room, Number(row.id)]));
  }

  /**
   * How far the relay is behind, given its cursor: committed events not yet published, and how long the oldest of
   * them has waited (by the database's clock, so no clock skew between hosts).
   */
  async lagAfter(cursor: string): Promise<{ events: number; oldestAgeMs: number }> {
    const rows: { events: string; oldest_age_ms: string | null }[] = await this.dataSource.query(
      `SELECT (SELECT coalesce(max(id), 0) FROM outbox_events) - $1::bigint AS events,
              (SELECT extract(epoch FROM now() - created_at) * 1000 FROM outbox_events
                WHERE id > $1::bigint ORDER BY id LIMIT 1) AS oldest_age_ms`,
      [cursor],
    );
    const events = Math.max(0, Number(rows[0]?.events ?? 0));
    return { events, oldestAgeMs: events > 0 ? Math.max(0, Number(rows[0]?.oldest_age_ms ?? 0)) : 0 };
  }

  async latestId(): Promise<string> {
    const rows: { id: string | null }[] = await this.dataSource.query('SELECT max(id)::text AS id FROM outbox_events');
    return rows[0]?.id ?? '0';
  }

  async oldestId(): Promise<string> {
    const rows: { id: string | null }[] = await this.dataSource.query('SELECT min(id)::text AS id FROM outbox_events');
    return rows[0]?.id ?? '0';
  }
}
