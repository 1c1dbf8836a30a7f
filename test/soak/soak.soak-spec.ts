/**
 * The multi-instance soak (`npm run soak`; SOAK_MINUTES, default 10, and `.ci/run` runs 2): the whole service as a
 * deployment runs it, as separate processes on one machine: 2 API processes behind a round-robin TCP proxy, 3
 * gateways behind another, 2 workers, one PostgreSQL and one Redis; 1,000 clients (most following the prison's
 * board, some a CRS provider's); a steady mix of writes (soak-load.ts); thresholds falling due throughout; and one
 * gateway and one worker killed (SIGKILL) and restarted during the run. At the end the checker proves that every
 * client saw every event of its rooms once and in order, every alert exists once, no write was lost (the load's
 * write log against the database), and prints the API's and live delivery's latencies as a table (also written to
 * artifacts/soak/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Role } from '@app/domain';
import { openOwnerConnection } from '../setup/database-connections';
import { AppProcess } from '../setup/app-process';
import { readRunSettings } from '../setup/run-settings';
import {
  createProvider,
  createReleaseArea,
  createSignedInUser,
  createWoman,
  recordNeeds,
  SignedInUser,
  TestProvider,
} from '../factories';
import { Balancer } from '../faults/support/balancer';
import { allApplied, AlertTally, expectedSeqs, tallyAlerts, tallyDeliveries, Tally } from '../faults/support/checker';
import { dueAt, FaultDb } from '../faults/support/fixtures';
import { BoardFollower } from '../faults/support/followers';
import { Stack, within } from '../faults/support/stack';
import { Expectations, LoadWoman, SoakLoad, WriteKind } from './soak-load';
import { percentile, readSoakSettings } from './soak-settings';

const settings = readSoakSettings();
const DURATION_MS = settings.minutes * 60_000;
/** A batch of thresholds falls due this often, a few seconds after it is set. */
const THRESHOLD_EVERY_MS = 5000;
const THRESHOLDS_PER_BATCH = 2;
const PROVIDER_CLIENT_SHARE = 0.1;
const CONNECT_BATCH = 50;

jest.setTimeout(DURATION_MS + 15 * 60_000);

interface Group {
  room: string;
  followers: BoardFollower[];
}

