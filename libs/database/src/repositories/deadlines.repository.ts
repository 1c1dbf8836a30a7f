/**
 * The deadline engine's reads: the tasks behind a batch of fired thresholds (with what is needed to
 * address their events), passed thresholds that have no alert yet, and upcoming thresholds for the
 * Redis horizon. All set-based, so a burst of thousands of thresholds costs a handful of queries.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlertKind, OPEN_TASK_STATUSES } from '@app/domain';
import { TaskEntity } from '../entities';
import { THRESHOLD_INSTANTS_SQL } from './threshold-instants.sql';
import { Tx } from './unit-of-work.types';

export interface TaskWithWomanContext {
  task: TaskEntity;
  woman: {
    id: string;
    prisonNumber: string;
    firstName: string;
    lastName: string;
    prisonCode: string;
    releaseAreaCode: string;
    providerId: string | null;
    pomId: string | null;
    comId: string | null;
  };
}

/** An instant at which thresholds pass (µs since the epoch), and how many. */
export interface ThresholdInstant {
  atMicros: bigint;
  /** How many thresholds pass then, counted up to the read's `countUpTo`. */
  thresholds: number;
}

export interface PassedThreshold {
  taskId: string;
  kind: AlertKind;
  level: number;
  deadlineRevision: number;
}

