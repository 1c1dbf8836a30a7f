/**
 * `seed [--if-empty]`: migrates, then loads the demo board (providers, staff, about 300 women with their
 * assessments and tasks, and a starter travel-time table) into an empty database, and prints what the board now holds. It never adds to or
 * deletes from a database that already records women.
 * `seed --national [--scale f]`: the same, but loads the national synthetic data set for timing the reports.
 */
import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import {
  ReferenceDataRepository,
  ReleaseDayRepository,
  TasksRepository,
  UnitOfWork,
  UsersRepository,
  WomenRepository,
} from '@app/database';
import { londonDateOf, Role, taskVisibilityFor } from '@app/domain';
import { Actor, SYSTEM_ACTOR } from '@app/resettlement';
import { formatCounts, missingScheduleStates, summariseTasks } from '../seed/board-summary';
import { buildDemoBoard, SEED_REQUEST_ID } from '../seed/demo-board';
import { DemoCaseloadWriter } from '../seed/demo-caseload.writer';
import { demoKeywork } from '../seed/demo-keywork';
import { DemoKeyworkWriter } from '../seed/demo-keywork.writer';
import { DemoStaffWriter } from '../seed/demo-staff.writer';
import { DEMO_TRAVEL_TIMES } from '../seed/demo-travel-times';
import { DEMO_PASSWORD } from '../seed/demo-users';
import { NationalDatasetLoader } from '../seed/national/national-dataset.loader';
import { NationalSeedOptions } from '../cli-arguments';
import { TaskProgressWriter } from '../seed/task-progress.writer';
import { MigrateCommand } from './migrate.command';

/** Far more than the demo board holds: the summary reads every task. */
const SUMMARY_TASK_LIMIT = 100_000;

@Injectable()
export class SeedCommand {
  constructor(
    private readonly migrate: MigrateCommand,
    private readonly unitOfWork: UnitOfWork,
    private readonly women: WomenRepository,
    private readonly users: UsersRepository,
    private readonly tasks: TasksRepository,
    private readonly reference: ReferenceDataRepository,
    private readonly releaseDay: ReleaseDayRepository,
    private readonly staffWriter: DemoStaffWriter,
    private readonly caseloadWriter: DemoCaseloadWriter,
    private readonly progressWriter: TaskProgressWriter,
    private readonly national: NationalDatasetLoader,
    private readonly keyworkWriter: DemoKeyworkWriter,
  ) {}

  async run(options: { ifEmpty: boolean; national: NationalSeedOptions | null }): Promise<void> {
    await this.migrate.run();

    const existing = await this.women.countAll();
    if (existing > 0) {
      if (options.ifEmpty) {
        console.log(`Seed: the database already records ${existing} women; nothing to do.`);
        return;
      }
      throw new Error(
        `Refusing to seed: the database already records ${existing} women, and the seed neither duplicates ` +
          'nor deletes data. Seed an empty database, or pass --if-empty to skip quietly.',
      );
    }

    if (options.national) {
      await this.runNational(options.national);
      return;
    }

    const started = performance.now();
    const now = new Date();
    const today = londonDateOf(now);
    const board = buildDemoBoard(today);
    const actor: Actor = { ...SYSTEM_ACTOR, requestId: SEED_REQUEST_ID };
    console.log(`Seed: loading the demo board for ${today} (${board.women.length} women)...`);

    // One transaction for the whole board: a seed that fails half way leaves nothing behind, so a later
    // `seed --if-empty` (run at every `npm start`) can never mistake a half-seeded board for a seeded one.
    try {
      await this.unitOfWork.run(async (tx) => {
        const staff = await this.staffWriter.write(tx, actor);
        if ((await this.releaseDay.listTravelTimes()).length === 0) {
          await this.releaseDay.replaceTravelTimes(tx, [...DEMO_TRAVEL_TIMES]);
        }
        for (const [index, demo] of board.women.entries()) {
          const written = await this.caseloadWriter.write(tx, demo, staff, actor);
          await this.keyworkWriter.write(tx, {
            woman: written.woman,
            plan: demoKeywork(index, demo, today),
            staff,
            requestId: SEED_REQUEST_ID,
            now,
          });
          await this.progressWriter.write(tx, {
            demo,
            tasks: written.tasks,
            staff,
            random: board.progressRandom,
            requestId: SEED_REQUEST_ID,
            now,
          });
        }
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The seed was rolled back and wrote nothing: ${reason}`, { cause: error });
    }
    const seconds = (performance.now() - started) / 1000;

    await this.printSummary(now, seconds);
  }

  private async runNational(options: NationalSeedOptions): Promise<void> {
    const now = new Date();
    console.log(`Seed: loading the national synthetic data set at scale ${options.scale} for ${londonDateOf(now)}...`);
    let report;
    try {
      report = await this.national.load(options.scale, now, (line) => console.log(line));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`The national load was rolled back and wrote nothing: ${reason}`, { cause: error });
    }
    const { counts, open } = await this.national.summary(new Date());
    const share = (n: number) => `${((100 * n) / Math.max(open.open, 1)).toFixed(1)}%`;
    console.log(
      `Seed: national data set loaded in ${report.seconds.toFixed(1)} s (as of ${report.asOf.toISOString()}).`,
    );
    for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(26)} ${String(n).padStart(10)}`);
    console.log(`  people in custody: ${open.inCustody} (${open.inWomensPrisons} in the women's prisons)`);
    console.log(
      `  open tasks now: ${open.open}; overdue ${open.overdue} (${share(open.overdue)}), ` +
        `at risk ${open.atRisk} (${share(open.atRisk)})`,
    );
    console.log(`  staff sign in as nat.<role>.<team> (e.g. nat.governor.sti, nat.admin), password '${DEMO_PASSWORD}'`);
  }

  private async printSummary(now: Date, seconds: number): Promise<void> {
    const [women, users, providers, taskList] = await Promise.all([
      this.women.countAll(),
      this.users.count(),
      this.reference.listProviders(),
      this.tasks.listInScope(
        { kind: 'ESTATE' },
        { now, visibility: taskVisibilityFor(Role.ADMIN), limit: SUMMARY_TASK_LIMIT, offset: 0 },
      ),
    ]);
    const summary = summariseTasks(
      taskList.rows.map((row) => row.task),
      now,
    );
    console.log(`Seed: done in ${seconds.toFixed(1)} s.`);
    console.log(`  women:     ${women}`);
    console.log(`  users:     ${users} (password '${DEMO_PASSWORD}')`);
    console.log(`  providers: ${providers.length}`);
    console.log(`  tasks:     ${summary.total} (${formatCounts(summary.byStatus)})`);
    console.log(`  open tasks by schedule state: ${formatCounts(summary.openBySchedule)}`);
    const missing = missingScheduleStates(summary);
    if (missing.length > 0) {
      console.log(`  warning: no open task is ${missing.join(' or ')}; the demo board will not show it.`);
    }
  }
}