function ms(value: number | null): string {
  return value === null ? '-' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

describe(`soak: ${settings.minutes} min, ${settings.clients} clients, ${settings.opsPerSecond} writes/s`, () => {
  const run = readRunSettings();
  const stack = new Stack();
  const db = new FaultDb(run.databaseUrl);
  const balancers: Balancer[] = [];
  const groups: Group[] = [];
  let owner: DataSource;
  let load: SoakLoad | undefined;
  let thresholdTimer: NodeJS.Timeout | undefined;

  afterAll(async () => {
    clearInterval(thresholdTimer);
    await load?.stop();
    groups.forEach((g) => g.followers.forEach((f) => f.close()));
    await stack.stop();
    await Promise.all(balancers.map((b) => b.close()));
    await owner?.destroy();
    await db.close();
  });

  it('delivers every event once and in order, raises each alert once and loses no write', async () => {
    owner = await openOwnerConnection();
    const apis = [await stack.api(), await stack.api()];
    const apiBalancer = new Balancer(apis.map((a) => a.port));
    balancers.push(apiBalancer);
    const apiUrl = await apiBalancer.listen();
    const gateways: AppProcess[] = [await stack.gateway(), await stack.gateway(), await stack.gateway()];
    const gatewayBalancer = new Balancer(gateways.map((g) => g.port));
    balancers.push(gatewayBalancer);
    const gatewayUrl = await gatewayBalancer.listen();
    const workers = [await stack.worker(), await stack.worker()];

    // The people and the caseload.
    const provider: TestProvider = await createProvider(owner);
    const area = await createReleaseArea(owner, provider.id);
    const make = (role: Role, extra: { prisonCodes?: string[]; providerId?: string } = {}) =>
      createSignedInUser(owner, apiUrl, { role, ...extra });
    const prt: SignedInUser = await make(Role.PRE_RELEASE_TEAM, { prisonCodes: ['STI'] });
    const com: SignedInUser = await make(Role.COM);
    const caseworker: SignedInUser = await make(Role.CRS_CASEWORKER, { providerId: provider.id });
    const plant = async (): Promise<LoadWoman> => {
      const woman = await createWoman(apiUrl, prt.token, { releaseAreaCode: area.code, comId: com.id });
      const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID']);
      const taskIds = tasksCreated.filter((t) => t.ownerRole === Role.PRE_RELEASE_TEAM).map((t) => t.id);
      return { id: woman.id, taskIds, released: false, referred: false };
    };
    const working: LoadWoman[] = [];
    for (let i = 0; i < 20; i += 1) working.push(await plant());
    // Tasks whose deadlines the schedule below brings due, one threshold each, never closed by the load.
    const thresholdsNeeded = Math.ceil(DURATION_MS / THRESHOLD_EVERY_MS) * THRESHOLDS_PER_BATCH;
    const quiet: string[] = [];
    while (quiet.length < thresholdsNeeded) quiet.push(...(await plant()).taskIds);

    // The clients, through the gateway balancer, from this point of the outbox on.
    const baseline = await db.maxOutboxId();
    const providerClients = Math.round(settings.clients * PROVIDER_CLIENT_SHARE);
    const plan: { room: string; token: string; count: number }[] = [
      { room: 'prison:STI', token: prt.token, count: settings.clients - providerClients },
      { room: `provider:${provider.id}`, token: caseworker.token, count: providerClients },
    ];
    for (const { room, token, count } of plan) {
      const group: Group = { room, followers: [] };
      groups.push(group);
      for (let i = 0; i < count; i += CONNECT_BATCH) {
        const batch = Math.min(CONNECT_BATCH, count - i);
        group.followers.push(
          ...(await Promise.all(
            Array.from({ length: batch }, () => BoardFollower.follow(gatewayUrl, token, [room], baseline)),
          )),
        );
      }
    }

    // The run: writes at a steady rate, thresholds falling due throughout, a gateway and a worker killed.
    const started = Date.now();
    const soakLoad = new SoakLoad(apiUrl, prt, com, area.code, working, quiet);
    load = soakLoad;
    soakLoad.start(settings.opsPerSecond);
    const scheduled: string[] = [];
    const dueTimes: number[] = [];
    thresholdTimer = setInterval(() => {
      const batch = quiet.slice(scheduled.length, scheduled.length + THRESHOLDS_PER_BATCH);
      if (batch.length === 0) return;
      scheduled.push(...batch);
      const at = Date.now() + 3000 + Math.floor(Math.random() * 5000);
      dueTimes.push(at);
      void dueAt(
        db,
        batch.map((taskId) => ({ taskId, at: new Date(at) })),
      );
    }, THRESHOLD_EVERY_MS);

    const faults: string[] = [];
    const at = (fraction: number) =>
      new Promise((resolve) => setTimeout(resolve, started + DURATION_MS * fraction - Date.now()));
    await at(0.35);
    const killedGateway = gateways[1];
    await killedGateway.stop('SIGKILL');
    const gatewayBack = await stack.gateway({}, killedGateway.port);
    faults.push(`gateway SIGKILL at ${Math.round((Date.now() - started) / 1000)} s, back on its port`);
    await at(0.65);
    await workers[0].stop('SIGKILL');
    workers[0] = await stack.worker();
    faults.push(`worker SIGKILL at ${Math.round((Date.now() - started) / 1000)} s, a new one started`);
    await at(1);
    clearInterval(thresholdTimer);
    await soakLoad.stop();
    const runMs = Date.now() - started;

    // The checker.
    const lastDue = Math.max(...dueTimes, Date.now());
    await within(
      'every scheduled threshold raised',
      async () => {
        const tally = await tallyAlerts(db, scheduled, new Date());
        return Date.now() > lastDue && tally.lost === 0;
      },
      120_000,
    );
    const sentinel = await prt.api.post(`/tasks/${quiet[0]}/notes`, { body: 'soak sentinel' });
    expect(sentinel.status).toBe(201);
    const upTo = await db.maxOutboxId();
    const deliveries: { room: string; events: number; tally: Tally }[] = [];
    for (const group of groups) {
      const expected = await expectedSeqs(db, [group.room], baseline, upTo);
      await allApplied(group.followers, expected, 120_000);
      deliveries.push({ room: group.room, events: expected.length, tally: tallyDeliveries(group.followers, expected) });
    }
    const alerts: AlertTally = await tallyAlerts(db, scheduled, new Date());
    const lostWrites = await missingWrites(db, soakLoad.expected);

    // Latencies: the API's (each write as the load saw it) and live delivery's (commit to each client).
    const committed = new Map(
      (
        await db.query<{ id: string; at: Date }>(
          'SELECT id::text AS id, created_at AS at FROM outbox_events WHERE id > $1 AND id <= $2',
          [baseline, upTo],
        )
      ).map((r) => [Number(r.id), r.at.getTime()]),
    );
    const liveMs = groups.flatMap((g) =>
      g.followers.flatMap((f) =>
        f.deliveries.filter((d) => d.live && committed.has(d.seq)).map((d) => d.at - (committed.get(d.seq) as number)),
      ),
    );
    const records = soakLoad.records;
    const kinds: WriteKind[] = [...new Set(records.map((r) => r.kind))].sort();
    const failed = records.filter((r) => !r.ok);
    const lines = [
      `Soak, ${new Date().toISOString().slice(0, 10)}: ${settings.minutes} min (${Math.round(runMs / 1000)} s of load), ` +
        `${settings.clients} clients, ${settings.opsPerSecond} writes/s started; 2 api, 3 gateways, 2 workers. ` +
        `Faults: ${faults.join('; ')}.`,
      '',
      '| figure | value |',
      '| --- | --- |',
      `| writes | ${records.length} (${failed.length} failed) |`,
      ...kinds.map((kind) => {
        const ms_ = records.filter((r) => r.kind === kind).map((r) => r.ms);
        return `| API ${kind}: count, p50, p99 | ${ms_.length}, ${ms(percentile(ms_, 50))}, ${ms(percentile(ms_, 99))} |`;
      }),
      `| API all writes p50 / p99 | ${ms(
        percentile(
          records.map((r) => r.ms),
          50,
        ),
      )} / ${ms(
        percentile(
          records.map((r) => r.ms),
          99,
        ),
      )} |`,
      `| live deliveries (commit to client) | ${liveMs.length} |`,
      `| live delivery p50 / p99 / max | ${ms(percentile(liveMs, 50))} / ${ms(percentile(liveMs, 99))} / ${ms(percentile(liveMs, 100))} |`,
      ...deliveries.map(
        (d) =>
          `| ${d.room}: events, client deliveries checked, lost, doubled, out of order | ${d.events}, ${d.tally.checked}, ` +
          `${d.tally.lost}, ${d.tally.doubled}, ${d.tally.outOfOrder} |`,
      ),
      `| thresholds due, alerts lost, doubled, unexpected | ${alerts.expected}, ${alerts.lost}, ${alerts.doubled}, ${alerts.unexpected} |`,
      `| writes missing from PostgreSQL | ${lostWrites.length} |`,
      `| gateway back after its kill | ${gatewayBack.running ? 'yes' : 'no'} |`,
    ];
    const table = lines.join('\n');
    const dir = join(__dirname, '..', '..', 'artifacts', 'soak');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.md`), `${table}\n`);
    process.stdout.write(`\n${table}\n\n`);

    expect({
      failed: failed.map((r) => `${r.kind} ${r.status} ${r.detail}`).slice(0, 10),
      lostWrites: lostWrites.slice(0, 10),
    }).toEqual({ failed: [], lostWrites: [] });
    expect(alerts).toEqual({ expected: scheduled.length, lost: 0, doubled: 0, unexpected: 0 });
    for (const d of deliveries) {
      expect({
        room: d.room,
        lost: d.tally.lost,
        doubled: d.tally.doubled,
        outOfOrder: d.tally.outOfOrder,
        details: d.tally.details,
      }).toEqual({
        room: d.room,
        lost: 0,
        doubled: 0,
        outOfOrder: 0,
        details: [],
      });
    }
  });
});

/** Each successful write of the log, looked for in PostgreSQL; what is missing, described. */
async function missingWrites(db: FaultDb, expected: Expectations): Promise<string[]> {
  const missing: string[] = [];
  const notes = await db.query<{ task_id: string; body: string }>(
    'SELECT task_id, body FROM task_notes WHERE body = ANY($1::text[])',
    [expected.notes.map((n) => n.body)],
  );
  const found = new Set(notes.map((n) => `${n.task_id} ${n.body}`));
  for (const n of expected.notes) if (!found.has(`${n.taskId} ${n.body}`)) missing.push(`note ${n.body}`);
  const tasks = await db.query<{ id: string; assignee_id: string | null; status: string }>(
    'SELECT id, assignee_id, status FROM tasks WHERE id = ANY($1::uuid[])',
    [[...new Set([...expected.holders.keys(), ...expected.statuses.keys()])]],
  );
  const byId = new Map(tasks.map((t) => [t.id, t]));
  for (const [id, holder] of expected.holders) {
    if (expected.releasedTaskIds.has(id)) continue;
    const task = byId.get(id);
    // A task closed since (done, or her release) may have been let go; only open tasks must still be held so.
    const open = task && ['TODO', 'IN_PROGRESS', 'BLOCKED'].includes(task.status);
    if (open && task.assignee_id !== holder) missing.push(`holder of ${id}: ${holder}, found ${task.assignee_id}`);
  }
  for (const [id, status] of expected.statuses) {
    if (expected.releasedTaskIds.has(id)) continue;
    if (byId.get(id)?.status !== status) missing.push(`status ${status} of ${id}, found ${byId.get(id)?.status}`);
  }
  const referrals = await db.query<{ id: string }>(
    `SELECT id FROM referrals WHERE id = ANY($1::uuid[]) AND status <> 'DRAFT'`,
    [expected.referralsSent],
  );
  const sent = new Set(referrals.map((r) => r.id));
  for (const id of expected.referralsSent) if (!sent.has(id)) missing.push(`referral ${id} sent`);
  const releases = await db.query<{ woman_id: string }>(
    'SELECT woman_id FROM releases WHERE woman_id = ANY($1::uuid[])',
    [expected.releasedWomen],
  );
  const released = new Set(releases.map((r) => r.woman_id));
  for (const id of expected.releasedWomen) if (!released.has(id)) missing.push(`release of ${id}`);
  const women = await db.query<{ id: string }>('SELECT id FROM women WHERE id = ANY($1::uuid[])', [expected.newWomen]);
  const made = new Set(women.map((w) => w.id));
  for (const id of expected.newWomen) if (!made.has(id)) missing.push(`woman ${id}`);
  return missing;
}
