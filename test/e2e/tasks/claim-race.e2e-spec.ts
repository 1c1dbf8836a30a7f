/** Exclusive claims under real concurrency, releasing a claim, and the guarded task status changes. */
import { Role } from '@app/domain';
import type { TaskDetailView, TaskView, WomanDetailView } from '@app/contracts';
import { ApiResponse, ErrorBody, messageOf } from '../../setup/api-client';
import { TestApi, startTestApi } from '../../setup/test-app';
import { SignedInUser, createPrtTask, createSignedInUser } from '../../factories';

const CLAIMANTS = 20;

describe('claiming tasks and changing their status', () => {
  let testApi: TestApi;
  let claimants: SignedInUser[];
  let prt: SignedInUser;

  beforeAll(async () => {
    testApi = await startTestApi();
    claimants = await Promise.all(
      Array.from({ length: CLAIMANTS }, () =>
        createSignedInUser(testApi.dataSource, testApi.baseUrl, { role: Role.PRE_RELEASE_TEAM, prisonCodes: ['STI'] }),
      ),
    );
    prt = claimants[0];
  });

  afterAll(async () => {
    await testApi?.close();
  });

  const freshPrtTask = () => createPrtTask(testApi.baseUrl, prt);

  async function readTask(id: string): Promise<TaskDetailView> {
    const response = await prt.api.get<TaskDetailView>(`/tasks/${id}`);
    expect(response.status).toBe(200);
    return response.body;
  }

  async function auditActions(womanId: string, taskId: string): Promise<{ action: string; actorId: string | null }[]> {
    const response = await prt.api.get<WomanDetailView>(`/women/${womanId}`);
    return response.body.auditTrail.filter((e) => e.entityType === 'TASK' && e.entityId === taskId);
  }

  it('lets someone else claim the task once the holder releases it, and only the holder may release it', async () => {
    const task = await freshPrtTask();
    const [holder, bystander, next] = claimants.slice(1, 4);
    expect((await holder.api.post(`/tasks/${task.id}/claim`)).status).toBe(200);

    const notHers = await bystander.api.post(`/tasks/${task.id}/release`);
    expect(notHers.status).toBe(403);
    expect((await readTask(task.id)).assigneeId).toBe(holder.id);

    const released = await holder.api.post<TaskView>(`/tasks/${task.id}/release`);
    expect(released.status).toBe(200);
    expect(released.body.assigneeId).toBeNull();

    const reclaimed = await next.api.post<TaskView>(`/tasks/${task.id}/claim`);
    expect(reclaimed.status).toBe(200);
    expect((await readTask(task.id)).assigneeId).toBe(next.id);
    expect((await auditActions(task.womanId, task.id)).map((e) => [e.action, e.actorId])).toEqual([
      ['CREATED', prt.id],
      ['CLAIMED', holder.id],
      ['CLAIM_RELEASED', holder.id],
      ['CLAIMED', next.id],
    ]);
  });

  it('refuses a status change made from a stale version with 409 and changes nothing', async () => {
    const task = await freshPrtTask();
    const started = await prt.api.patch<TaskView>(`/tasks/${task.id}/status`, {
      status: 'IN_PROGRESS',
      version: task.version,
    });
    expect(started.status).toBe(200);
    const before = await readTask(task.id);

    const stale = await prt.api.patch(`/tasks/${task.id}/status`, { status: 'DONE', version: task.version });

    expect(stale.status).toBe(409);
    const after = await readTask(task.id);
    expect(after).toMatchObject({ status: 'IN_PROGRESS', version: before.version, completedAt: null });
    expect(after.statusLog).toHaveLength(before.statusLog.length);
  });

  it.each([
    ['no reason', {}],
    ['a blank reason', { reason: '   ' }],
  ])('refuses BLOCKED with %s with 400 naming reason, and changes nothing', async (_what, extra) => {
    const task = await freshPrtTask();

    const response = await prt.api.patch(`/tasks/${task.id}/status`, {
      status: 'BLOCKED',
      version: task.version,
      ...extra,
    });

    expect(response.status).toBe(400);
    expect(response.body.fields?.map((f) => f.field)).toContain('reason');
    expect(await readTask(task.id)).toMatchObject({ status: 'TODO', version: task.version, blockedReason: null });
  });

  it('refuses an illegal transition (NOT_NEEDED to DONE) with 409 and leaves the task not needed', async () => {
    const task = await freshPrtTask();
    const notNeeded = await prt.api.patch<TaskView>(`/tasks/${task.id}/status`, {
      status: 'NOT_NEEDED',
      version: task.version,
    });
    expect(notNeeded.status).toBe(200);

    const done = await prt.api.patch(`/tasks/${task.id}/status`, { status: 'DONE', version: notNeeded.body.version });

    expect(done.status).toBe(409);
    expect(await readTask(task.id)).toMatchObject({ status: 'NOT_NEEDED', version: notNeeded.body.version });
  });
  // Last, because a server that wedges under this load would take the tests after it down with it.
  it('lets exactly one of 20 simultaneous claimants win; the other 19 get 409 naming the winner', async () => {
    const task = await freshPrtTask();

    const responses: ApiResponse<TaskView | ErrorBody>[] = await Promise.all(
      claimants.map((user) => user.api.withTimeout(60_000).post<TaskView | ErrorBody>(`/tasks/${task.id}/claim`)),
    );

    const winners = responses.map((r, i) => ({ r, user: claimants[i] })).filter(({ r }) => r.status === 200);
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array<number>(CLAIMANTS - 1).fill(409)]);
    const winner = winners[0].user;
    expect((winners[0].r.body as TaskView).assigneeId).toBe(winner.id);
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect((loser.body as ErrorBody).heldBy).toMatchObject({ id: winner.id, displayName: winner.displayName });
      expect(messageOf(loser.body as ErrorBody)).toContain(winner.displayName);
    }
    expect((await readTask(task.id)).assigneeId).toBe(winner.id);
    const claims = (await auditActions(task.womanId, task.id)).filter((e) => e.action === 'CLAIMED');
    expect(claims).toEqual([expect.objectContaining({ action: 'CLAIMED', actorId: winner.id })]);
  });
});
