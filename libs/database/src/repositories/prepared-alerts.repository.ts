/**
 * Alerts built ahead of their instant (migration PreparedAlerts): stored by the worker minutes before as drafts,
 * raised at the instant a chunk at a time, each chunk one statement copying its drafts into alerts, audit_events,
 * notifications and the outbox. A draft is marked stale when what it was built from changes (the migration's
 * triggers), and a stale draft is never raised, so the instant need not read a task or a woman: the sweep that
 * follows raises what no draft covered. The alerts' unique key keeps a threshold to one alert (a chunk raised twice
 * inserts nothing the second time), and only alerts a chunk inserted get an audit entry, a message or an event.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertKind } from '@app/domain';
import { auditUnnestArgsSql, AuditEntry, auditColumns } from './audit-trail.repository';
import { alertMessagesCtes } from './notifications.repository';
import { OUTBOX_LOCK_PARAMETERS, outboxInsertCte, outboxNotifySql } from './outbox.repository';
import { Tx } from './unit-of-work.types';

/** One alert as built ahead of its instant, with everything its raising writes. */
export interface PreparedAlert {
  alertId: string;
  instant: Date;
  taskId: string;
  womanId: string;
  kind: AlertKind;
  level: number;
  deadlineRevision: number;
  thresholdAt: Date;
  recipients: { rooms: string[] };
  audit: AuditEntry;
  event: { type: string; rooms: string[]; payload: Record<string, unknown> };
  message: { templateKey: string; personalisation: Record<string, unknown> };
}

/** An alert raised from its draft: what the worker's metrics and the Notify queue need. */
export interface ReleasedAlert {
  id: string;
  kind: AlertKind;
  thresholdAt: Date;
}

export interface ReleasedChunk {
  alerts: ReleasedAlert[];
  messageIds: string[];
}

/**
 * The transaction's time as JavaScript's toISOString writes it, as JSON: the events' `at`, and their alert's
 * `createdAt`, which is the same now() (alerts.created_at's default).
 */
