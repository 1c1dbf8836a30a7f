/**
 * GOV.UK Notify messages end to end: the real worker process raises alerts from PostgreSQL, requests their
 * messages in the alert's transaction and sends them through notifications-node-client to a fake Notify over real
 * HTTP (test/setup/fake-notify-server.ts), which checks the JWT, template id and personalisation as Notify does.
 * Deadlines are set in the past so the worker's reconciler (every second here) raises the alerts.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Role } from '@app/domain';
import type { TaskView } from '@app/contracts';
import { AppProcess, startApp } from '../../setup/app-process';
import { eventually } from '../../setup/board-client';
import { FakeNotifyServer, ReceivedPost } from '../../setup/fake-notify-server';
import { readRunSettings } from '../../setup/run-settings';
import { TestApi, startTestApi } from '../../setup/test-app';
import {
  createReleaseArea,
  createSignedInUser,
  createUser,
  createWoman,
  recordNeeds,
  SignedInUser,
  TestUser,
} from '../../factories';

const CLI_ENTRY = join(__dirname, '../../../dist/apps/cli/src/main.js');
const LINK = 'https://resettle.test.example/';

const TEMPLATES = {
  NOTIFY_TEMPLATE_ESCALATION_EMAIL: randomUUID(),
  NOTIFY_TEMPLATE_ESCALATION_SMS: randomUUID(),
  NOTIFY_TEMPLATE_TASK_ALERT_EMAIL: randomUUID(),
  NOTIFY_TEMPLATE_TASK_ALERT_SMS: randomUUID(),
  NOTIFY_TEMPLATE_DIGEST_EMAIL: randomUUID(),
  NOTIFY_TEMPLATE_DIGEST_SMS: randomUUID(),
  NOTIFY_TEMPLATE_SESSION_CONCERN_EMAIL: randomUUID(),
  NOTIFY_TEMPLATE_SESSION_CONCERN_SMS: randomUUID(),
};

interface MessageRow {
  id: string;
  recipient_user_id: string;
  channel: string;
  template_key: string;
  template_id: string | null;
  reference: string;
  status: string;
  notify_id: string | null;
  attempts: number;
  personalisation: Record<string, string>;
}

describe('GOV.UK Notify messages', () => {
  let api: TestApi;
  let notify: FakeNotifyServer;
  let worker: AppProcess;

  const workerEnv = (): NodeJS.ProcessEnv => ({
    NOTIFY_API_KEY: notify.key.apiKey,
    NOTIFY_BASE_URL: notify.url,
    NOTIFY_LINK_URL: LINK,
    NOTIFY_RETRY_BASE_MS: '200',
    NOTIFY_SWEEP_EVERY_MS: '500',
    NOTIFY_STUCK_AFTER_MS: '1000',
    NOTIFY_LOCK_MS: '3000',
    RECONCILE_EVERY_MS: '1000',
    ...TEMPLATES,
  });

  beforeAll(async () => {
    api = await startTestApi();
    notify = await FakeNotifyServer.start();
    worker = await startApp('worker', workerEnv());
  });

  afterAll(async () => {
    await worker?.stop();
    await notify?.close();
    await api?.close();
  });

  /** A prison team's manager (her team is her prison), with the contact details given. */
  async function manager(prison: string, contact: { email?: boolean; mobile?: string } = {}): Promise<TestUser> {
    const user = await createUser(api.dataSource, { role: Role.PRE_RELEASE_TEAM, prisonCodes: [prison] });
    await api.dataSource.query(
      `UPDATE users SET team_key = $2, is_manager = true, email = $3, mobile = $4, notify_by_sms = $5 WHERE id = $1`,
      [user.id, prison, contact.email ? emailOf(user) : null, contact.mobile ?? null, contact.mobile !== undefined],
    );
    return user;
  }

  function emailOf(user: TestUser): string {
    return `${user.username}@justice.test.example`;
  }

  /** A woman at this prison with FINANCE_AND_ID needs, and one of her pre-release team's tasks. */
  async function taskAt(prison: string): Promise<{ task: TaskView; prt: SignedInUser }> {
    const prt = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: [prison],
    });
    const woman = await createWoman(api.baseUrl, prt.token, { prisonCode: prison });
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    const task = tasksCreated.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM);
    if (!task) throw new Error('no pre-release team task was planned');
    return { task, prt };
  }

  /** Deadlines already passed, as a new revision: the reconciler raises the alerts within a second. */
  async function passDeadlines(taskId: string, escalate: boolean): Promise<void> {
    const now = Date.now();
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = $2, due_at = $3, escalation_ats = $4::timestamptz[],
              deadline_revision = deadline_revision + 1 WHERE id = $1`,
      [taskId, new Date(now - 3000), new Date(now - 2000), escalate ? [new Date(now - 1000)] : []],
    );
  }

  async function messagesForTask(taskId: string): Promise<MessageRow[]> {
    return api.dataSource.query(
      `SELECT n.* FROM notifications n JOIN alerts a ON a.id = n.alert_id WHERE a.task_id = $1 ORDER BY n.channel`,
      [taskId],
    );
  }

  async function attemptsOf(
    notificationId: string,
  ): Promise<{ attempt: number; outcome: string; http_status: number | null }[]> {
    return api.dataSource.query(
      `SELECT attempt, outcome, http_status FROM notification_attempts WHERE notification_id = $1 ORDER BY id`,
      [notificationId],
    );
  }

  function postsWithReference(reference: string): ReceivedPost[] {
    return notify.posts.filter((p) => p.reference === reference);
  }

  async function allFinished(taskId: string, count: number): Promise<boolean> {
    const rows = await messagesForTask(taskId);
    return rows.length === count && rows.every((r) => r.status === 'sent' || r.status === 'failed');
  }

  it('sends one message per channel to each manager and governor an escalation reaches, with the task and a link only', async () => {
    const boss = await manager('LNI', { email: true, mobile: '+447700900001' });
    const unreachable = await manager('LNI');
    const governor = await createUser(api.dataSource, { role: Role.GOVERNOR, prisonCodes: ['LNI'] });
    await api.dataSource.query('UPDATE users SET email = $2 WHERE id = $1', [governor.id, emailOf(governor)]);
    const { task } = await taskAt('LNI');

    await passDeadlines(task.id, true);

    expect(await eventually(() => allFinished(task.id, 3), 60_000, 200)).toBe(true);
    const rows = await messagesForTask(task.id);
    expect(
      rows.map((r) => `${r.recipient_user_id === boss.id ? 'manager' : 'governor'}:${r.channel}:${r.status}`).sort(),
    ).toEqual(['governor:email:sent', 'manager:email:sent', 'manager:sms:sent']);
    expect(rows.some((r) => r.recipient_user_id === unreachable.id)).toBe(false);
    for (const row of rows) {
      const posts = postsWithReference(row.reference);
      expect(posts).toHaveLength(1);
      const [post] = posts;
      expect(post.answer).toBe(201);
      expect(row.notify_id).toBe(post.id);
      expect(post.templateId).toBe(
        row.channel === 'email' ? TEMPLATES.NOTIFY_TEMPLATE_ESCALATION_EMAIL : TEMPLATES.NOTIFY_TEMPLATE_ESCALATION_SMS,
      );
      expect(post.personalisation).toEqual({ task: task.title, alert: 'escalated to you', link: LINK });
    }
    expect(postsWithReference(rows.find((r) => r.channel === 'sms')?.reference ?? '')[0].to).toBe('+447700900001');
    expect(notify.refusedAuth).toEqual([]);
  });

  it('retries a 429 and a 500 with backoff, recording each attempt, and sends once Notify accepts it', async () => {
    await manager('NHI', { email: true });
    const { task } = await taskAt('NHI');
    notify.answerNext(429, 500);

    await passDeadlines(task.id, true);

    expect(await eventually(() => allFinished(task.id, 1), 60_000, 200)).toBe(true);
    const [row] = await messagesForTask(task.id);
    expect(row.status).toBe('sent');
    expect(postsWithReference(row.reference).map((p) => p.answer)).toEqual([429, 500, 201]);
    expect(await attemptsOf(row.id)).toEqual([
      { attempt: 1, outcome: 'retry', http_status: 429 },
      { attempt: 2, outcome: 'retry', http_status: 500 },
      // After a 500 Notify might have taken it: the third attempt asked by reference first, found none, sent.
      { attempt: 3, outcome: 'sent', http_status: null },
    ]);
    expect(notify.lookups).toContain(row.reference);
  });

  it('does not retry a 400, and records why it failed', async () => {
    await manager('PFI', { email: true });
    const { task } = await taskAt('PFI');
    notify.answerNext(400);

    await passDeadlines(task.id, true);

    expect(await eventually(() => allFinished(task.id, 1), 60_000, 200)).toBe(true);
    const [row] = await messagesForTask(task.id);
    expect(row.status).toBe('failed');
    expect(postsWithReference(row.reference)).toHaveLength(1);
    expect(await attemptsOf(row.id)).toEqual([{ attempt: 1, outcome: 'failed', http_status: 400 }]);
  });

  it('sends exactly one request when the worker is killed after Notify received it and the job is retried', async () => {
    await manager('SDI', { email: true });
    const { task } = await taskAt('SDI');
    await worker.stop();
    const doomed = await startApp('worker', workerEnv());
    const held = notify.holdNextPost();

    await passDeadlines(task.id, true);
    await held;
    await doomed.stop('SIGKILL');
    const [inFlight] = await messagesForTask(task.id);
    expect(inFlight.status).toBe('sending');

    worker = await startApp('worker', workerEnv());
    expect(await eventually(() => allFinished(task.id, 1), 60_000, 200)).toBe(true);
    const [row] = await messagesForTask(task.id);
    const posts = postsWithReference(row.reference);
    expect(posts).toHaveLength(1);
    expect(posts[0].answer).toBe('held');
    expect(row.status).toBe('sent');
    expect(row.notify_id).toBe(posts[0].id);
    const attempts = await attemptsOf(row.id);
    expect(attempts[attempts.length - 1]).toEqual({ attempt: 2, outcome: 'found', http_status: null });
  });

  it('sends alerts on a task she claimed to a caseworker who opted in, and to no one who did not', async () => {
    const { task, prt } = await taskAt('FHI');
    const settings = await prt.api.patch('/users/me/settings', {
      email: emailOf(prt),
      notifyClaimedTasks: true,
    });
    expect(settings.status).toBe(200);
    expect((await prt.api.post(`/tasks/${task.id}/claim`)).status).toBe(200);
    const other = await taskAt('FHI');
    expect((await other.prt.api.patch('/users/me/settings', { email: emailOf(other.prt) })).status).toBe(200);
    expect((await other.prt.api.post(`/tasks/${other.task.id}/claim`)).status).toBe(200);

    await passDeadlines(other.task.id, false);
    await passDeadlines(task.id, false);

    expect(await eventually(() => allFinished(task.id, 1), 60_000, 200)).toBe(true);
    const [row] = await messagesForTask(task.id);
    expect(row.recipient_user_id).toBe(prt.id);
    expect(row.template_key).toBe('task-alert');
    const [post] = postsWithReference(row.reference);
    expect(post.to).toBe(emailOf(prt));
    expect(post.templateId).toBe(TEMPLATES.NOTIFY_TEMPLATE_TASK_ALERT_EMAIL);
    expect(post.personalisation).toEqual({ task: task.title, alert: 'overdue', link: LINK });
    // Her colleague's alert was raised first (same reconciler pass or earlier) and asked for no message.
    const otherAlerts: { n: string }[] = await api.dataSource.query(
      'SELECT count(*) AS n FROM alerts WHERE task_id = $1',
      [other.task.id],
    );
    expect(Number(otherAlerts[0].n)).toBeGreaterThan(0);
    expect(await messagesForTask(other.task.id)).toEqual([]);
  });

  it('sends each team manager a morning digest with her team’s overdue and at-risk counts, once a day', async () => {
    const area = await createReleaseArea(api.dataSource, null);
    const com = await createUser(api.dataSource, { role: Role.COM });
    await api.dataSource.query(`UPDATE users SET team_key = $2, is_manager = true, email = $3 WHERE id = $1`, [
      com.id,
      area.code,
      emailOf(com),
    ]);
    const prt = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['DHI'],
    });
    const women = await Promise.all(
      [1, 2].map(() => createWoman(api.baseUrl, prt.token, { prisonCode: 'DHI', releaseAreaCode: area.code })),
    );
    for (const woman of women) await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID', 'ACCOMMODATION']);
    // Every task the two women have, whatever planned it (her reception plans some before any needs are recorded).
    const taskRows: { id: string }[] = await api.dataSource.query('SELECT id FROM tasks WHERE woman_id = ANY($1)', [
      women.map((w) => w.id),
    ]);
    const taskIds = taskRows.map((t) => t.id);
    expect(taskIds.length).toBeGreaterThanOrEqual(5);
    // The fixture: only these five tasks are the COM team's; no escalations, so no other message goes to her.
    const hour = 60 * 60 * 1000;
    const now = Date.now();
    await api.dataSource.query(`UPDATE tasks SET owner_role = 'PRE_RELEASE_TEAM' WHERE id = ANY($1)`, [taskIds]);
    const fixture: [string, number, number][] = [
      ['TODO', -2 * hour, -hour], // overdue
      ['IN_PROGRESS', -3 * hour, -2 * hour], // overdue
      ['TODO', -hour, hour], // at risk
      ['TODO', hour, 2 * hour], // neither yet
      ['DONE', -2 * hour, -hour], // done: counts for nothing
    ];
    for (const [i, [status, atRisk, due]] of fixture.entries()) {
      await api.dataSource.query(
        `UPDATE tasks SET owner_role = 'COM', status = $2, at_risk_at = $3, due_at = $4, escalation_ats = '{}',
                deadline_revision = deadline_revision + 1 WHERE id = $1`,
        [taskIds[i], status, new Date(now + atRisk), new Date(now + due)],
      );
    }

    await runCli(['digest']);
    await runCli(['digest']);

    const digestsTo = () =>
      notify.postsFor(emailOf(com)).filter((p) => p.templateId === TEMPLATES.NOTIFY_TEMPLATE_DIGEST_EMAIL);
    expect(await eventually(() => digestsTo().length > 0, 60_000, 200)).toBe(true);
    const [digest] = digestsTo();
    expect(digest.personalisation).toEqual({
      date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()),
      overdue: '2',
      at_risk: '1',
      link: LINK,
    });
    const rows: { n: string }[] = await api.dataSource.query(
      `SELECT count(*) AS n FROM notifications WHERE recipient_user_id = $1 AND template_key = 'digest'`,
      [com.id],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('refuses to start with an API key but no template ids, naming the missing setting', async () => {
    await expect(
      startApp(
        'worker',
        { NOTIFY_API_KEY: notify.key.apiKey, NOTIFY_BASE_URL: notify.url },
        { readyTimeoutMs: 30_000 },
      ),
    ).rejects.toThrow(/NOTIFY_TEMPLATE_ESCALATION_EMAIL/);
  });

  async function runCli(args: string[]): Promise<string> {
    const run = readRunSettings();
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_ENTRY, ...args], {
        env: { ...process.env, DATABASE_URL: run.ownerDatabaseUrl },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) =>
        code === 0 ? resolve(output) : reject(new Error(`cli ${args.join(' ')}: ${output}`)),
      );
    });
  }
});
