/**
 * GOV.UK Notify messages as PostgreSQL holds them: requested (pending), being sent (sending: committed before the
 * request leaves, so a retry after a crash asks Notify before sending again), and finished (sent, logged, failed),
 * with an append-only row per attempt. PostgreSQL is the truth; the BullMQ job that sends a message is only its
 * signal, and the sweeper re-enqueues whatever is unfinished.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotifyChannel, NotifyTemplateKey, OPEN_TASK_STATUSES, Personalisation, Role } from '@app/domain';
import { Tx } from './unit-of-work.types';

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'logged';

/** One alert's message, before its recipients are chosen. */
export interface AlertMessageRequest {
  alertId: string;
  templateKey: NotifyTemplateKey;
  personalisation: Personalisation;
}

export interface MessageRequest {
  userId: string;
  templateKey: NotifyTemplateKey;
  /** Unique per message; the channel is appended, so one request may give an e-mail and a text. */
  dedupeKey: string;
  personalisation: Personalisation;
  alertId?: string | null;
}

/** A message being sent, with where it goes. */
export interface NotificationToSend {
  id: string;
  channel: NotifyChannel;
  templateKey: NotifyTemplateKey;
  reference: string;
  personalisation: Personalisation;
  recipientUserId: string;
  email: string | null;
  mobile: string | null;
  attempts: number;
  /** `sending` means an earlier attempt may have reached Notify. */
  previousStatus: NotificationStatus;
}