const ISO_NOW = `to_jsonb(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

@Injectable()
export class PreparedAlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores drafts built in this transaction from the task, woman and area rows it holds locked
   * (DeadlinesRepository.openTasksWithContext with lockContext). A threshold already drafted keeps its first draft.
   */
  async store(tx: Tx, drafts: PreparedAlert[]): Promise<number> {
    if (drafts.length === 0) return 0;
    const rows: unknown[] = await tx.query(
      `INSERT INTO prepared_alerts (alert_id, instant, task_id, woman_id, kind, level, deadline_revision, threshold_at,
                                    recipients, event_type, event_rooms, event_payload, message_template,
                                    message_personalisation, audit_woman_id, audit_entity_type, audit_entity_id,
                                    audit_action, audit_actor_id, audit_actor_role, audit_before, audit_after,
                                    audit_request_id)
       SELECT d.alert_id, d.instant, d.task_id, d.woman_id, d.kind, d.level, d.deadline_revision, d.threshold_at,
              d.recipients, d.event_type, ARRAY(SELECT jsonb_array_elements_text(d.event_rooms)), d.event_payload,
              d.message_template, d.message_personalisation, a.woman_id, a.entity_type, a.entity_id, a.action,
              a.actor_id, a.actor_role, a.before, a.after, a.request_id
         FROM unnest($1::uuid[], $2::timestamptz[], $3::uuid[], $4::uuid[], $5::varchar[], $6::int[], $7::int[],
                     $8::timestamptz[], $9::jsonb[], $10::varchar[], $11::jsonb[], $12::jsonb[], $13::text[],
                     $14::jsonb[])
              WITH ORDINALITY AS d(alert_id, instant, task_id, woman_id, kind, level, deadline_revision, threshold_at,
                                   recipients, event_type, event_rooms, event_payload, message_template,
                                   message_personalisation, n)
         JOIN unnest(${auditUnnestArgsSql(15)}) WITH ORDINALITY
              AS a(woman_id, entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, n)
           USING (n)
       ON CONFLICT DO NOTHING
       RETURNING 1`,
      [
        drafts.map((d) => d.alertId),
        drafts.map((d) => d.instant),
        drafts.map((d) => d.taskId),
        drafts.map((d) => d.womanId),
        drafts.map((d) => d.kind),
        drafts.map((d) => d.level),
        drafts.map((d) => d.deadlineRevision),
        drafts.map((d) => d.thresholdAt),
        drafts.map((d) => JSON.stringify(d.recipients)),
        drafts.map((d) => d.event.type),
        drafts.map((d) => JSON.stringify(d.event.rooms)),
        drafts.map((d) => JSON.stringify(d.event.payload)),
        drafts.map((d) => d.message.templateKey),
        drafts.map((d) => JSON.stringify(d.message.personalisation)),
        ...auditColumns(drafts.map((d) => d.audit)),
      ],
    );
    return rows.length;
  }

  /** The ids of this instant's drafts not stale, in order: the instant's job raises them a chunk at a time. */
  async idsAt(instant: Date): Promise<string[]> {
    const rows: { alert_id: string }[] = await this.dataSource.query(
      'SELECT alert_id FROM prepared_alerts WHERE instant = $1 AND NOT stale ORDER BY alert_id',
      [instant],
    );
    return rows.map((r) => r.alert_id);
  }

  /**
   * Raises these drafts, those not stale (by id, so the plan needs no statistics on a table filled a minute ago),
   * in one statement of this transaction: their alerts inserted (a threshold already raised is skipped), and for
   * each alert inserted its audit entry, its messages and its board event, the last under the outbox's lock.
   */
  async releaseChunk(tx: Tx, alertIds: string[]): Promise<ReleasedChunk> {
    const rows: {
      alert_id: string | null;
      kind: AlertKind | null;
      threshold_at: Date | null;
      message_id: string | null;
    }[] = await tx.query(
      `WITH chunk AS (
           SELECT * FROM prepared_alerts WHERE alert_id = ANY($1::uuid[]) AND NOT stale
         ), inserted AS (
           INSERT INTO alerts (id, task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients)
           SELECT alert_id, task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients FROM chunk
           ON CONFLICT DO NOTHING
           RETURNING id, task_id, kind, threshold_at, recipients
         ), raised AS (
           SELECT c.* FROM chunk c WHERE c.alert_id IN (SELECT id FROM inserted)
         ), audited AS (
           INSERT INTO audit_events (woman_id, entity_type, entity_id, action, actor_id, actor_role, before, after, request_id)
           SELECT audit_woman_id, audit_entity_type, audit_entity_id, audit_action, audit_actor_id, audit_actor_role,
                  audit_before, audit_after, audit_request_id
             FROM raised
         ), ${alertMessagesCtes('SELECT alert_id, message_template, message_personalisation FROM raised', 'inserted')},
         ${outboxInsertCte(
           `SELECT r.event_type, r.woman_id, r.event_rooms,
                   jsonb_set(jsonb_set(r.event_payload, '{alert,createdAt}', ${ISO_NOW}),
                             '{at}', ${ISO_NOW})
              FROM raised r WHERE cardinality(r.event_rooms) > 0`,
           2,
         )}
         SELECT id AS alert_id, kind, threshold_at, NULL::uuid AS message_id FROM inserted
         UNION ALL
         SELECT NULL, NULL, NULL, id FROM messages
         UNION ALL
         SELECT NULL, NULL, NULL, NULL FROM (${outboxNotifySql(2)}) AS notified`,
      [alertIds, ...OUTBOX_LOCK_PARAMETERS],
    );
    return {
      alerts: rows
        .filter((r) => r.alert_id !== null)
        .map((r) => ({ id: r.alert_id as string, kind: r.kind as AlertKind, thresholdAt: r.threshold_at as Date })),
      messageIds: rows.filter((r) => r.message_id !== null).map((r) => r.message_id as string),
    };
  }

  /** Drafts of instants up to this one: they are never read again once their instant has run. */
  async forgetUpTo(instant: Date): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query('DELETE FROM prepared_alerts WHERE instant <= $1', [
      instant,
    ]);
    return result[1];
  }
}
