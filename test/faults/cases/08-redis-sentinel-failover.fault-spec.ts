/**
 * Case 8: Redis behind Sentinel (a primary, a replica, three Sentinels), and the primary killed (SIGKILL) while two
 * gateways, the worker and the API run through the Sentinels (REDIS_SENTINELS, REDIS_SENTINEL_NAME), tasks keep
 * changing and thresholds are queued: the Sentinels promote the replica, every app follows the promotion, writes go
 * on, every board catches up, and every alert exists once (PostgreSQL is the truth: a job lost between the primary's
 * last write and the replica's copy is rebuilt from it, or raised by the reconciler).
 */
import { instantJobId, Role } from '@app/domain';
import { AppProcess } from '../../setup/app-process';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, assertClean, expectedSeqs, tallyAlerts, tallyDeliveries } from '../support/checker';
import { dueAt, FaultDb, plantWoman, signedInUser } from '../support/fixtures';
import { BoardFollower } from '../support/followers';
import { WriteLoad } from '../support/load';
import { killRedisServer } from '../support/redis-server';
import { SentinelTopology } from '../support/redis-sentinel';
import { recordResult } from '../support/results';
import { Stack, within } from '../support/stack';

const ROOMS = ['prison:STI'];
const WOMEN = 5;

describe('case 8: the Redis primary killed behind Sentinel', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const followers: BoardFollower[] = [];
  let topology: SentinelTopology;
  let api: AppProcess;
  let load: WriteLoad | undefined;
  let gateways: AppProcess[];

  beforeAll(async () => {
    topology = await SentinelTopology.start();
    const env = topology.appEnvironment();
    api = await stack.api(env);
    gateways = await Promise.all([stack.gateway(env), stack.gateway(env)]);
    await stack.worker(env);
  });

  afterAll(async () => {
    await load?.stop();
    followers.forEach((f) => f.close());
    await stack.stop();
    await topology?.stop();
    await db.close();
  });

  /** Whether the instant's job waits among the delayed jobs on whichever server is primary now. */
  async function instantQueued(at: Date): Promise<boolean> {
    const redis = topology.client();
    try {
      const jobId = instantJobId(BigInt(at.getTime()) * 1000n);
      return (await redis.zscore(`${run.redisPrefix}:bull:deadlines:delayed`, jobId)) !== null;
    } finally {
      redis.disconnect();
    }
  }

  it('follows the promotion, catches every board up and raises each alert once', async () => {
    expect(await topology.primaryNow()).toBe(topology.primaryPort);
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const planted = [];
    for (let i = 0; i < WOMEN; i += 1) planted.push(await plantWoman(api.url, prt));
    const taskIds = planted.flatMap((w) => w.taskIds);
    const baseline = await db.maxOutboxId();
    for (const gateway of gateways) followers.push(await BoardFollower.follow(gateway.url, prt.token, ROOMS, baseline));

    // Thresholds twenty seconds away: queued on the primary now, due after the failover.
    const dueTime = Date.now() + 20_000;
    await dueAt(
      db,
      taskIds.map((taskId) => ({ taskId, at: new Date(dueTime) })),
    );
    await within('the horizon queuing the thresholds', () => instantQueued(new Date(dueTime)), 15_000);

    const writes = new WriteLoad(prt.api, taskIds, 2, 50);
    load = writes;
    await within('writes under way', () => writes.written >= 5, 15_000);
    await killRedisServer(topology.primaryPort);
    const killedAt = Date.now();
    const promotedMs = await within(
      'the Sentinels promoting the replica',
      async () => (await topology.primaryNow()) === topology.replicaPort,
      30_000,
    );
    await within(
      'writes after the promotion',
      () => writes.records.some((r) => r.at > killedAt + promotedMs && r.status === 201),
      30_000,
    );
    await within('the deadline jobs on the new primary', () => instantQueued(new Date(dueTime)), 30_000);
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
    const recoveryMs = Date.now() - killedAt;
    const deliveries = tallyDeliveries(followers, expected);
    const alerts = await tallyAlerts(db, taskIds, new Date());
    recordResult({
      case: '8. Redis primary SIGKILL behind Sentinel',
      eventsChecked: deliveries.checked + alerts.expected,
      lost: deliveries.lost + alerts.lost,
      doubled: deliveries.doubled + alerts.doubled + alerts.unexpected,
      outOfOrder: deliveries.outOfOrder,
      recoveryMs: promotedMs,
      note: `kill to replica promoted; ${recoveryMs} ms to every board caught up after the due time`,
    });
    // Notes are written to PostgreSQL alone: none fails while Redis fails over.
    expect(records.filter((r) => r.status !== 201)).toEqual([]);
    expect(alerts).toEqual({ expected: taskIds.length, lost: 0, doubled: 0, unexpected: 0 });
    assertClean(
      deliveries,
      stack.apps.flatMap((a) => a.output.slice(-10).map((l) => `${a.name}: ${l}`)),
    );
  });
});
