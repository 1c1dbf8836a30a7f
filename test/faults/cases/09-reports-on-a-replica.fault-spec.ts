/**
 * Case 9: the reports read from a PostgreSQL streaming replica (DATABASE_REPLICA_URL) while every write, and every
 * read that must see it, goes to the primary. The replica is built here: `pg_basebackup -R` from the suite's own
 * primary into a second data directory, started on a port of its own. With the replica's replay paused (a lagging
 * replica, made on demand), a woman added through the API is at once in her record (the primary) and not yet in
 * the governor's overdue report (the replica), which says it read from the replica and how far behind it was; once
 * replay resumes, the report catches up.
 */
import { Role, type ReportResult } from '@app/contracts';
import { freePort } from '../../../scripts/supervisor';
import { AppProcess } from '../../setup/app-process';
import { readFaultRunSettings } from '../setup/fault-settings';
import { dueAt, FaultDb, plantWoman, signedInUser } from '../support/fixtures';
import {
  basebackupReplica,
  PostgresServer,
  removePostgresServer,
  startPostgresServer,
  stopPostgresServer,
} from '../support/postgres-server';
import { recordResult } from '../support/results';
import { Stack, within } from '../support/stack';

function onPort(url: string, port: number): string {
  const moved = new URL(url);
  moved.port = String(port);
  return moved.toString();
}

describe('case 9: reports on a streaming replica', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  let replica: PostgresServer;
  let replicaAdmin: FaultDb;
  let api: AppProcess;

  beforeAll(async () => {
    replica = basebackupReplica(run.postgres, await freePort());
    startPostgresServer(replica);
    replicaAdmin = new FaultDb(onPort(run.ownerDatabaseUrl, replica.port));
    const [{ recovery }] = await replicaAdmin.query<{ recovery: boolean }>('SELECT pg_is_in_recovery() AS recovery');
    expect(recovery).toBe(true);
    api = await stack.api({ DATABASE_REPLICA_URL: onPort(run.databaseUrl, replica.port) });
  });

  afterAll(async () => {
    await replicaAdmin?.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    await stack.stop();
    await replicaAdmin?.close();
    if (replica) {
      stopPostgresServer(replica, 'immediate');
      removePostgresServer(replica);
    }
    await db.close();
  });

  it('serves reports from the replica, says how far behind it was, while writes go to the primary', async () => {
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const governor = await signedInUser(db, api.url, Role.GOVERNOR, ['STI']);
    const report = async (): Promise<{ taskIds: Set<string>; readFrom: ReportResult['readFrom']; notes: string[] }> => {
      const { status, body } = await governor.api.get<ReportResult>(
        '/reports/overdue-work/tasks?prison=STI&limit=1000',
      );
      if (status !== 200) throw new Error(`overdue tasks report answered ${status}`);
      const ids = body.tables[0].rows.map((r) => String(r.taskId));
      return { taskIds: new Set(ids), readFrom: body.readFrom, notes: body.notes };
    };
    const overdueNow = (taskIds: string[]) =>
      dueAt(
        db,
        taskIds.map((taskId) => ({ taskId, at: new Date(Date.now() - 3_600_000) })),
      );

    const first = await plantWoman(api.url, prt);
    await overdueNow(first.taskIds);
    await within(
      'the first woman overdue in the report',
      async () => {
        const r = await report();
        return first.taskIds.every((id) => r.taskIds.has(id));
      },
      30_000,
    );
    const caughtUp = await report();
    expect(caughtUp.readFrom.server).toBe('replica');
    expect(caughtUp.notes.some((n) => n.startsWith('Read from the reporting replica'))).toBe(true);

    // A replica falling behind, on demand: replay paused, the stream still received.
    await replicaAdmin.query('SELECT pg_wal_replay_pause()');
    const second = await plantWoman(api.url, prt);
    await overdueNow(second.taskIds);
    // The API reads its own writes from the primary: her record is there at once.
    expect((await prt.api.get(`/women/${second.womanId}`)).status).toBe(200);
    await within('the replica behind the primary', async () => (await report()).readFrom.behindSeconds > 0, 30_000);
    const behind = await report();
    expect(behind.readFrom.server).toBe('replica');
    expect(second.taskIds.filter((id) => behind.taskIds.has(id))).toEqual([]);
    expect(first.taskIds.every((id) => behind.taskIds.has(id))).toBe(true);

    await replicaAdmin.query('SELECT pg_wal_replay_resume()');
    const resumedAt = Date.now();
    await within(
      'the report catching up once replay resumes',
      async () => {
        const r = await report();
        return second.taskIds.every((id) => r.taskIds.has(id));
      },
      30_000,
    );
    const checked = first.taskIds.length + second.taskIds.length;
    recordResult({
      case: '9. reports on a replica, replay paused',
      eventsChecked: checked,
      lost: 0,
      doubled: 0,
      outOfOrder: 0,
      recoveryMs: Date.now() - resumedAt,
      note: `replica ${behind.readFrom.behindSeconds} s behind while paused; resume to the report caught up`,
    });
  });
});
