/**
 * Case 1: a gateway started twenty times in a row on a machine with a core taken by a CPU-burning process (the
 * conditions of the ioredis#2037 start-up race): every start must be subscribed (Redis lists its subscriber with
 * its subscriptions) and delivering (a change made through the API reaches a client connected to it).
 */
import Redis from 'ioredis';
import { Role } from '@app/domain';
import { AppProcess } from '../../setup/app-process';
import { uniqueSuffix } from '../../factories';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, expectedSeqs, tallyDeliveries } from '../support/checker';
import { FaultDb, FaultUser, plantWoman, signedInUser } from '../support/fixtures';
import { BoardFollower } from '../support/followers';
import { CpuBurner, burnCpu } from '../support/load';
import { recordResult } from '../support/results';
import { Stack } from '../support/stack';

const STARTS = 20;

// Twenty Nest starts with a core taken: minutes on a busy two-core machine.
jest.setTimeout(900_000);
const ROOMS = ['prison:STI'];

describe('case 1: gateway start under CPU load', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const redis = new Redis(run.redisUrl, { maxRetriesPerRequest: 1 });
  let burner: CpuBurner;
  let api: AppProcess;
  let prt: FaultUser;

  beforeAll(async () => {
    api = await stack.api();
    await stack.worker();
    prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    burner = burnCpu(1);
  });

  afterAll(async () => {
    await burner?.stop();
    await stack.stop();
    redis.disconnect();
    await db.close();
  });

  async function subscriptions(name: string): Promise<{ psub: number; sub: number } | null> {
    const list = (await redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    const line = list.split('\n').find((l) => l.includes(` name=${name} `));
    if (!line) return null;
    const field = (key: string) => Number(new RegExp(`(?:^| )${key}=(\\d+)`).exec(line)?.[1] ?? 0);
    return { psub: field('psub'), sub: field('sub') };
  }

  it(`subscribes and delivers on each of ${STARTS} starts in a row`, async () => {
    const { taskIds } = await plantWoman(api.url, prt);
    let checked = 0;
    let lost = 0;
    let doubled = 0;
    let outOfOrder = 0;
    let slowest = 0;
    const failures: string[] = [];
    for (let start = 1; start <= STARTS; start += 1) {
      const name = `fault-start-${start}-${uniqueSuffix()}`;
      const spawnedAt = Date.now();
      const gateway = await stack.gateway({ GATEWAY_NAME: name });
      const follower = await BoardFollower.follow(gateway.url, prt.token, ROOMS, await db.maxOutboxId());
      try {
        const listed = await subscriptions(`${run.redisPrefix}:gateway:${name}:sub`);
        if (!listed || listed.psub === 0 || listed.sub === 0)
          failures.push(`start ${start}: subscriber listed as ${JSON.stringify(listed)}`);
        const baseline = await db.maxOutboxId();
        const note = await prt.api.post(`/tasks/${taskIds[start % taskIds.length]}/notes`, { body: `start ${start}` });
        if (note.status !== 201) failures.push(`start ${start}: note answered ${note.status}`);
        const expected = await expectedSeqs(db, ROOMS, baseline, await db.maxOutboxId());
        // Delivered live, not by the heartbeat's catch-up: a deaf gateway must fail this case.
        const delivered = await allApplied([follower], expected, 15_000);
        const live = expected.every((seq) => follower.deliveries.some((d) => d.seq === seq && d.live));
        if (!delivered || !live)
          failures.push(`start ${start}: the change reached its client ${delivered ? 'only by catch-up' : 'never'}`);
        const tally = tallyDeliveries([follower], expected);
        checked += tally.checked;
        lost += tally.lost;
        doubled += tally.doubled;
        outOfOrder += tally.outOfOrder;
        slowest = Math.max(slowest, Date.now() - spawnedAt);
      } finally {
        follower.close();
        await gateway.stop();
      }
    }
    recordResult({
      case: `1. gateway start under CPU load x${STARTS}`,
      eventsChecked: checked,
      lost,
      doubled,
      outOfOrder,
      recoveryMs: slowest,
      note: 'slowest start to first delivery',
    });
    expect(failures).toEqual([]);
    expect({ lost, doubled, outOfOrder }).toEqual({ lost: 0, doubled: 0, outOfOrder: 0 });
  });
});
