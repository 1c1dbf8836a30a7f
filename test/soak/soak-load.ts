/**
 * The soak's load: a steady mix of the writes the service takes on a working day (notes, claims and releases of
 * tasks, status changes, CRS referrals drafted and sent, releases from custody, new women with their needs), started
 * at a fixed rate whatever the answers take, through the API balancer. Every write and its answer is logged, and
 * what each successful write must have left in PostgreSQL is kept, so the checker can prove none was lost.
 */
import { Role, TaskStatus } from '@app/domain';
import type { ReferralDetailView, TaskView, WomanDetailView } from '@app/contracts';
import { createWoman, recordNeeds, SignedInUser } from '../factories';

export type WriteKind = 'note' | 'claim' | 'unclaim' | 'status' | 'referral' | 'release' | 'new-woman';

export interface WriteRecord {
  kind: WriteKind;
  ok: boolean;
  status: number;
  ms: number;
  detail: string;
}

/** A woman whose tasks the load works on. */
export interface LoadWoman {
  id: string;
  /** Her pre-release team tasks. */
  taskIds: string[];
  released: boolean;
  referred: boolean;
}

/** What the database must hold at the end, from the writes that succeeded. */
export interface Expectations {
  notes: { taskId: string; body: string }[];
  /** Each task's holder after its last successful claim or release (null: released). */
  holders: Map<string, string | null>;
  /** Each task's status after its last successful change. */
  statuses: Map<string, string>;
  /** Tasks of the women released: her release closes or hands on her tasks, so their last state is not ours. */
  releasedTaskIds: Set<string>;
  referralsSent: string[];
  releasedWomen: string[];
  newWomen: string[];
}

const MIX: [WriteKind | 'claim-toggle', number][] = [
  ['note', 40],
  ['claim-toggle', 20],
  ['status', 20],
  ['referral', 8],
  ['release', 4],
  ['new-woman', 8],
];

const REFERRAL = {
  pathways: [{ pathway: 'ACCOMMODATION', complexity: 'MEDIUM', desiredOutcomes: ['A settled address before release'] }],
  riskInformation: { roshLevel: 'LOW', riskSummary: 'No current risk concerns recorded' },
};

export class SoakLoad {
  readonly records: WriteRecord[] = [];
  readonly expected: Expectations = {
    notes: [],
    holders: new Map(),
    statuses: new Map(),
    releasedTaskIds: new Set(),
    referralsSent: [],
    releasedWomen: [],
    newWomen: [],
  };
  private readonly busy = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private counter = 0;

  constructor(
    private readonly apiUrl: string,
    private readonly prt: SignedInUser,
    private readonly com: SignedInUser,
    private readonly releaseAreaCode: string,
    /** Women the load may change in every way (released, referred, tasks moved through their states). */
    private readonly women: LoadWoman[],
    /** Tasks that only take notes and claims: their deadlines belong to the threshold schedule. */
    private readonly quietTaskIds: string[],
  ) {}

  start(opsPerSecond: number): void {
    this.timer = setInterval(() => this.fire(), 1000 / opsPerSecond);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all([...this.inFlight]);
  }

