/**
 * Rows for the report suites, written straight into the run's database with the times the fixture needs (a
 * task that fell due ten working days ago, a referral sent a month ago). Each call makes its own prisons,
 * so figures for those prisons are exactly what the suite put there.
 */
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { endOfWorkingDay } from '@app/domain';
import { randomPrisonNumber, uniqueSuffix } from './unique';

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A test-only prison with a random three-character code starting with 'Z' (no real prison does). */
export async function createPrison(dataSource: DataSource, regionCode: string | null): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = `Z${CODE_LETTERS[randomInt(CODE_LETTERS.length)]}${CODE_LETTERS[randomInt(CODE_LETTERS.length)]}`;
    const inserted: unknown[] = await dataSource.query(
      `INSERT INTO prisons (code, name, region_code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING code`,
      [code, `Test prison ${code}`, regionCode],
    );
    if (inserted.length === 1) return code;
  }
  throw new Error('no free test prison code after 20 attempts');
}

export function testRegionCode(): string {
  return `TR_${uniqueSuffix().toUpperCase()}`.slice(0, 16);
}

export interface FixtureWoman {
  prisonCode: string;
  releaseAreaCode: string;
  releaseDate?: string | null;
  /** Released: she is OUT, released from prisonCode on this date. */
  releasedOn?: string;
  lastName?: string;
}

export async function insertWoman(dataSource: DataSource, woman: FixtureWoman): Promise<string> {
  const released = woman.releasedOn !== undefined;
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO women (prison_number, first_name, last_name, date_of_birth, prison_code, custody_status,
                        reception_date, release_date, release_area_code, complexity, version,
                        released_on, released_from_prison_code)
     VALUES ($1, 'Report', $2, '1990-01-01', $3, 'SENTENCED', '2025-01-01', $4, $5, 'MEDIUM', 1, $6, $7)
     RETURNING id`,
    [
      randomPrisonNumber(),
      woman.lastName ?? `Fixture ${uniqueSuffix()}`,
      released ? 'OUT' : woman.prisonCode,
      released ? woman.releasedOn : (woman.releaseDate ?? null),
      woman.releaseAreaCode,
      released ? woman.releasedOn : null,
      released ? woman.prisonCode : null,
    ],
  );
  return rows[0].id;
}

export interface FixtureTask {
  womanId: string;
  ownerRole: string;
  pathway: string;
  templateKey?: string;
  title?: string;
  status?: string;
  releaseCritical?: boolean;
  dueDate: string;
  /** Defaults to two days before the due time. */
  atRiskAt?: Date;
  createdAt?: Date;
  completedAt?: Date | null;
  claimedByProviderId?: string | null;
  subjectId?: string | null;
}

export async function insertTask(dataSource: DataSource, task: FixtureTask): Promise<string> {
  const dueAt = endOfWorkingDay(task.dueDate);
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO tasks (woman_id, pathway, template_key, title, description, owner_role, status, release_critical,
                        due_date, due_at, at_risk_at, created_at, completed_at, claimed_by_provider_id,
                        subject_type, subject_id)
     VALUES ($1, $2, $3, $4, 'fixture', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     RETURNING id`,
    [
      task.womanId,
      task.pathway,
      task.templateKey ?? 'DUTY_TO_REFER',
      task.title ?? `Fixture task ${uniqueSuffix()}`,
      task.ownerRole,
      task.status ?? 'TODO',
      task.releaseCritical ?? false,
      task.dueDate,
      dueAt,
      task.atRiskAt ?? new Date(dueAt.getTime() - 2 * 86_400_000),
      task.createdAt ?? new Date(dueAt.getTime() - 30 * 86_400_000),
      task.completedAt ?? null,
      task.claimedByProviderId ?? null,
      task.subjectId ? 'REFERRAL' : null,
      task.subjectId ?? null,
    ],
  );
  return rows[0].id;
}

