/**
 * With no NOTIFY_API_KEY the worker still records every message but writes it to its log instead of sending it
 * (status `logged`), and says so when it starts.
 */
import { Role } from '@app/domain';
import { AppProcess, startApp } from '../../setup/app-process';
import { eventually } from '../../setup/board-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import { createSignedInUser, createUser, createWoman, recordNeeds } from '../../factories';

describe('GOV.UK Notify without an API key', () => {
  let api: TestApi;
  let worker: AppProcess;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startApp('worker', {
      LOG_LEVEL: 'info',
      RECONCILE_EVERY_MS: '1000',
      NOTIFY_SWEEP_EVERY_MS: '500',
      NOTIFY_API_KEY: '',
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('records an escalation’s message as logged and writes it to the log, naming no one but the task', async () => {
    const boss = await createUser(api.dataSource, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['AGI'] });
    await api.dataSource.query(`UPDATE users SET team_key = 'AGI', is_manager = true, email = $2 WHERE id = $1`, [
      boss.id,
      `${boss.username}@justice.test.example`,
    ]);
    const prt = await createSignedInUser(api.dataSource, api.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['AGI'],
    });
    const woman = await createWoman(api.baseUrl, prt.token, { prisonCode: 'AGI' });
    const { tasksCreated } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    const task = tasksCreated.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM);
    if (!task) throw new Error('no pre-release team task was planned');
    const now = Date.now();
    await api.dataSource.query(
      `UPDATE tasks SET at_risk_at = $2, due_at = $3, escalation_ats = $4::timestamptz[],
              deadline_revision = deadline_revision + 1 WHERE id = $1`,
      [task.id, new Date(now - 3000), new Date(now - 2000), [new Date(now - 1000)]],
    );

    const logged = async () => {
      const rows: { status: string }[] = await api.dataSource.query(
        `SELECT n.status FROM notifications n JOIN alerts a ON a.id = n.alert_id WHERE a.task_id = $1`,
        [task.id],
      );
      return rows.length === 1 && rows[0].status === 'logged';
    };
    expect(await eventually(logged, 60_000, 200)).toBe(true);
    expect(worker.output.some((line) => line.includes('GOV.UK Notify: no API key, messages go to the log'))).toBe(true);
    const line = worker.output.find((l) => l.includes('written to the log') && l.includes(boss.id));
    expect(line).toContain(task.title);
    expect(line).not.toContain(woman.lastName);
    expect(line).not.toContain(woman.prisonNumber);
  });
});