  private fire(): void {
    // A bound on work queued behind a slow API: the rate is steady, the backlog is not allowed to grow forever.
    if (this.inFlight.size >= 64) return;
    const work = this.one().catch((error: Error) => {
      this.records.push({ kind: 'note', ok: false, status: 0, ms: 0, detail: `load error: ${error.message}` });
    });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private pick(): WriteKind | 'claim-toggle' {
    const total = MIX.reduce((n, [, w]) => n + w, 0);
    let roll = Math.random() * total;
    for (const [kind, weight] of MIX) {
      roll -= weight;
      if (roll < 0) return kind;
    }
    return 'note';
  }

  private async one(): Promise<void> {
    const kind = this.pick();
    const open = this.women.filter((w) => !w.released);
    // Tasks still open as far as this load's own writes know: not done, and not of a woman released.
    const openTasks = [
      ...open.flatMap((w) => w.taskIds).filter((id) => this.expected.statuses.get(id) !== TaskStatus.DONE),
      ...this.quietTaskIds,
    ];
    switch (kind) {
      case 'note':
        return this.note(random(openTasks));
      case 'claim-toggle':
        return this.claimToggle(random(openTasks));
      case 'status':
        return this.status(random(open));
      case 'referral':
        return this.referral(random(open.filter((w) => !w.referred)));
      case 'release':
        // Keep most women in custody, so that the board keeps work to show.
        return open.length > this.women.length / 2 ? this.release(random(open)) : this.note(random(this.quietTaskIds));
      default:
        return this.newWoman();
    }
  }

  private async timed<T extends { status: number }>(
    kind: WriteKind,
    okStatuses: number[],
    detail: string,
    request: () => Promise<T>,
  ): Promise<T | null> {
    const started = performance.now();
    const response = await request().catch((error: Error) => {
      this.records.push({ kind, ok: false, status: 0, ms: performance.now() - started, detail: error.message });
      return null;
    });
    if (!response) return null;
    const ok = okStatuses.includes(response.status);
    const why = ok ? '' : `: ${JSON.stringify((response as { body?: unknown }).body)}`;
    this.records.push({ kind, ok, status: response.status, ms: performance.now() - started, detail: detail + why });
    return ok ? response : null;
  }

  /** Skips a task another write is working on, so each task's writes are one after another. */
  private async exclusively(key: string | undefined, work: () => Promise<void>): Promise<void> {
    if (key === undefined || this.busy.has(key)) return;
    this.busy.add(key);
    try {
      await work();
    } finally {
      this.busy.delete(key);
    }
  }

  private note(taskId: string | undefined): Promise<void> {
    return this.exclusively(taskId, async () => {
      const body = `soak note ${process.pid}-${(this.counter += 1)}`;
      const done = await this.timed('note', [201], taskId as string, () =>
        this.prt.api.post(`/tasks/${taskId}/notes`, { body }),
      );
      if (done) this.expected.notes.push({ taskId: taskId as string, body });
    });
  }

  /** Claims a task nobody holds, or lets go of one she holds (as the answers to her writes said). */
  private claimToggle(taskId: string | undefined): Promise<void> {
    return this.exclusively(taskId, async () => {
      const id = taskId as string;
      const held = this.expected.holders.get(id) === this.prt.id;
      const kind: WriteKind = held ? 'unclaim' : 'claim';
      const done = await this.timed(kind, [200, 201], id, () =>
        this.prt.api.post<TaskView>(`/tasks/${id}/${held ? 'release' : 'claim'}`, {}),
      );
      if (done) this.expected.holders.set(id, done.body.assigneeId);
    });
  }

  /** Reads her record (as the board does) and moves one open task on: to do, in progress, done. */
  private status(woman: LoadWoman | undefined): Promise<void> {
    return this.exclusively(woman?.id, async () => {
      const w = woman as LoadWoman;
      const detail = await this.prt.api.get<WomanDetailView>(`/women/${w.id}`);
      if (detail.status !== 200) return;
      const task = detail.body.tasks.find(
        (t: TaskView) =>
          w.taskIds.includes(t.id) && (t.status === TaskStatus.TODO || t.status === TaskStatus.IN_PROGRESS),
      );
      if (!task || this.busy.has(task.id)) return;
      const next = task.status === TaskStatus.TODO ? TaskStatus.IN_PROGRESS : TaskStatus.DONE;
      await this.exclusively(task.id, async () => {
        const done = await this.timed('status', [200], task.id, () =>
          this.prt.api.patch<TaskView>(`/tasks/${task.id}/status`, { status: next, version: task.version }),
        );
        if (done) {
          this.expected.statuses.set(task.id, next);
          // Starting a task takes it (the service assigns it to whoever starts it): the answer says who holds it.
          this.expected.holders.set(task.id, done.body.assigneeId);
        }
      });
    });
  }

  private referral(woman: LoadWoman | undefined): Promise<void> {
    return this.exclusively(woman?.id, async () => {
      const w = woman as LoadWoman;
      const draft = await this.timed('referral', [201], w.id, () =>
        this.com.api.post<ReferralDetailView>(`/women/${w.id}/referrals`, REFERRAL),
      );
      if (!draft) return;
      w.referred = true;
      const sent = await this.timed('referral', [200], w.id, () =>
        this.com.api.post<ReferralDetailView>(`/referrals/${draft.body.id}/send`, {}),
      );
      if (sent) this.expected.referralsSent.push(draft.body.id);
    });
  }

  private release(woman: LoadWoman | undefined): Promise<void> {
    return this.exclusively(woman?.id, async () => {
      const w = woman as LoadWoman;
      if (w.taskIds.some((id) => this.busy.has(id))) return;
      // Out of the pools before the request: no write may start on her tasks while she is being released.
      w.released = true;
      const done = await this.timed('release', [200, 201], w.id, () => this.prt.api.post(`/women/${w.id}/release`, {}));
      if (!done) {
        w.released = false;
        return;
      }
      this.expected.releasedWomen.push(w.id);
      for (const id of w.taskIds) this.expected.releasedTaskIds.add(id);
    });
  }

  private async newWoman(): Promise<void> {
    const started = performance.now();
    try {
      const woman = await createWoman(this.apiUrl, this.prt.token, {
        releaseAreaCode: this.releaseAreaCode,
        comId: this.com.id,
      });
      const { tasksCreated } = await recordNeeds(this.prt.api, woman.id, ['ACCOMMODATION', 'FINANCE_AND_ID']);
      const taskIds = tasksCreated.filter((t) => t.ownerRole === Role.PRE_RELEASE_TEAM).map((t) => t.id);
      this.records.push({
        kind: 'new-woman',
        ok: true,
        status: 201,
        ms: performance.now() - started,
        detail: woman.id,
      });
      this.expected.newWomen.push(woman.id);
      this.women.push({ id: woman.id, taskIds, released: false, referred: false });
    } catch (error) {
      const message = (error as Error).message;
      this.records.push({ kind: 'new-woman', ok: false, status: 0, ms: performance.now() - started, detail: message });
    }
  }
}

function random<T>(items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(Math.random() * items.length)];
}
