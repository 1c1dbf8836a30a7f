/** When a planned task falls due and when it turns at risk, and a task's schedule state at a given moment. */
import { addCalendarDays, addWorkingDays, endOfWorkingDay, lastWorkingDayOnOrBefore, londonDateOf } from './calendar';
import { DeadlineAnchor, DeadlineRule, IsoDate, OffsetUnit } from './task-template';
import { isOpenTaskStatus, ScheduleState, TaskStatus } from './tasks';

export interface DeadlineAnchors {
  releaseDate: IsoDate | null;
  receptionDate: IsoDate | null;
  needIdentifiedAt: Date | null;
  /** Her HDC eligibility date (HDCED); absent or null when she has none. */
  hdcEligibilityDate?: IsoDate | null;
  /** Handover start (see handover.ts); absent or null when it cannot be worked out. */
  comAllocatedDate?: IsoDate | null;
}

export interface TaskDeadline {
  dueDate: IsoDate;
  dueAt: Date;
  atRiskAt: Date;
}

function anchorDate(anchor: DeadlineAnchor, anchors: DeadlineAnchors): IsoDate | null {
  switch (anchor) {
    case DeadlineAnchor.RELEASE:
      return anchors.releaseDate;
    case DeadlineAnchor.RECEPTION:
      return anchors.receptionDate;
    case DeadlineAnchor.NEED_IDENTIFIED:
      return anchors.needIdentifiedAt === null ? null : londonDateOf(anchors.needIdentifiedAt);
    case DeadlineAnchor.HDC_ELIGIBILITY:
      return anchors.hdcEligibilityDate ?? null;
    case DeadlineAnchor.COM_ALLOCATED:
      return anchors.comAllocatedDate ?? null;
  }
}

/**
 * Null when the anchor date is not known yet (no release date, need not yet identified): a guessed deadline
 * would be worse than none.
 */
export function computeDeadline(
  rule: DeadlineRule,
  atRiskLeadWorkingDays: number,
  anchors: DeadlineAnchors,
): TaskDeadline | null {
  if (!Number.isInteger(atRiskLeadWorkingDays) || atRiskLeadWorkingDays < 0) {
    throw new RangeError(`The at-risk lead must be a whole number of working days, not ${atRiskLeadWorkingDays}`);
  }
  const anchor = anchorDate(rule.anchor, anchors);
  if (anchor === null) {
    return null;
  }
  // Nobody works at weekends, so a calendar-day deadline on one is brought forward to the working day before.
  const dueDate =
    rule.unit === OffsetUnit.WORKING_DAYS
      ? addWorkingDays(anchor, rule.offset)
      : lastWorkingDayOnOrBefore(addCalendarDays(anchor, rule.offset));
  return {
    dueDate,
    dueAt: endOfWorkingDay(dueDate),
    atRiskAt: endOfWorkingDay(addWorkingDays(dueDate, -atRiskLeadWorkingDays)),
  };
}

/** A closed task is never late: what matters on the board is the work still to do. */
export function scheduleStateAt(task: { status: TaskStatus; dueAt: Date; atRiskAt: Date }, now: Date): ScheduleState {
  if (!isOpenTaskStatus(task.status)) {
    return ScheduleState.ON_TRACK;
  }
  if (now.getTime() >= task.dueAt.getTime()) {
    return ScheduleState.OVERDUE;
  }
  if (now.getTime() >= task.atRiskAt.getTime()) {
    return ScheduleState.AT_RISK;
  }
  return ScheduleState.ON_TRACK;
}
