/** The audit trail: append-only in the database, and a complete account of who changed what and when. */
import { Role } from '@app/domain';
import type { AuditView, TaskView, WomanDetailView } from '@app/contracts';
import { openOwnerConnection } from '../../setup/database-connections';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createSignedInUser, createWoman, recordNeeds } from '../../factories';

describe('audit trail', () => {
  let testApi: TestApi;
  let prt: SignedInUser;

  beforeAll(async () => {
    testApi = await startTestApi();
    prt = await createSignedInUser(testApi.dataSource, testApi.baseUrl, {
      role: Role.PRE_RELEASE_TEAM,
      prisonCodes: ['STI', 'BZI'],
    });
  });

  afterAll(async () => {
    await testApi?.close();
  });

  async function trailOf(womanId: string): Promise<AuditView[]> {
    const response = await prt.api.get<WomanDetailView>(`/women/${womanId}`);
    expect(response.status).toBe(200);
    return response.body.auditTrail;
  }

  // The apps' role has no UPDATE or DELETE here at all (append-only.e2e-spec.ts); the trigger is the second wall,
  // so it is tried as the owner, who has every privilege.
  it('refuses even the owner an UPDATE or DELETE of an audit row at the database, and the row stays as written', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token);
    const owner = await openOwnerConnection();
    try {
      const rowsOf = (): Promise<unknown[]> =>
        owner.query('SELECT * FROM audit_events WHERE woman_id = $1 ORDER BY id', [woman.id]);
      const before = await rowsOf();
      // Her record, the "allocate her COM" task she gets as a sentenced woman without a COM (com-allocation.ts)
      // and the keywork task planned at her reception (keywork.ts).
      expect(before).toHaveLength(3);

      // Scoped to this suite's woman, so a missing trigger could only ever damage the suite's own rows.
      await expect(
        owner.query(`UPDATE audit_events SET action = 'TAMPERED' WHERE woman_id = $1`, [woman.id]),
      ).rejects.toThrow(/append-only/);
      await expect(owner.query('DELETE FROM audit_events WHERE woman_id = $1', [woman.id])).rejects.toThrow(
        /append-only/,
      );
      expect(await rowsOf()).toEqual(before);
    } finally {
      await owner.destroy();
    }
  });

  it('records every change (create, update, assessment, pathway, claim, status, note) with actor, action, before, after and time', async () => {
    const startedAt = Date.now() - 1000;
    const woman = await createWoman(testApi.baseUrl, prt.token, { keyworkerName: 'Kim Officer' });
    expect((await prt.api.patch(`/women/${woman.id}`, { firstName: 'Renamed', version: woman.version })).status).toBe(
      200,
    );
    const { tasksCreated, assessmentId } = await recordNeeds(prt.api, woman.id, ['FINANCE_AND_ID']);
    expect(
      (
        await prt.api.put(`/women/${woman.id}/pathways/EDUCATION_SKILLS_AND_WORK`, {
          status: 'SUPPORT_NOT_REQUIRED',
          notes: 'Has a job to go to',
        })
      ).status,
    ).toBe(200);
    const task = tasksCreated.find((t) => t.ownerRole === Role.PRE_RELEASE_TEAM) as TaskView;
    const claimed = await prt.api.post<TaskView>(`/tasks/${task.id}/claim`);
    expect(claimed.status).toBe(200);
    const started = await prt.api.patch<TaskView>(`/tasks/${task.id}/status`, {
      status: 'IN_PROGRESS',
      version: claimed.body.version,
    });
    expect(started.status).toBe(200);
    expect((await prt.api.post(`/tasks/${task.id}/notes`, { body: 'Birth certificate form sent' })).status).toBe(201);

    const trail = await trailOf(woman.id);

    const find = (entityType: string, action: string, entityId?: string): AuditView => {
      const event = trail.find(
        (e) =>
          e.entityType === entityType && e.action === action && (entityId === undefined || e.entityId === entityId),
      );
      if (!event)
        throw new Error(`No ${entityType} ${action} in ${JSON.stringify(trail.map((e) => [e.entityType, e.action]))}`);
      return event;
    };
    expect(find('WOMAN', 'CREATED')).toMatchObject({
      entityId: woman.id,
      before: null,
      after: { prisonNumber: woman.prisonNumber, firstName: 'Test' },
    });
    expect(find('WOMAN', 'UPDATED')).toMatchObject({ before: { firstName: 'Test' }, after: { firstName: 'Renamed' } });
    expect(find('ASSESSMENT', 'RECORDED', assessmentId)).toMatchObject({
      before: null,
      after: { kind: 'IMMEDIATE_NEEDS', method: 'FACE_TO_FACE' },
    });
    expect(find('PATHWAY', 'STATUS_CHANGED', 'FINANCE_AND_ID')).toMatchObject({
      before: { status: 'NOT_STARTED' },
      after: { status: 'SUPPORT_REQUIRED' },
    });
    expect(find('PATHWAY', 'STATUS_CHANGED', 'EDUCATION_SKILLS_AND_WORK')).toMatchObject({
      before: { status: 'NOT_STARTED' },
      after: { status: 'SUPPORT_NOT_REQUIRED', notes: 'Has a job to go to' },
    });
    for (const created of tasksCreated)
      expect(find('TASK', 'CREATED', created.id)).toMatchObject({
        before: null,
        after: { status: 'TODO', dueDate: created.dueDate },
      });
    expect(find('TASK', 'CLAIMED', task.id)).toMatchObject({
      before: { assigneeId: null },
      after: { assigneeId: prt.id },
    });
    expect(find('TASK', 'STATUS_CHANGED', task.id)).toMatchObject({
      before: { status: 'TODO' },
      after: { status: 'IN_PROGRESS' },
    });
    expect(find('TASK', 'NOTE_ADDED', task.id)).toMatchObject({
      before: null,
      after: { body: 'Birth certificate form sent' },
    });

    const kinds = (events: AuditView[]): string[] => events.map((e) => `${e.entityType} ${e.action}`).sort();
    expect(kinds(trail)).toEqual(
      [
        'WOMAN CREATED',
        'WOMAN UPDATED',
        'ASSESSMENT RECORDED',
        'PATHWAY STATUS_CHANGED',
        'PATHWAY STATUS_CHANGED',
        ...tasksCreated.map(() => 'TASK CREATED'),
        // "Allocate her COM", planned on creation: she is sentenced and has no COM (com-allocation.ts).
        'TASK CREATED',
        // Her first keywork session, planned at her reception (keywork.ts).
        'TASK CREATED',
        'TASK CLAIMED',
        'TASK STATUS_CHANGED',
        'TASK NOTE_ADDED',
      ].sort(),
    );
    for (const event of trail) {
      expect(event).toMatchObject({ actorId: prt.id, actorRole: Role.PRE_RELEASE_TEAM });
      expect(event.before === null || typeof event.before === 'object').toBe(true);
      expect(event.after).not.toBeNull();
      const at = Date.parse(event.at);
      expect(at).toBeGreaterThanOrEqual(startedAt);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    const times = trail.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('records only the fields an update changed, with their old and new values', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token, { keyworkerName: 'Kim Officer' });

    expect((await prt.api.patch(`/women/${woman.id}`, { lastName: 'Changed' })).status).toBe(200);

    const update = (await trailOf(woman.id)).find((e) => e.action === 'UPDATED') as AuditView;
    expect(update).toMatchObject({ before: { lastName: woman.lastName }, after: { lastName: 'Changed' } });
    expect(Object.keys(update.after ?? {})).toEqual(['lastName']);
    expect(Object.keys(update.before ?? {})).toEqual(['lastName']);
  });

  it('records a move to another prison as TRANSFERRED', async () => {
    const woman = await createWoman(testApi.baseUrl, prt.token);

    expect((await prt.api.post(`/women/${woman.id}/transfer`, { prisonCode: 'BZI' })).status).toBe(200);

    const transfer = (await trailOf(woman.id)).find((e) => e.entityType === 'WOMAN' && e.action === 'TRANSFERRED');
    expect(transfer).toMatchObject({ actorId: prt.id, before: { prisonCode: 'STI' }, after: { prisonCode: 'BZI' } });
  });
});
