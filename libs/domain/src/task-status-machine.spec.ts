import { canChangeTaskStatus, taskStatusChangeProblem } from './task-status-machine';
import { TASK_STATUSES, TaskStatus } from './tasks';

const { TODO, IN_PROGRESS, BLOCKED, DONE, NOT_NEEDED } = TaskStatus;

const allowed: [TaskStatus, TaskStatus][] = [
  [TODO, IN_PROGRESS],
  [TODO, BLOCKED],
  [TODO, DONE],
  [TODO, NOT_NEEDED],
  [IN_PROGRESS, TODO],
  [IN_PROGRESS, BLOCKED],
  [IN_PROGRESS, DONE],
  [IN_PROGRESS, NOT_NEEDED],
  [BLOCKED, TODO],
  [BLOCKED, IN_PROGRESS],
  [BLOCKED, DONE],
  [BLOCKED, NOT_NEEDED],
  [DONE, IN_PROGRESS],
  [NOT_NEEDED, TODO],
];

const isAllowed = (from: TaskStatus, to: TaskStatus): boolean => allowed.some(([f, t]) => f === from && t === to);

describe('canChangeTaskStatus', () => {
  it.each(allowed)('allows %s -> %s', (from, to) => {
    expect(canChangeTaskStatus(from, to)).toBe(true);
  });

  const refused = TASK_STATUSES.flatMap((from) =>
    TASK_STATUSES.filter((to) => !isAllowed(from, to)).map((to): [TaskStatus, TaskStatus] => [from, to]),
  );

  it('refuses exactly the other 11 changes, including staying put', () => {
    expect(refused).toHaveLength(11);
  });

  it.each(refused)('refuses %s -> %s', (from, to) => {
    expect(canChangeTaskStatus(from, to)).toBe(false);
  });
});

describe('taskStatusChangeProblem', () => {
  it('is null for an allowed change', () => {
    expect(taskStatusChangeProblem(TODO, IN_PROGRESS)).toBeNull();
  });

  it('is null when reopening a done task to in progress', () => {
    expect(taskStatusChangeProblem(DONE, IN_PROGRESS)).toBeNull();
  });

  it('is null when blocking with a reason', () => {
    expect(taskStatusChangeProblem(IN_PROGRESS, BLOCKED, 'Waiting for HMRC to reply')).toBeNull();
  });

  it('says a done task can only be reopened to in progress', () => {
    expect(taskStatusChangeProblem(DONE, TODO)).toBe(
      'A task in "Done" cannot move to "To do"; from there it can only move to "In progress".',
    );
  });

  it('lists every allowed move when refusing', () => {
    expect(taskStatusChangeProblem(NOT_NEEDED, DONE)).toBe(
      'A task in "Not needed" cannot move to "Done"; from there it can only move to "To do".',
    );
  });

  it('refuses a change to the same status', () => {
    expect(taskStatusChangeProblem(BLOCKED, BLOCKED, 'still waiting')).toBe('The task is already in "Blocked".');
  });

  it.each([undefined, null, '', '   '])('asks why when blocking with reason %p', (reason) => {
    expect(taskStatusChangeProblem(TODO, BLOCKED, reason)).toBe('Say why the task is blocked.');
  });

  it('reports the illegal change before the missing reason', () => {
    expect(taskStatusChangeProblem(DONE, BLOCKED)).toMatch(/^A task in "Done" cannot move to "Blocked"/);
  });
});
