/**
 * The deadline engine and the live board end to end: the real API (in process), a real worker and two real
 * gateway processes, real PostgreSQL, Redis and socket.io clients. Deadlines are set a few seconds ahead
 * directly in PostgreSQL (the source of truth); the worker's horizon picks them up within a second.
 */
import Redis from 'ioredis';
import { AlertKind, Role, TaskStatus, instantJobId } from '@app/domain';
import type { TaskView, WomanView } from '@app/contracts';
import { MAX_REPLAY_SCAN } from '../../../apps/gateway/src/replay-window';
import { AppProcess, startApp } from '../../setup/app-process';
import { BoardClient, ReceivedEvent, eventually, waitForSentinel } from '../../setup/board-client';
import { readRunSettings } from '../../setup/run-settings';
import { openOwnerConnection } from '../../setup/database-connections';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  SignedInUser,
  createProvider,
  createSignedInUser,
  createWoman,
  daysFromToday,
  recordNeeds,
} from '../../factories';

// Generous: every wait is for something that must happen, and only a failing test runs into a bound.
jest.setTimeout(120_000);

describe('deadline engine and live board', () => {
  let api: TestApi;
  let gatewayA: AppProcess;
  let gatewayB: AppProcess;
  let worker: AppProcess;
  let prt: SignedInUser;
  let admin: SignedInUser;
  const clients: BoardClient[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    [gatewayA, gatewayB] = await Promise.all([startApp('gateway'), startApp('gateway')]);
    worker = await startApp('worker', {
      HORIZON_EVERY_MS: '1000',
      RECONCILE_EVERY_MS: '60000',
      SCHEDULER_WATCHDOG_MS: '500',
    });
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
    admin = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.ADMIN });
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await Promise.all([worker?.stop(), gatewayA?.stop(), gatewayB?.stop()]);
    await api?.close();
  });

  async function connect(gateway: AppProcess, token: string, rooms: string[] = []): Promise<BoardClient> {
    const client = await BoardClient.connect(gateway.url, token);
    clients.push(client);
    if (rooms.length > 0) {
      const reply = await client.subscribe(rooms);
      expect(reply.refused).toEqual([]);
    }
    return client;
  }

  /** A fresh woman at Styal with FINANCE_AND_ID needs, and one of her pre-release team tasks. */
  async function freshTask(): Promise<{ task: TaskView; womanId: string; woman: WomanView }> {
    const woman = await createWoman(api.baseUrl, prt.token);
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    const task = tasksCreated.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM);
    if (!task) throw new Error('no pre-release team task was planned');
    return { task, womanId: woman.id, woman };
  }

  /** A new task whose creation a client of the STI board saw before it disconnected, and that client's last sequence. */
  async function taskSeenThenDisconnected(): Promise<{ task: TaskView; lastSeen: number }> {
    const first = await connect(gatewayA, prt.token, ['prison:STI']);
    const { task } = await freshTask();
    expect(await eventually(() => first.events.some((e) => e.task?.id === task.id), 30_000)).toBe(true);
    const lastSeen = first.lastSeq;
    first.close();
    return { task, lastSeen };
  }

  /** Moves a task's deadlines to instants a few seconds away, as a new deadline revision. */
  async function setDeadlines(
    taskId: string,
    at: { atRiskInMs: number; dueInMs: number; escalationsInMs?: number[] },
  ): Promise<number> {
    const now = Date.now();
    // For an UPDATE ... RETURNING, TypeORM's query() answers [rows, affected].
    const [rows]: [{ deadline_revision: number }[], number] = await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = $2, due_at = $3, escalation_ats = $4::timestamptz[], deadline_revision = deadline_revision + 1
        WHERE id = $1 RETURNING deadline_revision`,
      [
        taskId,
        new Date(now + at.atRiskInMs),
        new Date(now + at.dueInMs),
        (at.escalationsInMs ?? []).map((ms) => new Date(now + ms)),
      ],
    );
    return rows[0].deadline_revision;
  }

  function alertsFor(client: BoardClient, taskId: string): ReceivedEvent[] {
    return client.events.filter((e) => e.type === 'alert.raised' && e.task?.id === taskId);
  }

  /** Matches the board event of a given alert on a given task (the sentinel of a negative check on alerts). */
  function alertOf(taskId: string, kind: AlertKind): (e: ReceivedEvent) => boolean {
    return (e) => e.type === 'alert.raised' && e.task?.id === taskId && e.alert?.kind === kind;
  }

  async function alertRows(taskId: string): Promise<{ kind: string; level: number }[]> {
    return api.dataSource.query('SELECT kind, level FROM alerts WHERE task_id = $1 ORDER BY created_at', [taskId]);
  }

  /** Whether the horizon has queued the job of the instant at which this revision of the task falls due. */
  async function dueInstantQueued(taskId: string, revision: number): Promise<boolean> {
    const [row]: { due_us: string }[] = await api.dataSource.query(
      `SELECT (extract(epoch FROM due_at) * 1000000)::bigint::text AS due_us FROM tasks
        WHERE id = $1 AND deadline_revision = $2`,
      [taskId, revision],
    );
    if (!row) throw new Error(`task ${taskId} is not at deadline revision ${revision}`);
    const run = readRunSettings();
    const redis = new Redis(run.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      return (await redis.exists(`${run.redisPrefix}:bull:deadlines:${instantJobId(BigInt(row.due_us))}`)) === 1;
    } finally {
      redis.disconnect();
    }
  }

  it('sends AT_RISK then OVERDUE to a client on the prison board, once each', async () => {
    const board = await connect(gatewayA, prt.token, ['prison:STI']);
    const { task, woman } = await freshTask();
    // The sentinel: a second task falling due after hers. Once its alert is here, a second copy of hers would be too.
    const { task: sentinel } = await freshTask();
    await setDeadlines(task.id, { atRiskInMs: 3000, dueInMs: 5000 });
    await setDeadlines(sentinel.id, { atRiskInMs: 60_000, dueInMs: 7000 });

    expect(
      await eventually(() => alertsFor(board, task.id).some((e) => e.alert?.kind === AlertKind.OVERDUE), 30_000),
    ).toBe(true);
    await waitForSentinel(board, alertOf(sentinel.id, AlertKind.OVERDUE));
    expect(alertsFor(board, task.id).map((e) => e.alert?.kind)).toEqual(['AT_RISK', 'OVERDUE']);
    expect((await alertRows(task.id)).map((a) => a.kind)).toEqual(['AT_RISK', 'OVERDUE']);
    const overdue = alertsFor(board, task.id)[1];
    expect(overdue.task?.scheduleState).toBe('OVERDUE');
    // The notice names the task and the woman (name and prison number only), not an id.
    expect(overdue.task?.title).toBe(task.title);
    expect(overdue.womanLabel).toEqual({
      id: woman.id,
      prisonNumber: woman.prisonNumber,
      firstName: woman.firstName,
      lastName: woman.lastName,
    });
  });

  it('raises every threshold of tasks sharing one instant once each, from the one job of that instant', async () => {
    const board = await connect(gatewayB, prt.token, ['prison:STI']);
    const tasks = await Promise.all([1, 2, 3, 4, 5, 6].map(() => freshTask()));
    // The sentinel falls due later, at an instant of its own: once its alert is here, a second copy would be too.
    const { task: sentinel } = await freshTask();
    // 17:00 in miniature: three fall due and three reach their at-risk point at the same instant.
    const instant = new Date(Date.now() + 8000);
    const [due, atRisk] = [tasks.slice(0, 3), tasks.slice(3)].map((list) => list.map((t) => t.task.id));
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = $2, due_at = $2, escalation_ats = '{}', deadline_revision = deadline_revision + 1
        WHERE id = ANY($1)`,
      [due, instant],
    );
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = $2, due_at = $3, escalation_ats = '{}', deadline_revision = deadline_revision + 1
        WHERE id = ANY($1)`,
      [atRisk, instant, new Date(instant.getTime() + 3_600_000)],
    );
    await setDeadlines(sentinel.id, { atRiskInMs: 60_000, dueInMs: 10_000 });

    const instantJob = `${readRunSettings().redisPrefix}:bull:deadlines:${instantJobId(BigInt(instant.getTime()) * 1000n)}`;
    const redis = new Redis(readRunSettings().redisUrl, { maxRetriesPerRequest: 1 });
    try {
      expect(await eventually(async () => (await redis.exists(instantJob)) === 1, 30_000, 200)).toBe(true);
      await waitForSentinel(board, alertOf(sentinel.id, AlertKind.OVERDUE));
      for (const id of due) expect(alertsFor(board, id).map((e) => e.alert?.kind)).toEqual(['OVERDUE']);
      for (const id of atRisk) expect(alertsFor(board, id).map((e) => e.alert?.kind)).toEqual(['AT_RISK']);
      for (const id of [...due, ...atRisk]) expect(await alertRows(id)).toHaveLength(1);
      // One job did it: none of the six tasks had a job of its own.
      const own = await Promise.all(
        [...due, ...atRisk].map((id) => redis.keys(`${readRunSettings().redisPrefix}:bull:deadlines:deadline_${id}_*`)),
      );
      expect(own.flat()).toEqual([]);
      expect(await redis.hget(instantJob, 'finishedOn')).not.toBeNull();
    } finally {
      redis.disconnect();
    }
  });

  it('never raises the overdue alert when her release date moves later before the due time', async () => {
    const board = await connect(gatewayA, prt.token, ['prison:STI']);
    const { task, womanId } = await freshTask();
    // The sentinel: a second task falling due after hers was due. Once its alert is here, hers would be too.
    const { task: sentinel } = await freshTask();
    const revision = await setDeadlines(task.id, { atRiskInMs: 60_000, dueInMs: 8000 });
    await setDeadlines(sentinel.id, { atRiskInMs: 60_000, dueInMs: 9000 });
    // The horizon has queued her due time's job: the move must make that queued job harmless.
    expect(await eventually(() => dueInstantQueued(task.id, revision), 30_000, 200)).toBe(true);
    const moved = await prt.api.patch(`/women/${womanId}`, { conditionalReleaseDate: daysFromToday(200) });
    expect(moved.status).toBe(200);
    const after: { deadline_revision: number; due_at: Date }[] = await api.dataSource.query(
      'SELECT deadline_revision, due_at FROM tasks WHERE id = $1',
      [task.id],
    );
    expect(after[0].deadline_revision).toBeGreaterThan(revision);
    expect(new Date(after[0].due_at).getTime()).toBeGreaterThan(Date.now() + 86_400_000);

    await waitForSentinel(board, alertOf(sentinel.id, AlertKind.OVERDUE));
    expect(alertsFor(board, task.id)).toEqual([]);
    expect(await alertRows(task.id)).toEqual([]);
  });

  it('raises the overdue alert at once when her release date moves into the past', async () => {
    const board = await connect(gatewayB, prt.token, ['prison:STI']);
    const { task, womanId } = await freshTask();
    const moved = await prt.api.patch(`/women/${womanId}`, { conditionalReleaseDate: daysFromToday(-7) });
    expect(moved.status).toBe(200);
    // How fast is the benchmark's question; here only that it comes without waiting for any later threshold.
    expect(
      await eventually(() => alertsFor(board, task.id).some((e) => e.alert?.kind === AlertKind.OVERDUE), 30_000),
    ).toBe(true);
    expect((await alertRows(task.id)).filter((a) => a.kind === 'OVERDUE')).toHaveLength(1);
  });

  it('still raises the alert exactly once when Redis loses everything between scheduling and the due time', async () => {
    const board = await connect(gatewayA, prt.token, ['prison:STI']);
    const { task } = await freshTask();
    // The sentinel: a second task falling due after hers, rebuilt the same way. Once its alert is here, a second
    // copy of hers would be too.
    const { task: sentinel } = await freshTask();
    const revision = await setDeadlines(task.id, { atRiskInMs: 60_000, dueInMs: 7000 });
    await setDeadlines(sentinel.id, { atRiskInMs: 60_000, dueInMs: 9000 });
    expect(await eventually(() => dueInstantQueued(task.id, revision), 30_000, 200)).toBe(true);

    // Everything this run keeps in Redis goes (a FLUSHALL limited to our key prefix, so other data survives).
    const run = readRunSettings();
    const redis = new Redis(run.redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.redisPrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
    expect(await dueInstantQueued(task.id, revision)).toBe(false);

    const fired = await eventually(() => alertsFor(board, task.id).length > 0, 30_000);
    if (!fired) console.log(worker.output.slice(-40).join('\n'));
    expect(fired).toBe(true);
    await waitForSentinel(board, alertOf(sentinel.id, AlertKind.OVERDUE));
    expect(alertsFor(board, task.id).map((e) => e.alert?.kind)).toEqual(['OVERDUE']);
    expect(await alertRows(task.id)).toEqual([{ kind: 'OVERDUE', level: 0 }]);
  });

  it('delivers a change made through the API to clients on both gateway processes', async () => {
    const onA = await connect(gatewayA, prt.token, ['prison:STI']);
    const onB = await connect(gatewayB, prt.token, ['prison:STI']);
    const { task } = await freshTask();
    const changed = await prt.api.patch<TaskView>(`/tasks/${task.id}/status`, {
      status: 'IN_PROGRESS',
      version: task.version,
    });
    expect(changed.status).toBe(200);
    const seen = (c: BoardClient) =>
      c.events.some(
        (e) => e.type === 'task.status_changed' && e.task?.id === task.id && e.task.status === TaskStatus.IN_PROGRESS,
      );
    expect(await eventually(() => seen(onA) && seen(onB), 30_000)).toBe(true);
  });

  it('refuses a CRS caseworker another provider’s room and any prison board, and a governor another prison’s board', async () => {
    const own = await createProvider(api.dataSource);
    const other = await createProvider(api.dataSource);
    const crs = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.CRS_CASEWORKER,
      providerId: own.id,
    });
    const governor = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.GOVERNOR,
      prisonCodes: ['STI'],
    });
    const crsClient = await connect(gatewayA, crs.token);
    const crsReply = await crsClient.subscribe([
      `provider:${own.id}`,
      `provider:${other.id}`,
      'prison:STI',
      'prison:STI:oversight',
    ]);
    expect(crsReply.joined).toEqual([`provider:${own.id}`]);
    expect(crsReply.refused.map((r) => r.room)).toEqual([`provider:${other.id}`, 'prison:STI', 'prison:STI:oversight']);

    const governorClient = await connect(gatewayB, governor.token);
    const governorReply = await governorClient.subscribe([
      'prison:STI:oversight',
      'prison:BZI:oversight',
      'prison:BZI',
    ]);
    expect(governorReply.joined).toEqual(['prison:STI:oversight']);
    expect(governorReply.refused.map((r) => r.room)).toEqual(['prison:BZI:oversight', 'prison:BZI']);

    await expect(BoardClient.connect(gatewayA.url, 'not-a-token')).rejects.toThrow(/unauthorised/);
  });

  it('gives a client that reconnects with its last sequence every event it missed, in order', async () => {
    const { task, lastSeen } = await taskSeenThenDisconnected();

    let version = task.version;
    const statuses = ['IN_PROGRESS', 'TODO', 'IN_PROGRESS'];
    for (const status of statuses) {
      const changed = await prt.api.patch<TaskView>(`/tasks/${task.id}/status`, { status, version });
      expect(changed.status).toBe(200);
      version = changed.body.version;
    }

    const again = await connect(gatewayB, prt.token);
    await again.subscribe(['prison:STI'], lastSeen);
    expect(await eventually(() => again.replays.length > 0, 30_000)).toBe(true);
    const missed = again.replays[0].events.filter((e) => e.task?.id === task.id && e.type === 'task.status_changed');
    expect(missed.map((e) => e.task?.status)).toEqual(statuses);
    const seqs = again.replays[0].events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs.every((s) => s > lastSeen)).toBe(true);
  });

  it('asks a client to reload, not replay, when more events of all rooms followed its last than a replay reads', async () => {
    const { task, lastSeen } = await taskSeenThenDisconnected();
    // Ids as if MAX_REPLAY_SCAN events of other rooms had been written since (a sequence jump: no rows to relay;
    // only the owner may move the sequence).
    const owner = await openOwnerConnection();
    try {
      await owner.query(`SELECT setval('outbox_events_id_seq', $1::bigint)`, [lastSeen + MAX_REPLAY_SCAN]);
    } finally {
      await owner.destroy();
    }
    const changed = await prt.api.patch<TaskView>(`/tasks/${task.id}/status`, {
      status: 'IN_PROGRESS',
      version: task.version,
    });
    expect(changed.status).toBe(200);

    const again = await connect(gatewayB, prt.token);
    await again.subscribe(['prison:STI'], lastSeen);
    expect(await eventually(() => again.reloads.length > 0 || again.replays.length > 0, 30_000)).toBe(true);
    expect(again.replays).toEqual([]);
    expect(again.reloads[0].latestSeq).toBeGreaterThan(lastSeen + MAX_REPLAY_SCAN);
  });

  it('escalates an unacknowledged overdue task to the team’s managers, and stops when the alert is acknowledged', async () => {
    const manager = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['STI'],
    });
    await api.dataSource.query("UPDATE users SET team_key = 'STI', is_manager = true WHERE id = $1", [manager.id]);
    // Not looking at any board: her automatic rooms (user, team, managers) come from her account at connect.
    const managerSocket = await connect(gatewayB, manager.token);
    const board = await connect(gatewayA, prt.token, ['prison:STI']);

    const ignored = await freshTask();
    const acknowledged = await freshTask();
    // The sentinel: a third task, never acknowledged, escalating after the other two. Once its escalation is here,
    // one for the acknowledged task would be too.
    const sentinel = await freshTask();
    await setDeadlines(ignored.task.id, { atRiskInMs: 2000, dueInMs: 2000, escalationsInMs: [8000] });
    await setDeadlines(acknowledged.task.id, { atRiskInMs: 2000, dueInMs: 2000, escalationsInMs: [8000] });
    await setDeadlines(sentinel.task.id, { atRiskInMs: 2000, dueInMs: 2000, escalationsInMs: [10_000] });

    expect(
      await eventually(
        () => alertsFor(board, acknowledged.task.id).some((e) => e.alert?.kind === AlertKind.OVERDUE),
        30_000,
      ),
    ).toBe(true);
    const overdue = alertsFor(board, acknowledged.task.id).find((e) => e.alert?.kind === AlertKind.OVERDUE);
    const ack = await prt.api.post(`/alerts/${overdue?.alert?.id}/acknowledge`);
    expect(ack.status).toBe(200);

    expect(
      await eventually(
        () => alertsFor(board, ignored.task.id).some((e) => e.alert?.kind === AlertKind.ESCALATED),
        30_000,
      ),
    ).toBe(true);
    expect(
      await eventually(
        () => alertsFor(managerSocket, ignored.task.id).some((e) => e.alert?.kind === AlertKind.ESCALATED),
        30_000,
      ),
    ).toBe(true);
    await waitForSentinel(board, alertOf(sentinel.task.id, AlertKind.ESCALATED));
    expect((await alertRows(acknowledged.task.id)).map((a) => a.kind)).toEqual(['OVERDUE']);
    expect((await alertRows(ignored.task.id)).map((a) => `${a.kind}${a.level}`)).toEqual(['OVERDUE0', 'ESCALATED1']);
    expect(alertsFor(board, acknowledged.task.id).map((e) => e.alert?.kind)).toEqual(['OVERDUE']);
  });

  it('removes a user from a board the moment her access to it is withdrawn', async () => {
    const colleague = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['STI'],
    });
    const client = await connect(gatewayA, colleague.token, ['prison:STI']);
    const moved = await admin.api.patch(`/users/${colleague.id}`, { prisonCodes: ['BZI'] });
    expect(moved.status).toBe(200);
    expect(await eventually(() => client.removed.some((r) => r.room === 'prison:STI'), 30_000)).toBe(true);

    // The sentinel comes on a board she may still follow (her new prison), caused after the change she must miss.
    expect((await client.subscribe(['prison:BZI'])).joined).toEqual(['prison:BZI']);
    const bziTeam = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['BZI'],
    });

    const before = client.events.length;
    const { task } = await freshTask();
    await prt.api.patch(`/tasks/${task.id}/status`, { status: 'IN_PROGRESS', version: task.version });
    const sentinel = await createWoman(api.baseUrl, bziTeam.token, { prisonCode: 'BZI' });
    await waitForSentinel(client, (e) => e.type === 'woman.created' && e.womanId === sentinel.id);
    expect(client.events.slice(before).filter((e) => e.task?.id === task.id)).toEqual([]);

    const withdrawn = await admin.api.patch(`/users/${colleague.id}`, { active: false });
    expect(withdrawn.status).toBe(200);
    expect(await eventually(() => !client.connected, 30_000)).toBe(true);
  });
});
