/**
 * Case 2: Redis killed (SIGKILL) and restarted empty while two gateways, the worker and the API run and tasks
 * keep changing: the deadline jobs that were in Redis are rebuilt from PostgreSQL and fire once, every board
 * catches up (the gateways re-subscribe; what was published while they could not hear is caught up from the
 * heartbeat), and no alert is lost or doubled.
 */
import Redis from 'ioredis';
import { Role, instantJobId } from '@app/domain';
import { AppProcess } from '../../setup/app-process';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, assertClean, expectedSeqs, tallyAlerts, tallyDeliveries } from '../support/checker';
import { FaultDb, dueAt, plantWoman, signedInUser } from '../support/fixtures';
import { BoardFollower } from '../support/followers';
import { WriteLoad } from '../support/load';
import { killRedisServer, startRedisServer } from '../support/redis-server';
import { recordResult } from '../support/results';
import { Stack, within } from '../support/stack';

const ROOMS = ['prison:STI'];
const WOMEN = 5;

describe('case 2: Redis killed and restarted empty', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const followers: BoardFollower[] = [];
  let api: AppProcess;
  let load: WriteLoad | undefined;
  let gateways: AppProcess[];

  beforeAll(async () => {
    api = await stack.api();
    gateways = await Promise.all([stack.gateway(), stack.gateway()]);
    await stack.worker();
  });

  afterAll(async () => {
    // A case that failed midway must not leave its writers looping (Jest would never exit).
    await load?.stop();
    followers.forEach((f) => f.close());
    await stack.stop();
    await db.close();
  });

  /** Whether the job of this instant (every threshold then, swept at once) waits among the delayed jobs. */
  async function instantQueued(at: Date): Promise<boolean> {
    const redis = new Redis(run.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const jobId = instantJobId(BigInt(at.getTime()) * 1000n);
      return (await redis.zscore(`${run.redisPrefix}:bull:deadlines:delayed`, jobId)) !== null;
    } finally {
      redis.disconnect();
    }
  }

  it('rebuilds the deadlines, catches every board up and raises each alert once', async () => {
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const planted = [];
    for (let i = 0; i < WOMEN; i += 1) planted.push(await plantWoman(api.url, prt));
    const taskIds = planted.flatMap((w) => w.taskIds);
    const baseline = await db.maxOutboxId();
    for (const gateway of gateways) followers.push(await BoardFollower.follow(gateway.url, prt.token, ROOMS, baseline));

    // Thresholds twenty seconds away: queued in Redis now, lost with it, and due after it is back.
    const dueTime = Date.now() + 20_000;
    await dueAt(
      db,
      taskIds.map((taskId) => ({ taskId, at: new Date(dueTime) })),
    );
    await within('the horizon queuing the thresholds', () => instantQueued(new Date(dueTime)), 15_000);

    const writes = new WriteLoad(prt.api, taskIds, 2, 50);
    load = writes;
    await within('writes under way', () => writes.written >= 5, 15_000);
    await killRedisServer(run.redisPort);
    await startRedisServer(run.redisPort);
    const restartedAt = Date.now();
    const rebuiltMs = await within('the deadline jobs rebuilt', () => instantQueued(new Date(dueTime)), 30_000);
    await within(
      'writes after the restart',
      () => writes.records.some((r) => r.at > restartedAt && r.status === 201),
      30_000,
    );
    const records = await writes.stop();

    await within(
      'every alert, after the due time',
      async () => {
        const tally = await tallyAlerts(db, taskIds, new Date());
        return tally.expected === taskIds.length && tally.lost === 0;
      },
      60_000,
    );
    await prt.api.post(`/tasks/${taskIds[0]}/notes`, { body: 'sentinel' });
    const expected = await expectedSeqs(db, ROOMS, baseline, await db.maxOutboxId());
    await allApplied(followers, expected, 45_000);
    const recoveryMs = Date.now() - restartedAt;
    const deliveries = tallyDeliveries(followers, expected);
    const alerts = await tallyAlerts(db, taskIds, new Date());
    recordResult({
      case: '2. Redis SIGKILL, restarted empty',
      eventsChecked: deliveries.checked + alerts.expected,
      lost: deliveries.lost + alerts.lost,
      doubled: deliveries.doubled + alerts.doubled + alerts.unexpected,
      outOfOrder: deliveries.outOfOrder,
      recoveryMs: rebuiltMs,
      note: `restart to deadline jobs rebuilt; ${recoveryMs} ms to every board caught up after the due time`,
    });
    expect(records.filter((r) => r.status !== 201)).toEqual([]);
    expect(alerts).toEqual({ expected: taskIds.length, lost: 0, doubled: 0, unexpected: 0 });
    assertClean(
      deliveries,
      stack.apps.flatMap((a) => a.output.slice(-10).map((l) => `${a.name}: ${l}`)),
    );
  });
});
