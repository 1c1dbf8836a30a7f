/**
 * Case 4: the worker killed with SIGKILL in the middle of a batch of threshold jobs (some of the batch's alerts
 * committed, the rest not): after a new worker starts, each alert exists exactly once and every board saw each
 * alert once.
 */
import { Role } from '@app/domain';
import { AppProcess } from '../../setup/app-process';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, assertClean, expectedSeqs, tallyAlerts, tallyDeliveries } from '../support/checker';
import { FaultDb, dueAt, plantWoman, signedInUser } from '../support/fixtures';
import { BoardFollower } from '../support/followers';
import { recordResult } from '../support/results';
import { Stack, within } from '../support/stack';

const WOMEN = 30;
const ROOMS = ['prison:STI'];

describe('case 4: the worker killed in the middle of a batch of threshold jobs', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const followers: BoardFollower[] = [];
  let api: AppProcess;
  let gateway: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    api = await stack.api();
    [gateway, worker] = await Promise.all([stack.gateway(), stack.worker()]);
  });

  afterAll(async () => {
    followers.forEach((f) => f.close());
    await stack.stop();
    await db.close();
  });

  it('raises each alert once after a new worker starts', async () => {
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const planted = [];
    for (let i = 0; i < WOMEN; i += 1) planted.push(await plantWoman(api.url, prt));
    const taskIds = planted.flatMap((w) => w.taskIds);
    const baseline = await db.maxOutboxId();
    followers.push(await BoardFollower.follow(gateway.url, prt.token, ROOMS, baseline));

    // Every task falls due within three seconds, starting five seconds from now: the horizon queues them first.
    const first = Date.now() + 5000;
    await dueAt(
      db,
      taskIds.map((taskId, i) => ({ taskId, at: new Date(first + Math.floor((3000 * i) / taskIds.length)) })),
    );
    const alerts = async () =>
      Number(
        (
          await db.query<{ n: string }>('SELECT count(*) AS n FROM alerts WHERE task_id = ANY($1::uuid[])', [taskIds])
        )[0].n,
      );
    // The sentinel for the kill: the first alerts of the batch have committed.
    await within('the first alerts of the batch', async () => (await alerts()) > 0, 30_000);
    await worker.stop('SIGKILL');
    const killedAt = Date.now();
    const firedBeforeKill = await alerts();
    expect(firedBeforeKill).toBeLessThan(taskIds.length);

    await stack.worker();
    await within('every alert of the batch', async () => (await alerts()) >= taskIds.length, 60_000);
    const recoveryMs = Date.now() - killedAt;

    await prt.api.post(`/tasks/${taskIds[0]}/notes`, { body: 'sentinel' });
    const expected = await expectedSeqs(db, ROOMS, baseline, await db.maxOutboxId());
    await allApplied(followers, expected, 30_000);
    const deliveries = tallyDeliveries(followers, expected);
    const rows = await tallyAlerts(db, taskIds, new Date());
    recordResult({
      case: `4. worker SIGKILL mid-batch (${firedBeforeKill}/${taskIds.length} fired)`,
      eventsChecked: deliveries.checked + rows.expected,
      lost: deliveries.lost + rows.lost,
      doubled: deliveries.doubled + rows.doubled + rows.unexpected,
      outOfOrder: deliveries.outOfOrder,
      recoveryMs,
    });
    expect(rows).toEqual({ expected: taskIds.length, lost: 0, doubled: 0, unexpected: 0 });
    assertClean(deliveries);
  });
});