@Injectable()
export class DeadlinesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the tasks (skipping none) so a concurrent status change waits for the alert, or vice versa. With
   * `lockContext`, her row and her release area's are held too, until commit: alerts prepared ahead of their instant
   * are built from them, and a change to either marks those drafts stale (migration PreparedAlerts), so it must
   * come after they are stored.
   */
  async openTasksWithContext(
    tx: Tx,
    taskIds: string[],
    { lockContext = false }: { lockContext?: boolean } = {},
  ): Promise<TaskWithWomanContext[]> {
    if (taskIds.length === 0) return [];
    const tasks = await tx
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_read')
      .where('t.id = ANY(:taskIds)', { taskIds })
      .andWhere('t.status = ANY(:open)', { open: OPEN_TASK_STATUSES })
      .getMany();
    if (tasks.length === 0) return [];
    const womanIds = [...new Set(tasks.map((t) => t.womanId))];
    if (lockContext) {
      await tx.query(
        `WITH her AS (SELECT release_area_code FROM women WHERE id = ANY($1) FOR SHARE)
         SELECT 1 FROM release_areas WHERE code IN (SELECT release_area_code FROM her) FOR SHARE`,
        [womanIds],
      );
    }
    const rows: {
      id: string;
      prison_number: string;
      first_name: string;
      last_name: string;
      prison_code: string;
      release_area_code: string;
      provider_id: string | null;
      pom_id: string | null;
      com_id: string | null;
    }[] = await tx.query(
      `SELECT w.id, w.prison_number, w.first_name, w.last_name, w.prison_code, w.release_area_code, ra.provider_id, w.pom_id, w.com_id
           FROM women w LEFT JOIN release_areas ra ON ra.code = w.release_area_code
          WHERE w.id = ANY($1)`,
      [womanIds],
    );
    const women = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          prisonNumber: r.prison_number,
          firstName: r.first_name,
          lastName: r.last_name,
          prisonCode: r.prison_code,
          releaseAreaCode: r.release_area_code,
          providerId: r.provider_id,
          pomId: r.pom_id,
          comId: r.com_id,
        },
      ]),
    );
    return tasks.flatMap((task) => {
      const woman = women.get(task.womanId);
      return woman ? [{ task, woman }] : [];
    });
  }

  /**
   * Thresholds already passed at `now` on open tasks with no alert recorded for the current deadline
   * revision: what a lost job, a Redis flush or a dead worker would otherwise miss. An at-risk threshold
   * counts only while the task is not yet overdue; escalations stop once an alert was acknowledged.
   */
  async passedThresholdsWithoutAlert(now: Date, limit: number): Promise<PassedThreshold[]> {
    const rows: { task_id: string; kind: AlertKind; level: number; deadline_revision: number }[] =
      await this.dataSource.query(
        `WITH open_tasks AS (
         SELECT id, at_risk_at, due_at, escalation_ats, deadline_revision FROM tasks
          WHERE status = ANY($2) AND (due_at <= $1 OR at_risk_at <= $1)
       ), thresholds AS (
         SELECT id AS task_id, 'AT_RISK' AS kind, 0 AS level, deadline_revision FROM open_tasks
          WHERE at_risk_at <= $1 AND at_risk_at < due_at AND due_at > $1
         UNION ALL
         SELECT id, 'OVERDUE', 0, deadline_revision FROM open_tasks WHERE due_at <= $1
         UNION ALL
         SELECT t.id, 'ESCALATED', e.level::int, t.deadline_revision
           FROM open_tasks t CROSS JOIN LATERAL unnest(t.escalation_ats) WITH ORDINALITY AS e(at, level)
          WHERE e.at <= $1
            AND NOT EXISTS (SELECT 1 FROM alerts k WHERE k.task_id = t.id AND k.deadline_revision = t.deadline_revision
                              AND k.acknowledged_at IS NOT NULL)
       )
       SELECT th.* FROM thresholds th
        WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.task_id = th.task_id AND a.kind = th.kind
                            AND a.level = th.level AND a.deadline_revision = th.deadline_revision)
        LIMIT $3`,
        [now, OPEN_TASK_STATUSES, limit],
      );
    return rows.map((r) => ({
      taskId: r.task_id,
      kind: r.kind,
      level: r.level,
      deadlineRevision: r.deadline_revision,
    }));
  }

  /**
   * The distinct instants in (from, to] at which some open task passes a threshold, as microseconds since the
   * epoch (PostgreSQL's own precision, so that thresholdsAt matches them exactly). Due and at-risk times are
   * 17:00 on working days and so are the rungs of the ladder: a week of a national caseload is a handful of
   * instants, however many tasks share them, and the read skips from one to the next rather than reading each task
   * (THRESHOLD_INSTANTS_SQL). Each comes with how many thresholds pass then, counted up to `countUpTo` (an escalation
   * whose ladder was acknowledged, or one already raised, is counted too: it is a size, not a promise).
   */
  async thresholdInstants(from: Date, to: Date, countUpTo: number): Promise<ThresholdInstant[]> {
    const rows: { at_us: string; thresholds: number }[] = await this.dataSource.query(THRESHOLD_INSTANTS_SQL, [
      from,
      to,
      OPEN_TASK_STATUSES,
      countUpTo,
    ]);
    return rows.map((r) => ({ atMicros: BigInt(r.at_us), thresholds: r.thresholds }));
  }

  /**
   * Every threshold of an open task that falls exactly at one of these instants (µs since the epoch) and has no
   * alert at its deadline revision: what the instants' jobs raise, in one statement (index scans on due_at and
   * at_risk_at, the GIN index on escalation_ats). Escalations stop once an alert of the revision was acknowledged;
   * an at-risk threshold counts only before the due time, as thresholdApplies says.
   */
  async thresholdsAt(instantsMicros: readonly bigint[]): Promise<PassedThreshold[]> {
    if (instantsMicros.length === 0) return [];
    const rows: { task_id: string; kind: AlertKind; level: number; deadline_revision: number }[] =
      await this.dataSource.query(
        `WITH instants AS (
           SELECT array_agg(timestamptz 'epoch' + us * interval '1 microsecond') AS ats FROM unnest($1::bigint[]) AS us
         ),
         thresholds AS (
           SELECT t.id AS task_id, 'OVERDUE' AS kind, 0 AS level, t.deadline_revision
             FROM tasks t, instants i WHERE t.status = ANY($2) AND t.due_at = ANY(i.ats)
           UNION ALL
           SELECT t.id, 'AT_RISK', 0, t.deadline_revision
             FROM tasks t, instants i WHERE t.status = ANY($2) AND t.at_risk_at = ANY(i.ats) AND t.at_risk_at < t.due_at
           UNION ALL
           SELECT t.id, 'ESCALATED', e.level::int, t.deadline_revision
             FROM tasks t CROSS JOIN instants i
             CROSS JOIN LATERAL unnest(t.escalation_ats) WITH ORDINALITY AS e(at, level)
            WHERE t.status = ANY($2) AND t.escalation_ats && i.ats AND e.at = ANY(i.ats)
              AND NOT EXISTS (SELECT 1 FROM alerts k WHERE k.task_id = t.id AND k.deadline_revision = t.deadline_revision
                                AND k.acknowledged_at IS NOT NULL)
         )
         SELECT th.* FROM thresholds th
          WHERE NOT EXISTS (SELECT 1 FROM alerts a WHERE a.task_id = th.task_id AND a.kind = th.kind
                              AND a.level = th.level AND a.deadline_revision = th.deadline_revision)`,
        [instantsMicros.map(String), OPEN_TASK_STATUSES],
      );
    return rows.map((r) => ({
      taskId: r.task_id,
      kind: r.kind,
      level: r.level,
      deadlineRevision: r.deadline_revision,
    }));
  }

  async relayCursor(): Promise<string> {
    const rows: { last_id: string }[] = await this.dataSource.query(
      'SELECT last_id::text AS last_id FROM outbox_relay_cursor WHERE id = 1',
    );
    return rows[0]?.last_id ?? '0';
  }

  async saveRelayCursor(lastId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE outbox_relay_cursor SET last_id = GREATEST(last_id, $1::bigint), updated_at = now() WHERE id = 1',
      [lastId],
    );
  }
}
