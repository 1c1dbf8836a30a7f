/**
 * Case 3: PostgreSQL restarted (an immediate shutdown: every connection cut) under write load. Meanwhile the API
 * answers 503 saying the database is unavailable, never 500; no change is half-written (every note has its
 * audit entry and board event, and every 201 its note); afterwards writes, the relay and the boards resume in
 * the same processes.
 */
import { Role } from '@app/domain';
import { AppProcess } from '../../setup/app-process';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, assertClean, expectedSeqs, tallyDeliveries } from '../support/checker';
import { FaultDb, plantWoman, signedInUser } from '../support/fixtures';
import { BoardFollower } from '../support/followers';
import { WriteLoad } from '../support/load';
import { startPostgresServer, stopPostgresServer } from '../support/postgres-server';
import { recordResult } from '../support/results';
import { Stack, within } from '../support/stack';

const ROOMS = ['prison:STI'];

describe('case 3: PostgreSQL restarted under write load', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const followers: BoardFollower[] = [];
  let api: AppProcess;
  let load: WriteLoad | undefined;
  let gateway: AppProcess;

  beforeAll(async () => {
    api = await stack.api();
    [gateway] = await Promise.all([stack.gateway(), stack.worker()]);
  });

  afterAll(async () => {
    // A case that failed midway must not leave its writers looping (Jest would never exit).
    await load?.stop();
    followers.forEach((f) => f.close());
    await stack.stop();
    await db.close();
  });

  it('answers 503 with a clear message while it is down, writes nothing by halves, and resumes in the same processes', async () => {
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const { taskIds } = await plantWoman(api.url, prt);
    const baseline = await db.maxOutboxId();
    followers.push(await BoardFollower.follow(gateway.url, prt.token, ROOMS, baseline));

    const writes = new WriteLoad(prt.api, taskIds, 3, 20);
    load = writes;
    await within('writes under way', () => writes.written >= 10, 20_000);
    stopPostgresServer(run.postgres, 'immediate');
    const stoppedAt = Date.now();
    await within(
      'a 503 while the database is down',
      () => writes.records.some((r) => r.at > stoppedAt && r.status === 503),
      30_000,
    );
    startPostgresServer(run.postgres);
    const startedAt = Date.now();
    await within(
      'a write after the restart',
      () => writes.records.some((r) => r.at > startedAt && r.status === 201),
      60_000,
    );
    const resumedMs = Date.now() - startedAt;
    await within(
      'a few more writes',
      () => writes.records.filter((r) => r.at > startedAt && r.status === 201).length >= 5,
      30_000,
    );
    const records = await writes.stop();

    const unavailable = records.filter((r) => r.status === 503);
    const others = records.filter((r) => r.status !== 201 && r.status !== 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(others).toEqual([]);
    expect(new Set(unavailable.map((r) => r.message))).toEqual(
      new Set(['The database is unavailable just now; try again in a moment. A change is saved whole or not at all.']),
    );

    // Never half-written: a note exists with its audit entry (written in its transaction, with its board event), or not at all.
    const notes = await db.query<{ id: string; body: string; audits: string }>(
      `SELECT n.id, n.body, (SELECT count(*) FROM audit_events a WHERE a.after->>'noteId' = n.id::text)::text AS audits
         FROM task_notes n WHERE n.task_id = ANY($1::uuid[])`,
      [taskIds],
    );
    const written = new Set(notes.map((n) => n.body));
    expect(notes.filter((n) => n.audits !== '1')).toEqual([]);
    expect(records.filter((r) => r.status === 201 && !written.has(r.body))).toEqual([]);
    // The same processes, never restarted.
    expect(stack.apps.every((app) => app.running)).toBe(true);

    await prt.api.post(`/tasks/${taskIds[0]}/notes`, { body: 'sentinel' });
    const expected = await expectedSeqs(db, ROOMS, baseline, await db.maxOutboxId());
    await allApplied(followers, expected, 45_000);
    const tally = tallyDeliveries(followers, expected);
    recordResult({
      case: `3. PostgreSQL restarted under writes (${unavailable.length} x 503, 0 x 500)`,
      eventsChecked: tally.checked + notes.length,
      lost: tally.lost + records.filter((r) => r.status === 201 && !written.has(r.body)).length,
      doubled: tally.doubled + notes.filter((n) => Number(n.audits) > 1).length,
      outOfOrder: tally.outOfOrder,
      recoveryMs: resumedMs,
      note: 'database back to the first successful write',
    });
    assertClean(tally);
  });
});
