/**
 * The national seed (`seed --national`) dates its millions of catalogue tasks in SQL for speed. This suite runs
 * the built command at a small scale into a scratch database of its own and checks every catalogue task of the
 * people still serving their first sentence against the domain's dating rules, so the SQL cannot drift from
 * the planner: the deadline (plannedDeadline with compressFrom = the day the plan was made, the squeeze the seed
 * applies to every plan whose pre-release deadlines had passed), the at-risk time and the escalation instants.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  CustodyStatus,
  DeadlineAnchor,
  EscalationStep,
  escalationInstants,
  londonDateOf,
  OffsetUnit,
  plannedDeadline,
} from '@app/domain';
import { readRunSettings } from '../../setup/run-settings';

/** Small enough to load in seconds, large enough to hold short sentences whose plans are squeezed. */
const SCALE = '0.01';
const CLI_ENTRY = join(__dirname, '../../../dist/apps/cli/src/main.js');

interface CatalogueRow {
  key: string;
  deadline_anchor: DeadlineAnchor;
  deadline_offset: number;
  deadline_unit: OffsetUnit;
  at_risk_lead_working_days: number;
  escalation_ladder: EscalationStep[];
}

interface DatedTaskRow {
  id: string;
  template_key: string;
  created_at: Date;
  release_date: string | null;
  reception_date: string | null;
  due_date: string | null;
  due_at: Date | null;
  at_risk_at: Date | null;
  escalation_ats: Date[];
}

function runCli(args: string[], databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`cli ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

function iso(instants: readonly (Date | null)[]): (string | null)[] {
  return instants.map((at) => at?.toISOString() ?? null);
}

describe('national seed dating', () => {
  const run = readRunSettings();
  const databaseName = `${run.databaseName}_national`;
  const scratchUrl = new URL(run.adminDatabaseUrl);
  scratchUrl.pathname = `/${databaseName}`;
  let admin: DataSource;
  let scratch: DataSource;

  beforeAll(async () => {
    admin = await new DataSource({ type: 'postgres', url: run.adminDatabaseUrl, extra: { max: 1 } }).initialize();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    // As the owner (the seed's VACUUM needs it); the command runs the migrations and loads the reference data.
    await runCli(['seed', '--national', '--scale', SCALE], scratchUrl.toString());
    scratch = await new DataSource({ type: 'postgres', url: scratchUrl.toString(), extra: { max: 1 } }).initialize();
  });

  afterAll(async () => {
    await scratch?.destroy();
    await admin?.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin?.destroy();
  });

  it('dates every catalogue task of a first sentence as the planner would, squeezed plans included', async () => {
    const catalogue = new Map(
      (await scratch.query<CatalogueRow[]>(`SELECT * FROM task_catalogue`)).map((row) => [row.key, row]),
    );
    // Women in custody on their first sentence: her plan's anchors are the dates stored on her row.
    const tasks = await scratch.query<DatedTaskRow[]>(
      `SELECT t.id, t.template_key, t.created_at, to_char(w.release_date, 'YYYY-MM-DD') AS release_date,
              to_char(w.reception_date, 'YYYY-MM-DD') AS reception_date, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
              t.due_at, t.at_risk_at, t.escalation_ats
       FROM tasks t JOIN women w ON w.id = t.woman_id
       WHERE t.subject_id IS NULL AND w.custody_status = $1
         AND NOT EXISTS (SELECT 1 FROM releases r WHERE r.woman_id = w.id)
       ORDER BY t.id`,
      [CustodyStatus.SENTENCED],
    );
    expect(tasks.length).toBeGreaterThan(1000);

    let squeezed = 0;
    const mismatches: string[] = [];
    for (const task of tasks) {
      const entry = catalogue.get(task.template_key);
      if (!entry) throw new Error(`Task ${task.id} has template ${task.template_key}, which is not in the catalogue`);
      const template = {
        deadline: { anchor: entry.deadline_anchor, offset: entry.deadline_offset, unit: entry.deadline_unit },
        atRiskLeadWorkingDays: entry.at_risk_lead_working_days,
      };
      const anchors = {
        releaseDate: task.release_date,
        receptionDate: task.reception_date,
        needIdentifiedAt: task.created_at,
      };
      const expected = plannedDeadline(template, anchors, londonDateOf(task.created_at));
      if (expected?.dueDate !== plannedDeadline(template, anchors, null)?.dueDate) squeezed += 1;
      const want = {
        dueDate: expected?.dueDate ?? null,
        instants: iso([expected?.dueAt ?? null, expected?.atRiskAt ?? null]),
        escalations: iso(expected ? escalationInstants(expected.dueDate, entry.escalation_ladder) : []),
      };
      const got = {
        dueDate: task.due_date,
        instants: iso([task.due_at, task.at_risk_at]),
        escalations: iso(task.escalation_ats),
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        mismatches.push(
          `${task.template_key} ${JSON.stringify(anchors)}: seeded ${JSON.stringify(got)}, domain ${JSON.stringify(want)}`,
        );
      }
    }
    expect(squeezed).toBeGreaterThan(0);
    expect(mismatches.slice(0, 10)).toEqual([]);
  });
});
