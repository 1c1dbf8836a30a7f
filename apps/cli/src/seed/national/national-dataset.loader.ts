/**
 * Loads the national synthetic data set (issue 6, "Scale and speed"): the jobs in order, in one transaction
 * with synchronous commit off, then VACUUM ANALYZE so the planner and index-only scans see the new rows, and
 * the weekly overdue roll-up for the last 12 week ends. One audit row records that the set was generated;
 * the synthetic history itself has no per-row audit events.
 */
import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { AuditTrailRepository, OverdueSnapshotsRepository, UnitOfWork } from '@app/database';
import { hashPassword } from '@app/auth';
import { londonDateOf, PRISON_CODES, recentWeekEnds, RELEASED_PRISON_CODE } from '@app/domain';
import { DEMO_PASSWORD } from '../demo-users';
import { loadAlerts } from './alerts.job';
import { planEstate } from './national-estate';
import { NationalRun } from './national-sql';
import { loadPeople } from './people.job';
import { loadPrisonsAndStaff } from './prisons-and-staff.job';
import { loadReferrals } from './referrals.job';
import { loadReleasesAndOutcomes } from './releases-and-outcomes.job';
import { planCatalogueTasks, writeTasks } from './tasks.job';
import { createWorkingDayTables } from './working-days';

export const NATIONAL_REQUEST_ID = 'cli-seed-national';

/** The tables the load writes, in the order the summary lists them. */
export const NATIONAL_TABLES = [
  'prisons',
  'providers',
  'users',
  'women',
  'releases',
  'accommodation_outcomes',
  'tasks',
  'task_status_changes',
  'referrals',
  'referral_status_changes',
  'alerts',
  'overdue_snapshots',
  'audit_events',
] as const;

export interface NationalLoadReport {
  asOf: Date;
  steps: { name: string; seconds: number; rows: number | null }[];
  seconds: number;
}

@Injectable()
export class NationalDatasetLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditTrailRepository,
    private readonly snapshots: OverdueSnapshotsRepository,
  ) {}

  async load(scale: number, now: Date, log: (line: string) => void): Promise<NationalLoadReport> {
    const started = performance.now();
    const steps: NationalLoadReport['steps'] = [];
    const step = async <T>(name: string, work: () => Promise<T>, rows: (result: T) => number | null) => {
      const t0 = performance.now();
      const result = await work();
      const seconds = (performance.now() - t0) / 1000;
      const count = rows(result);
      steps.push({ name, seconds, rows: count });
      log(`  ${name.padEnd(44)} ${seconds.toFixed(1).padStart(6)} s${count === null ? '' : `  ${count} rows`}`);
      return result;
    };

    const today = londonDateOf(now);
    // Midnight London today: everything in the set happened before it, and a rerun the same day is identical.
    const [{ midnight }] = await this.dataSource.query<{ midnight: Date }[]>(
      `SELECT ($1::date::timestamp AT TIME ZONE 'Europe/London') AS midnight`,
      [today],
    );
    const estate = planEstate(scale);
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    await this.unitOfWork.run(async (tx) => {
      const run: NationalRun = { tx, scale, asOf: midnight, today };
      // A bulk load: nothing is lost to an unflushed commit that a rerun would not put back.
      await tx.query(`SET LOCAL synchronous_commit = off`);
      await tx.query(`SET LOCAL work_mem = '256MB'`);
      await tx.query(`SET LOCAL temp_buffers = '512MB'`);
      await step(
        'working-day lookups',
        () => createWorkingDayTables(run),
        () => null,
      );
      await step(
        'prisons, providers and staff',
        () => loadPrisonsAndStaff(run, estate, passwordHash),
        () => null,
      );
      await step(
        'people (women)',
        () => loadPeople(run),
        (n) => n,
      );
      await step(
        'catalogue tasks planned',
        () => planCatalogueTasks(run),
        (n) => n,
      );
      await step(
        'referrals, status logs and stage tasks',
        () => loadReferrals(run),
        (r) => r.referrals + r.statusChanges,
      );
      await step(
        'tasks and task status logs written',
        () => writeTasks(run),
        (r) => r.tasks + r.statusChanges,
      );
      await step(
        'releases and accommodation outcomes',
        () => loadReleasesAndOutcomes(run),
        (r) => r.releases + r.outcomes,
      );
      await step(
        'alerts',
        () => loadAlerts(run),
        (n) => n,
      );
      await this.audit.append(tx, [
        {
          womanId: null,
          entityType: 'DATASET',
          entityId: 'national-synthetic',
          action: 'GENERATED',
          actorId: null,
          actorRole: null,
          before: null,
          after: { kind: 'national synthetic data set', scale, asOf: midnight.toISOString(), prisons: estate.length },
          requestId: NATIONAL_REQUEST_ID,
        },
      ]);
    });

    await step(
      'vacuum analyze',
      async () => {
        for (const table of NATIONAL_TABLES) await this.dataSource.query(`VACUUM (ANALYZE) ${table}`);
      },
      () => null,
    );
    const weekEnds = recentWeekEnds(now);
    await step(
      `overdue roll-up, ${weekEnds.length} week ends`,
      async () => {
        for (const at of weekEnds) await this.snapshots.take(at);
      },
      () => null,
    );
    return { asOf: midnight, steps, seconds: (performance.now() - started) / 1000 };
  }

  /** Rows per table, and how the open tasks stand at `now`. */
  async summary(now: Date): Promise<{ counts: Record<string, number>; open: OpenTaskFigures }> {
    const counts: Record<string, number> = {};
    for (const table of NATIONAL_TABLES) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = n;
    }
    const [open] = await this.dataSource.query<OpenTaskFigures[]>(
      `SELECT count(*)::int AS "open",
              count(*) FILTER (WHERE due_at <= $1)::int AS "overdue",
              count(*) FILTER (WHERE at_risk_at <= $1 AND due_at > $1)::int AS "atRisk"
       FROM tasks WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED')`,
      [now],
    );
    const [people] = await this.dataSource.query<{ inCustody: number; inWomensPrisons: number }[]>(
      `SELECT count(*) FILTER (WHERE prison_code <> '${RELEASED_PRISON_CODE}')::int AS "inCustody",
              count(*) FILTER (WHERE prison_code = ANY($1::text[]))::int AS "inWomensPrisons"
       FROM women`,
      [[...PRISON_CODES]],
    );
    return { counts, open: { ...open, ...people } };
  }
}

export interface OpenTaskFigures {
  open: number;
  overdue: number;
  atRisk: number;
  inCustody: number;
  inWomensPrisons: number;
}