export interface NotificationRow {
  id: string;
  recipientUserId: string;
  channel: NotifyChannel;
  templateKey: NotifyTemplateKey;
  templateId: string | null;
  dedupeKey: string;
  reference: string;
  personalisation: Personalisation;
  alertId: string | null;
  status: NotificationStatus;
  notifyId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface NotificationAttemptRow {
  attempt: number;
  outcome: string;
  httpStatus: number | null;
  error: string | null;
  notifyId: string | null;
  at: Date;
}

export interface TeamDigestCounts {
  userId: string;
  overdue: number;
  atRisk: number;
}

/** The channels a user wants and can be reached on, as SQL over `u` (users). */
const WANTED_CHANNELS_SQL = `
  CROSS JOIN LATERAL (VALUES ('email', u.email IS NOT NULL AND u.notify_by_email),
                             ('sms', u.mobile IS NOT NULL AND u.notify_by_sms)) AS ch(channel, wanted)`;

/** The team that owns a task (libs/events owningTeamKey, in SQL over `t`, `w` and `ra`). */
const OWNING_TEAM_KEY_SQL = `CASE t.owner_role
  WHEN '${Role.COM}' THEN w.release_area_code
  WHEN '${Role.CRS_CASEWORKER}' THEN ra.provider_id::text
  ELSE w.prison_code END`;

/**
 * The messages for alerts just raised, as CTEs ending in `messages` (the ids inserted): `requests` selects (alert id,
 * template key, personalisation) rows of alerts in `alerts` (the table, or a CTE of the same statement with its id,
 * kind, task_id and recipients). The managers (and governors) an escalation's rooms reach, and the assignee of the
 * task when she asked for messages on tasks she claimed, each on every channel she wants. The recipients come from
 * the rooms the visibility policy chose for the alert (alerts.recipients), so a message reaches no one the board
 * would not have told.
 */
export function alertMessagesCtes(requests: string, alerts = 'alerts'): string {
  return `req AS (
         SELECT * FROM (${requests}) AS r(alert_id, template_key, personalisation)
       ), chosen AS (
         SELECT req.*, u.id AS user_id
           FROM req JOIN ${alerts} al ON al.id = req.alert_id
           CROSS JOIN LATERAL jsonb_array_elements_text(al.recipients -> 'rooms') AS room
           JOIN users u ON u.active AND (
                (u.is_manager AND room = 'managers:' || u.role || ':' || u.team_key)
             OR (u.role = '${Role.GOVERNOR}' AND room LIKE 'prison:%:oversight'
                 AND split_part(room, ':', 2) = ANY(u.prison_codes)))
          WHERE al.kind = 'ESCALATED'
         UNION
         SELECT req.*, u.id AS user_id
           FROM req JOIN ${alerts} al ON al.id = req.alert_id
           JOIN tasks t ON t.id = al.task_id
           JOIN users u ON u.id = t.assignee_id AND u.active AND u.notify_claimed_tasks
       ), messages AS (
         INSERT INTO notifications (recipient_user_id, channel, template_key, dedupe_key, reference, personalisation, alert_id)
         SELECT DISTINCT ON (c.alert_id, u.id, ch.channel)
                u.id, ch.channel, c.template_key, 'alert:' || c.alert_id || ':' || u.id || ':' || ch.channel,
                gen_random_uuid()::text, c.personalisation, c.alert_id
           FROM chosen c JOIN users u ON u.id = c.user_id ${WANTED_CHANNELS_SQL}
          WHERE ch.wanted
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id
       )`;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One statement for a batch of alerts just raised (alertMessagesCtes). */
  async requestForAlerts(tx: Tx, requests: AlertMessageRequest[]): Promise<string[]> {
    if (requests.length === 0) return [];
    const rows: { id: string }[] = await tx.query(
      `WITH ${alertMessagesCtes('SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[])')} SELECT id FROM messages`,
      [
        requests.map((r) => r.alertId),
        requests.map((r) => r.templateKey),
        requests.map((r) => JSON.stringify(r.personalisation)),
      ],
    );
    return rows.map((r) => r.id);
  }

  /** A message to one person on every channel she wants; a dedupe key already used inserts nothing. */
  async request(tx: Tx, message: MessageRequest): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO notifications (recipient_user_id, channel, template_key, dedupe_key, reference, personalisation, alert_id)
       SELECT u.id, ch.channel, $2, $3 || ':' || ch.channel, gen_random_uuid()::text, $4::jsonb, $5::uuid
         FROM users u ${WANTED_CHANNELS_SQL}
        WHERE u.id = $1 AND u.active AND ch.wanted
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        message.userId,
        message.templateKey,
        message.dedupeKey,
        JSON.stringify(message.personalisation),
        message.alertId ?? null,
      ],
    );
    return rows.map((r) => r.id);
  }

  /** Which template a message uses (to pick its id from configuration); null for no such row. */
  async peekTemplate(id: string): Promise<{ templateKey: NotifyTemplateKey; channel: NotifyChannel } | null> {
    const rows: { template_key: NotifyTemplateKey; channel: NotifyChannel }[] = await this.dataSource.query(
      `SELECT template_key, channel FROM notifications WHERE id = $1`,
      [id],
    );
    return rows[0] ? { templateKey: rows[0].template_key, channel: rows[0].channel } : null;
  }

  /**
   * Marks the message `sending` and counts the attempt, committed before anything leaves for Notify; null when it
   * is finished already (sent, logged or failed), so a job that runs twice does nothing the second time.
   */
  async beginAttempt(id: string, templateId: string | null): Promise<NotificationToSend | null> {
    // For an UPDATE ... RETURNING, TypeORM's query() answers [rows, affected].
    const [rows]: [
      {
        id: string;
        channel: NotifyChannel;
        template_key: NotifyTemplateKey;
        reference: string;
        personalisation: Personalisation;
        recipient_user_id: string;
        email: string | null;
        mobile: string | null;
        attempts: number;
        previous_status: NotificationStatus;
      }[],
      number,
    ] = await this.dataSource.query(
      `WITH prev AS (
         SELECT id, status FROM notifications WHERE id = $1 AND status IN ('pending', 'sending') FOR UPDATE
       )
       UPDATE notifications n
          SET status = 'sending', attempts = n.attempts + 1, template_id = $2, updated_at = now()
         FROM prev, users u
        WHERE n.id = prev.id AND u.id = n.recipient_user_id
       RETURNING n.id, n.channel, n.template_key, n.reference, n.personalisation, n.recipient_user_id,
                 u.email, u.mobile, n.attempts, prev.status AS previous_status`,
      [id, templateId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      channel: row.channel,
      templateKey: row.template_key,
      reference: row.reference,
      personalisation: row.personalisation,
      recipientUserId: row.recipient_user_id,
      email: row.email,
      mobile: row.mobile,
      attempts: row.attempts,
      previousStatus: row.previous_status,
    };
  }

  /** The attempt ended: the row's new status and the attempt's history row, in one transaction. */
  async finishAttempt(
    id: string,
    outcome: {
      status: NotificationStatus;
      attempt: number;
      /** sent, found (already at Notify), logged, retry, failed */
      result: string;
      notifyId?: string | null;
      httpStatus?: number | null;
      error?: string | null;
    },
  ): Promise<void> {
    await this.dataSource.query(
      `WITH attempt AS (
         INSERT INTO notification_attempts (notification_id, attempt, outcome, http_status, error, notify_id)
         VALUES ($1::uuid, $2::int, $3::varchar, $4::int, $5::text, $6::text)
       )
       UPDATE notifications
          SET status = $7::varchar, notify_id = COALESCE($6::text, notify_id), last_error = $5::text,
              updated_at = now(), sent_at = CASE WHEN $7::varchar IN ('sent', 'logged') THEN now() ELSE sent_at END
        WHERE id = $1::uuid`,
      [
        id,
        outcome.attempt,
        outcome.result,
        outcome.httpStatus ?? null,
        outcome.error ?? null,
        outcome.notifyId ?? null,
        outcome.status,
      ],
    );
  }

  /** Messages waiting to be sent, and those left `sending` longer than `stuckAfterMs` by a worker that died. */
  async unfinished(stuckAfterMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notifications
        WHERE status = 'pending' OR (status = 'sending' AND updated_at < now() - make_interval(secs => $1 / 1000.0))
        ORDER BY created_at LIMIT $2`,
      [stuckAfterMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * For each active team manager: her team's open tasks that are overdue, and those at risk but not yet overdue,
   * at `now`. Her team is her role and team key, as alerts pick the owning team (libs/events owningTeamKey).
   */
  async teamDigestCounts(now: Date): Promise<TeamDigestCounts[]> {
    const rows: { user_id: string; overdue: string; at_risk: string }[] = await this.dataSource.query(
      `SELECT m.id AS user_id,
              count(*) FILTER (WHERE t.due_at <= $1) AS overdue,
              count(*) FILTER (WHERE t.at_risk_at <= $1 AND t.due_at > $1) AS at_risk
         FROM users m
         LEFT JOIN (tasks t JOIN women w ON w.id = t.woman_id
                    LEFT JOIN release_areas ra ON ra.code = w.release_area_code)
           ON t.owner_role = m.role AND t.status = ANY($2) AND t.due_at IS NOT NULL
          AND ${OWNING_TEAM_KEY_SQL} = m.team_key
        WHERE m.is_manager AND m.active AND m.team_key IS NOT NULL AND m.role = ANY($3)
        GROUP BY m.id`,
      [now, OPEN_TASK_STATUSES, [Role.PRE_RELEASE_TEAM, Role.POM, Role.COM, Role.CRS_CASEWORKER]],
    );
    return rows.map((r) => ({ userId: r.user_id, overdue: Number(r.overdue), atRisk: Number(r.at_risk) }));
  }

  /** A person's messages, newest first (for tests and support). */
  async forRecipient(userId: string): Promise<NotificationRow[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM notifications WHERE recipient_user_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      recipientUserId: r.recipient_user_id as string,
      channel: r.channel as NotifyChannel,
      templateKey: r.template_key as NotifyTemplateKey,
      templateId: r.template_id as string | null,
      dedupeKey: r.dedupe_key as string,
      reference: r.reference as string,
      personalisation: r.personalisation as Personalisation,
      alertId: r.alert_id as string | null,
      status: r.status as NotificationStatus,
      notifyId: r.notify_id as string | null,
      attempts: r.attempts as number,
      lastError: r.last_error as string | null,
      createdAt: r.created_at as Date,
      sentAt: r.sent_at as Date | null,
    }));
  }
}
