/**
 * An admin's change to a catalogue entry's deadline rule moves the open tasks made from it (and bumps their
 * deadline revision, so queued jobs for the old deadlines stand down). Uses a test-only, inactive entry so no
 * other suite plans tasks from it.
 */
import { Role, addCalendarDays, lastWorkingDayOnOrBefore } from '@app/domain';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createSignedInUser, createWoman, uniqueSuffix } from '../../factories';

describe('editing the task catalogue', () => {
  let api: TestApi;
  let admin: SignedInUser;
  let prt: SignedInUser;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.ADMIN });
    prt = await createSignedInUser(api.dataSource, api.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] });
  });

  afterAll(async () => {
    await api?.close();
  });

  async function testEntryWithTask(): Promise<{ key: string; taskId: string; releaseDate: string }> {
    const key = `E2E_${uniqueSuffix()
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '_')}`;
    await api.dataSource.query(
      `INSERT INTO task_catalogue (key, pathway, title, description, owner_role, deadline_anchor, deadline_offset, deadline_unit,
                                   at_risk_lead_working_days, release_critical, eligibility, active, version)
       VALUES ($1, 'ACCOMMODATION', 'Test entry', 'A test-only entry', 'PRE_RELEASE_TEAM', 'RELEASE', -30, 'CALENDAR_DAYS', 2, false, '{}', false, 1)`,
      [key],
    );
    const woman = await createWoman(api.baseUrl, prt.token);
    const [task]: { id: string }[] = await api.dataSource.query(
      `INSERT INTO tasks (woman_id, pathway, template_key, title, description, owner_role, status, due_date)
       VALUES ($1, 'ACCOMMODATION', $2, 'Test entry', 'A test-only entry', 'PRE_RELEASE_TEAM', 'TODO', $3) RETURNING id`,
      [woman.id, key, addCalendarDays(woman.releaseDate as string, -30)],
    );
    return { key, taskId: task.id, releaseDate: woman.releaseDate as string };
  }

  async function readTask(
    taskId: string,
  ): Promise<{ due_date: string; deadline_revision: number; escalation_ats: Date[] }> {
    const [row]: { due_date: string; deadline_revision: number; escalation_ats: Date[] }[] = await api.dataSource.query(
      'SELECT due_date::text, deadline_revision, escalation_ats FROM tasks WHERE id = $1',
      [taskId],
    );
    return row;
  }

  it('moves the open tasks made from an entry when its deadline offset changes', async () => {
    const { key, taskId, releaseDate } = await testEntryWithTask();
    const before = await readTask(taskId);
    const response = await admin.api.patch(`/task-catalogue/${key}`, { version: 1, deadlineOffset: -60 });
    expect(response.status).toBe(200);
    const after = await readTask(taskId);
    expect(after.due_date).toBe(lastWorkingDayOnOrBefore(addCalendarDays(releaseDate, -60)));
    expect(after.deadline_revision).toBe(before.deadline_revision + 1);
    expect(after.escalation_ats).toHaveLength(2);
  });

  it('moves the escalation instants when only the ladder changes, and refuses a malformed ladder naming the field', async () => {
    const { key, taskId } = await testEntryWithTask();
    await admin.api.patch(`/task-catalogue/${key}`, { version: 1, deadlineOffset: -45 });
    const before = await readTask(taskId);
    const bad = await admin.api.patch(`/task-catalogue/${key}`, {
      version: 2,
      escalationLadder: [{ afterWorkingDays: 0, to: 'NOBODY' }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('escalationLadder.0');
    const good = await admin.api.patch(`/task-catalogue/${key}`, {
      version: 2,
      escalationLadder: [{ afterWorkingDays: 1, to: 'TEAM_MANAGER' }],
    });
    expect(good.status).toBe(200);
    const after = await readTask(taskId);
    expect(after.escalation_ats).toHaveLength(1);
    expect(after.deadline_revision).toBe(before.deadline_revision + 1);
    expect(after.due_date).toBe(before.due_date);
  });

  it('refuses catalogue edits from anyone but an admin', async () => {
    const { key } = await testEntryWithTask();
    const response = await prt.api.patch(`/task-catalogue/${key}`, { version: 1, deadlineOffset: -10 });
    expect(response.status).toBe(403);
  });
});
