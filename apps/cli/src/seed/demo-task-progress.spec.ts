import {
  DEFAULT_TASK_CATALOGUE,
  PathwayStatus,
  ScheduleState,
  TaskStatus,
  endOfWorkingDay,
  nationalInsuranceRoute,
  planTasksForPathway,
  releaseAreaCountry,
  taskStatusChangeProblem,
} from '@app/domain';
import { scheduleStateOf, summariseTasks } from './board-summary';
import { buildDemoBoard } from './demo-board';
import { planTaskProgress, ProgressableTask, TaskProgressPlan } from './demo-task-progress';
import { Random } from './random';

const TODAY = '2026-11-22';
const NOW = new Date(endOfWorkingDay(TODAY).getTime() - 5 * 60 * 60 * 1000);

/** The demo board as the seed would leave it, planned with the domain's own planner and no database. */
function simulateBoard(): { task: ProgressableTask; plan: TaskProgressPlan; finalStatus: TaskStatus }[] {
  const board = buildDemoBoard(TODAY);
  const result = [];
  for (const woman of board.women) {
    const { assessedAt, outcomes } = woman.assessment;
    for (const { pathway } of outcomes.filter((o) => o.status === PathwayStatus.SUPPORT_REQUIRED)) {
      const planned = planTasksForPathway(DEFAULT_TASK_CATALOGUE, pathway, {
        releaseDate: woman.releaseDate,
        receptionDate: woman.receptionDate,
        needIdentifiedAt: assessedAt,
        custodyStatus: woman.custodyStatus,
        releaseType: woman.releaseType,
        flags: new Set(woman.sensitiveFlags),
        releaseCountry: releaseAreaCountry(woman.releaseAreaCode),
        nationalInsuranceRoute: nationalInsuranceRoute({
          hasNationalInsuranceNumber: woman.hasNationalInsuranceNumber,
          flags: new Set(woman.sensitiveFlags),
        }),
        now: assessedAt,
      });
      for (const p of planned) {
        const task = {
          pathway: p.pathway,
          status: TaskStatus.TODO,
          dueAt: p.deadline?.dueAt ?? null,
          atRiskAt: p.deadline?.atRiskAt ?? null,
        };
        const plan = planTaskProgress(board.progressRandom, task, NOW);
        result.push({ task, plan, finalStatus: plan.steps.at(-1)?.to ?? TaskStatus.TODO });
      }
    }
  }
  return result;
}

describe('demo task progress', () => {
  const board = simulateBoard();

  it('only plans changes the task status machine allows, with a reason for every block', () => {
    for (const { plan } of board) {
      let current = TaskStatus.TODO;
      for (const step of plan.steps) {
        expect(taskStatusChangeProblem(current, step.to, step.reason)).toBeNull();
        current = step.to;
      }
    }
  });

  it('marks most tasks long past due as done', () => {
    const wellPast = board.filter(({ task }) => task.dueAt && NOW.getTime() - task.dueAt.getTime() > 3 * 86_400_000);
    const done = wellPast.filter((t) => t.finalStatus === TaskStatus.DONE).length;
    expect(done / wellPast.length).toBeGreaterThan(0.6);
    expect(done / wellPast.length).toBeLessThan(0.8);
  });

  it('leaves open tasks in every schedule state, and some in progress and blocked', () => {
    const summary = summariseTasks(
      board.map(({ task, finalStatus }) => ({ ...task, status: finalStatus })),
      NOW,
    );
    expect(summary.openBySchedule[ScheduleState.ON_TRACK]).toBeGreaterThan(0);
    expect(summary.openBySchedule[ScheduleState.AT_RISK]).toBeGreaterThan(0);
    expect(summary.openBySchedule[ScheduleState.OVERDUE]).toBeGreaterThan(0);
    expect(summary.byStatus[TaskStatus.IN_PROGRESS]).toBeGreaterThan(0);
    expect(summary.byStatus[TaskStatus.BLOCKED]).toBeGreaterThan(0);
  });

  it('leaves a task that is not new alone', () => {
    const task = { pathway: board[0].task.pathway, status: TaskStatus.DONE, dueAt: null, atRiskAt: null };
    expect(planTaskProgress(new Random(1), task, NOW)).toEqual({ claim: false, steps: [] });
  });
});

describe('schedule state on the demo board', () => {
  it('counts a task with no deadline yet as on track, as the board does', () => {
    expect(scheduleStateOf({ status: TaskStatus.TODO, dueAt: null, atRiskAt: null }, NOW)).toBe(ScheduleState.ON_TRACK);
  });

  it('counts an open task past its due time as overdue and a closed one as on track', () => {
    const dueAt = new Date(NOW.getTime() - 1000);
    expect(scheduleStateOf({ status: TaskStatus.BLOCKED, dueAt, atRiskAt: dueAt }, NOW)).toBe(ScheduleState.OVERDUE);
    expect(scheduleStateOf({ status: TaskStatus.DONE, dueAt, atRiskAt: dueAt }, NOW)).toBe(ScheduleState.ON_TRACK);
  });
});
