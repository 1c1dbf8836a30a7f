/**
 * How far the work on each demo task has got, so the board looks lived in: most tasks long past due are done,
 * some are in progress or blocked, and enough are left late or at risk to show what the board is for. Pure:
 * decides the status changes; the seed command writes them through the task repository.
 */
import { Pathway, TaskStatus, taskStatusChangeProblem } from '@app/domain';
import { Random } from './random';

export interface ProgressableTask {
  pathway: Pathway;
  status: TaskStatus;
  dueAt: Date | null;
  atRiskAt: Date | null;
}

export interface TaskStatusStep {
  to: TaskStatus;
  /** Required when blocking: nobody else can unblock a task that does not say why. */
  reason: string | null;
}

export interface TaskProgressPlan {
  /** Whether the owner claims it (only possible while it is open, so claims come first). */
  claim: boolean;
  steps: TaskStatusStep[];
}

/** "Well past" due: long enough ago that the work would normally have been finished by now. */
const WELL_PAST_DUE_MS = 3 * 24 * 60 * 60 * 1000;
const SOON_DUE_MS = 60 * 24 * 60 * 60 * 1000;

const BLOCKED_REASONS: Readonly<Partial<Record<Pathway, readonly string[]>>> = {
  [Pathway.ACCOMMODATION]: [
    'The local authority has not replied to the duty to refer; chased twice.',
    'Waiting for the COM to confirm whether the address is suitable given the risk assessment.',
    'Approved premises bed not yet confirmed.',
  ],
  [Pathway.FINANCE_AND_ID]: [
    'Waiting for her birth certificate from the General Register Office.',
    'The bank needs proof of address we cannot give until the release address is confirmed.',
    'Her passport is held by the Home Office; waiting for a copy.',
  ],
  [Pathway.HEALTH]: [
    'The GP practice will not register her until she has an address in its area.',
    'Waiting for healthcare to confirm her medication on release.',
  ],
  [Pathway.CHILDREN_FAMILIES_AND_COMMUNITY]: ["Waiting for children's services to name an allocated social worker."],
  [Pathway.DRUGS_AND_ALCOHOL]: ['The community drug and alcohol service has a waiting list for assessments.'],
  [Pathway.DOMESTIC_ABUSE]: [
    'She has asked for time to think before going ahead.',
    'Waiting for the refuge to confirm it has a space on her release date.',
  ],
  [Pathway.SEX_WORK]: ['She has asked for time to think before going ahead.'],
};

const DEFAULT_BLOCKED_REASONS: readonly string[] = [
  'She has asked for time to think before consenting.',
  'Waiting on a reply from a community service.',
];

interface Odds {
  done: number;
  inProgress: number;
  blocked: number;
  /** How often an untouched task has still been claimed by its owner. */
  claimWhileTodo: number;
}

function oddsFor(task: ProgressableTask, now: Date): Odds {
  if (task.dueAt === null) {
    return { done: 0, inProgress: 0.1, blocked: 0.05, claimWhileTodo: 0.15 };
  }
  const untilDue = task.dueAt.getTime() - now.getTime();
  if (untilDue < -WELL_PAST_DUE_MS) return { done: 0.7, inProgress: 0.12, blocked: 0.06, claimWhileTodo: 0.3 };
  if (untilDue <= 0) return { done: 0.35, inProgress: 0.25, blocked: 0.08, claimWhileTodo: 0.4 };
  if (task.atRiskAt !== null && task.atRiskAt.getTime() <= now.getTime()) {
    return { done: 0.25, inProgress: 0.35, blocked: 0.08, claimWhileTodo: 0.4 };
  }
  if (untilDue <= SOON_DUE_MS) return { done: 0.1, inProgress: 0.2, blocked: 0.04, claimWhileTodo: 0.3 };
  return { done: 0.03, inProgress: 0.08, blocked: 0.02, claimWhileTodo: 0.15 };
}

/** Only plans changes the task status machine allows, starting from a freshly planned TODO task. */
export function planTaskProgress(random: Random, task: ProgressableTask, now: Date): TaskProgressPlan {
  if (task.status !== TaskStatus.TODO) {
    return { claim: false, steps: [] };
  }
  const odds = oddsFor(task, now);
  const roll = random.float();
  let plan: TaskProgressPlan;
  if (roll < odds.done) {
    // Small jobs are often just done; most work is picked up first.
    const direct = random.chance(0.3);
    plan = {
      claim: random.chance(0.85),
      steps: direct
        ? [{ to: TaskStatus.DONE, reason: null }]
        : [
            { to: TaskStatus.IN_PROGRESS, reason: null },
            { to: TaskStatus.DONE, reason: null },
          ],
    };
  } else if (roll < odds.done + odds.inProgress) {
    plan = { claim: random.chance(0.9), steps: [{ to: TaskStatus.IN_PROGRESS, reason: null }] };
  } else if (roll < odds.done + odds.inProgress + odds.blocked) {
    const reason = random.pick(BLOCKED_REASONS[task.pathway] ?? DEFAULT_BLOCKED_REASONS);
    plan = { claim: random.chance(0.8), steps: [{ to: TaskStatus.BLOCKED, reason }] };
  } else {
    plan = { claim: random.chance(odds.claimWhileTodo), steps: [] };
  }
  assertAllowed(task.status, plan.steps);
  return plan;
}

function assertAllowed(from: TaskStatus, steps: readonly TaskStatusStep[]): void {
  let current = from;
  for (const step of steps) {
    const problem = taskStatusChangeProblem(current, step.to, step.reason);
    if (problem !== null) {
      throw new Error(`Demo task progress planned a change the status machine refuses: ${problem}`);
    }
    current = step.to;
  }
}