export interface FixtureReferral {
  womanId: string;
  providerId: string;
  releaseAreaCode: string;
  referrerRole: string;
  needIdentifiedAt: Date;
  status: string;
  /** The status log, in order: each a status reached at a time, with a reason for returns and withdrawals. */
  log: { to: string; at: Date; reason?: string }[];
  outcomes?: string[];
  /** The referral's pathways (ACCOMMODATION when absent); outcome i is recorded for pathway i (or the last). */
  pathways?: string[];
}

export async function insertReferral(dataSource: DataSource, referral: FixtureReferral): Promise<string> {
  const firstSent = referral.log.find((l) => l.to === 'SENT')?.at ?? null;
  const pathways = referral.pathways ?? ['ACCOMMODATION'];
  const report =
    referral.outcomes === undefined
      ? null
      : {
          summary: 'fixture',
          outcomes: referral.outcomes.map((outcome, i) => ({
            pathway: pathways[Math.min(i, pathways.length - 1)],
            desiredOutcome: `Outcome ${i + 1}`,
            outcome,
            comment: null,
          })),
        };
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO referrals (reference, woman_id, provider_id, release_area_code, status, pathways, created_by_id,
                            referrer_role, need_identified_at, first_sent_at, sent_at, end_of_service_report)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11) RETURNING id`,
    [
      `ZZ${String(randomInt(10_000)).padStart(4, '0')}${uniqueSuffix().slice(0, 6).toUpperCase()}`,
      referral.womanId,
      referral.providerId,
      referral.releaseAreaCode,
      referral.status,
      JSON.stringify(pathways.map((pathway) => ({ pathway, complexity: 'MEDIUM', desiredOutcomes: ['Outcome 1'] }))),
      '00000000-0000-0000-0000-000000000000',
      referral.referrerRole,
      referral.needIdentifiedAt,
      firstSent,
      report === null ? null : JSON.stringify(report),
    ],
  );
  let from: string | null = 'DRAFT';
  for (const step of referral.log) {
    await dataSource.query(
      `INSERT INTO referral_status_changes (referral_id, from_status, to_status, reason, at) VALUES ($1, $2, $3, $4, $5)`,
      [rows[0].id, from, step.to, step.reason ?? null, step.at],
    );
    from = step.to;
  }
  return rows[0].id;
}

export async function insertRelease(
  dataSource: DataSource,
  release: { womanId: string; prisonCode: string; releasedOn: string; recalledOn?: string },
  outcomes: { checkpoint: 'NIGHT_OF_RELEASE' | 'WEEK_12'; accommodationType: string }[],
): Promise<void> {
  const rows: { id: string }[] = await dataSource.query(
    `INSERT INTO releases (woman_id, prison_code, released_on, recalled_on) VALUES ($1, $2, $3, $4) RETURNING id`,
    [release.womanId, release.prisonCode, release.releasedOn, release.recalledOn ?? null],
  );
  for (const outcome of outcomes) {
    await dataSource.query(
      `INSERT INTO accommodation_outcomes (release_id, woman_id, checkpoint, accommodation_type, recorded_at)
       VALUES ($1, $2, $3, $4, now())`,
      [rows[0].id, release.womanId, outcome.checkpoint, outcome.accommodationType],
    );
  }
}

export async function insertAlert(
  dataSource: DataSource,
  alert: {
    taskId: string;
    womanId: string;
    kind: string;
    level: number;
    createdAt: Date;
    acknowledgedAfterMinutes?: number;
  },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO alerts (task_id, woman_id, kind, level, deadline_revision, threshold_at, recipients, created_at, acknowledged_at)
     VALUES ($1, $2, $3, $4, 0, $5, '{"rooms":[]}', $5, $6)`,
    [
      alert.taskId,
      alert.womanId,
      alert.kind,
      alert.level,
      alert.createdAt,
      alert.acknowledgedAfterMinutes === undefined
        ? null
        : new Date(alert.createdAt.getTime() + alert.acknowledgedAfterMinutes * 60_000),
    ],
  );
}
