/**
 * Case 7: the same HMPPS event delivered ten times at once (a forwarder retrying, several consumers): applied
 * once. Her release is one row, one audit entry and one set of board events, and every board shows it once.
 */
import { Role } from '@app/domain';
import { ApiClient } from '../../setup/api-client';
import { AppProcess } from '../../setup/app-process';
import { hmppsEventsToken } from '../../setup/run-settings';
import { uniqueSuffix } from '../../factories';
import { readFaultRunSettings } from '../setup/fault-settings';
import { allApplied, assertClean, expectedSeqs, tallyDeliveries } from '../support/checker';
import { FaultDb, plantWoman, signedInUser } from '../support/fixtures';
import { BoardFollower } from '../support/followers';
import { recordResult } from '../support/results';
import { Stack } from '../support/stack';

const ROOMS = ['prison:STI'];

describe('case 7: one HMPPS event delivered ten times concurrently', () => {
  const run = readFaultRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const followers: BoardFollower[] = [];
  let api: AppProcess;
  let gateway: AppProcess;

  beforeAll(async () => {
    api = await stack.api();
    [gateway] = await Promise.all([stack.gateway(), stack.worker()]);
  });

  afterAll(async () => {
    followers.forEach((f) => f.close());
    await stack.stop();
    await db.close();
  });

  it('applies it once: one release, one audit entry, one set of board events, each seen once', async () => {
    const prt = await signedInUser(db, api.url, Role.PRE_RELEASE_TEAM, ['STI']);
    const woman = await plantWoman(api.url, prt);
    const baseline = await db.maxOutboxId();
    followers.push(await BoardFollower.follow(gateway.url, prt.token, ROOMS, baseline));

    const hmpps = new ApiClient(api.url, hmppsEventsToken(run));
    const event = {
      eventId: `fault-${uniqueSuffix()}`,
      eventType: 'prison-offender-events.prisoner.released',
      occurredAt: new Date().toISOString(),
      additionalInformation: { nomsNumber: woman.prisonNumber, reason: 'RELEASED', prisonId: 'STI' },
    };
    const started = Date.now();
    const receipts = await Promise.all(
      Array.from({ length: 10 }, () =>
        hmpps.post<{ duplicate: boolean; outcome: string }>('/hmpps/domain-events', event),
      ),
    );
    const appliedMs = Date.now() - started;
    expect(receipts.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(receipts.filter((r) => !r.body.duplicate)).toHaveLength(1);
    expect(receipts.every((r) => r.body.outcome === 'APPLIED')).toBe(true);

    const count = async (sql: string, params: unknown[]) => Number((await db.query<{ n: string }>(sql, params))[0].n);
    const records = await count('SELECT count(*) AS n FROM hmpps_domain_events WHERE event_id = $1', [event.eventId]);
    const releases = await count('SELECT count(*) AS n FROM releases WHERE woman_id = $1', [woman.womanId]);
    const audits = await count(
      "SELECT count(*) AS n FROM audit_events WHERE woman_id = $1 AND entity_type = 'WOMAN' AND action = 'RELEASED'",
      [woman.womanId],
    );
    expect({ records, releases, audits }).toEqual({ records: 1, releases: 1, audits: 1 });

    // Sentinel: a change made after the deliveries; once it is on the board, any double would be there too.
    await prt.api.post(`/tasks/${(await plantWoman(api.url, prt)).taskIds[0]}/notes`, { body: 'sentinel' });
    const expected = await expectedSeqs(db, ROOMS, baseline, await db.maxOutboxId());
    await allApplied(followers, expected, 30_000);
    const tally = tallyDeliveries(followers, expected);
    recordResult({
      case: '7. HMPPS event x10 concurrently',
      eventsChecked: tally.checked + 3,
      lost: tally.lost + (releases === 0 ? 1 : 0),
      doubled: tally.doubled + (releases - 1) + (audits - 1),
      outOfOrder: tally.outOfOrder,
      recoveryMs: appliedMs,
    });
    assertClean(tally);
  });
});
