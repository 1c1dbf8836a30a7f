/**
 * Case 5: the outbox relay killed between commit and publish (held there by the worker's test-only setting
 * WORKER_RELAY_HOLD_AFTER_READ, so the kill lands in that window every time), while a second worker waits on the
 * relay lock: the second worker takes the lock and publishes each event once, in order.
 */
import { Role } from '@app/domain';
import { AppProcess } from '../../setup/app-process';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, assertClean, expectedSeqs, tallyDeliveries } from '../support/checker';
import { FaultDb, plantWoman, signedInUser } from '../support/fixtures';
import { BoardFollower } from '../support/followers';
import { recordResult } from '../support/results';
import { Stack, within } from '../support/stack';

const ROOMS = ['prison:STI'];
const WRITES = 40;

describe('case 5: the outbox relay killed between commit and publish', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const followers: BoardFollower[] = [];
  let api: AppProcess;
  let gateways: AppProcess[];
  let leader: AppProcess;

  beforeAll(async () => {
    api = await stack.api();
    gateways = await Promise.all([stack.gateway(), stack.gateway()]);
    // The first worker wins the relay lock at start; the second waits on it.
    leader = await stack.worker({ WORKER_RELAY_HOLD_AFTER_READ: 'true' });
    await stack.worker();
  });

  afterAll(async () => {
    followers.forEach((f) => f.close());
    await stack.stop();
    await db.close();
  });

  it('publishes each event once, in order, from the worker that takes over the lock', async () => {
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const { taskIds } = await plantWoman(api.url, prt);
    const baseline = await db.maxOutboxId();
    for (const gateway of gateways) followers.push(await BoardFollower.follow(gateway.url, prt.token, ROOMS, baseline));

    // A burst of committed changes; the leader reads the first batch of them and holds it unpublished.
    await Promise.all(
      Array.from({ length: WRITES }, (_, i) =>
        prt.api.post(`/tasks/${taskIds[i % taskIds.length]}/notes`, { body: `burst ${i}` }),
      ),
    );
    await within('the relay holding a batch', () => leader.output.some((l) => l.includes('relay holding')), 30_000);
    const cursorAtKill = await db.relayCursor();
    await leader.stop('SIGKILL');
    const killedAt = Date.now();

    const committed = await db.maxOutboxId();
    await within(
      'the second worker publishing the held events',
      async () => (await db.relayCursor()) >= committed,
      30_000,
    );
    await prt.api.post(`/tasks/${taskIds[0]}/notes`, { body: 'sentinel' });
    const expected = await expectedSeqs(db, ROOMS, baseline, await db.maxOutboxId());
    await allApplied(followers, expected, 30_000);
    const recoveryMs = Date.now() - killedAt;
    const tally = tallyDeliveries(followers, expected);
    // Published by the second worker: live on each client's one connection, none of them by catch-up.
    const live = followers.every((f) => expected.every((seq) => f.deliveries.some((d) => d.live && d.seq === seq)));
    recordResult({
      case: `5. relay SIGKILL between commit and publish (${committed - cursorAtKill} held)`,
      eventsChecked: tally.checked,
      lost: tally.lost,
      doubled: tally.doubled,
      outOfOrder: tally.outOfOrder,
      recoveryMs,
    });
    expect(cursorAtKill).toBeLessThan(committed);
    expect(live).toBe(true);
    assertClean(tally);
  });
});
