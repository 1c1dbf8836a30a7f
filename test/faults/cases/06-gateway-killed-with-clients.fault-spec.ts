/**
 * Case 6: a gateway killed with SIGKILL with 500 clients attached (half on each of two gateways, behind a
 * balancer): the dead gateway's clients reconnect through the balancer to the other one and catch up by replay,
 * with no gap, while changes keep being made.
 */
import { Role } from '@app/domain';
import { AppProcess } from '../../setup/app-process';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, assertClean, expectedSeqs, tallyDeliveries } from '../support/checker';
import { FaultDb, plantWoman, signedInUser } from '../support/fixtures';
import { Balancer } from '../support/balancer';
import { BoardFollower } from '../support/followers';
import { WriteLoad } from '../support/load';
import { recordResult } from '../support/results';
import { Stack, within } from '../support/stack';

const CLIENTS = 500;
const ROOMS = ['prison:STI'];

describe('case 6: a gateway killed with 500 clients attached', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const followers: BoardFollower[] = [];
  let api: AppProcess;
  let load: WriteLoad | undefined;
  let gateways: AppProcess[];
  let balancer: Balancer;

  beforeAll(async () => {
    api = await stack.api();
    gateways = await Promise.all([stack.gateway(), stack.gateway()]);
    await stack.worker();
    balancer = new Balancer(gateways.map((g) => g.port));
    await balancer.listen();
  });

  afterAll(async () => {
    // A case that failed midway must not leave its writers looping (Jest would never exit).
    await load?.stop();
    followers.forEach((f) => f.close());
    await balancer?.close();
    await stack.stop();
    await db.close();
  });

  it('moves every client to the other gateway, caught up with no gap', async () => {
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const { taskIds } = await plantWoman(api.url, prt);
    const baseline = await db.maxOutboxId();
    for (let i = 0; i < CLIENTS; i += 50) {
      followers.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, () => BoardFollower.follow(balancer.url, prt.token, ROOMS, baseline)),
        )),
      );
    }

    const writes = new WriteLoad(prt.api, taskIds, 1, 100);
    load = writes;
    await within('writes under way', () => writes.written >= 5, 20_000);
    await gateways[0].stop('SIGKILL');
    const killedAt = Date.now();
    const moved = () => followers.filter((f) => f.connections >= 2);
    await within('the dead gateway’s clients reconnecting', () => moved().length >= CLIENTS / 2, 60_000);
    await within(
      'writes after the reconnections',
      () => writes.records.some((r) => r.at > Date.now() - 500 && r.status === 201),
      20_000,
    );
    await writes.stop();

    await prt.api.post(`/tasks/${taskIds[0]}/notes`, { body: 'sentinel' });
    const expected = await expectedSeqs(db, ROOMS, baseline, await db.maxOutboxId());
    await allApplied(followers, expected, 60_000);
    const recoveryMs = Date.now() - killedAt;
    const tally = tallyDeliveries(followers, expected);
    recordResult({
      case: `6. gateway SIGKILL with ${CLIENTS} clients (${moved().length} moved)`,
      eventsChecked: tally.checked,
      lost: tally.lost,
      doubled: tally.doubled,
      outOfOrder: tally.outOfOrder,
      recoveryMs,
    });
    expect(moved().length).toBe(CLIENTS / 2);
    assertClean(tally);
  });
});
