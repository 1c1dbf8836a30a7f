import { computeDeadline, DeadlineAnchors, scheduleStateAt } from './deadlines';
import { DeadlineAnchor, DeadlineRule, OffsetUnit } from './task-template';
import { ScheduleState, TaskStatus } from './tasks';

const noAnchors: DeadlineAnchors = { releaseDate: null, receptionDate: null, needIdentifiedAt: null };

function rule(anchor: DeadlineAnchor, offset: number, unit: OffsetUnit): DeadlineRule {
  return { anchor, offset, unit };
}

describe('computeDeadline', () => {
  it('puts a 12-weeks-before-release task 84 days before release, due at 17:00 London time', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.RELEASE, -84, OffsetUnit.CALENDAR_DAYS), 5, {
      ...noAnchors,
      releaseDate: '2026-09-30',
    });
    expect(deadline).toEqual({
      dueDate: '2026-07-08',
      dueAt: new Date('2026-07-08T16:00:00Z'),
      atRiskAt: new Date('2026-07-01T16:00:00Z'),
    });
  });

  it('brings a calendar-day due date on a Saturday forward to the Friday', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.RELEASE, -2, OffsetUnit.CALENDAR_DAYS), 1, {
      ...noAnchors,
      releaseDate: '2026-06-22',
    });
    expect(deadline?.dueDate).toBe('2026-06-19');
  });

  it('brings a calendar-day due date on Easter Monday forward past Good Friday, in winter time', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.RELEASE, -7, OffsetUnit.CALENDAR_DAYS), 2, {
      ...noAnchors,
      releaseDate: '2027-04-05',
    });
    expect(deadline).toEqual({
      dueDate: '2027-03-25',
      dueAt: new Date('2027-03-25T17:00:00Z'),
      atRiskAt: new Date('2027-03-23T17:00:00Z'),
    });
  });

  it('counts a working-day offset after release across the Easter weekend', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.RELEASE, 1, OffsetUnit.WORKING_DAYS), 0, {
      ...noAnchors,
      releaseDate: '2027-03-25',
    });
    expect(deadline?.dueDate).toBe('2027-03-30');
  });

  it('turns at risk in winter time for a task due just after the clocks go forward', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.RELEASE, 1, OffsetUnit.WORKING_DAYS), 1, {
      ...noAnchors,
      releaseDate: '2027-03-25',
    });
    expect(deadline?.dueAt).toEqual(new Date('2027-03-30T16:00:00Z'));
    expect(deadline?.atRiskAt).toEqual(new Date('2027-03-25T17:00:00Z'));
  });

  it('makes a need-identified referral due two working days later, skipping Christmas 2026', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.NEED_IDENTIFIED, 2, OffsetUnit.WORKING_DAYS), 1, {
      ...noAnchors,
      needIdentifiedAt: new Date('2026-12-23T10:00:00Z'),
    });
    expect(deadline).toEqual({
      dueDate: '2026-12-29',
      dueAt: new Date('2026-12-29T17:00:00Z'),
      atRiskAt: new Date('2026-12-24T17:00:00Z'),
    });
  });

  it('reads the need-identified moment as a London date', () => {
    // 23:30Z on Friday 19 June 2026 is already Saturday in London, so the first working day is Monday.
    const deadline = computeDeadline(rule(DeadlineAnchor.NEED_IDENTIFIED, 2, OffsetUnit.WORKING_DAYS), 1, {
      ...noAnchors,
      needIdentifiedAt: new Date('2026-06-19T23:30:00Z'),
    });
    expect(deadline?.dueDate).toBe('2026-06-23');
  });

  it('anchors on the reception date', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.RECEPTION, 5, OffsetUnit.WORKING_DAYS), 2, {
      ...noAnchors,
      receptionDate: '2026-06-15',
    });
    expect(deadline?.dueDate).toBe('2026-06-22');
  });

  it('makes at-risk the same moment as due when the lead is zero', () => {
    const deadline = computeDeadline(rule(DeadlineAnchor.RELEASE, -14, OffsetUnit.CALENDAR_DAYS), 0, {
      ...noAnchors,
      releaseDate: '2026-09-30',
    });
    expect(deadline?.atRiskAt).toEqual(deadline?.dueAt);
  });

  it.each([DeadlineAnchor.RELEASE, DeadlineAnchor.RECEPTION, DeadlineAnchor.NEED_IDENTIFIED])(
    'is null when the %s anchor is missing',
    (anchor) => {
      expect(computeDeadline(rule(anchor, 2, OffsetUnit.WORKING_DAYS), 1, noAnchors)).toBeNull();
    },
  );

  it('uses only the anchor the rule names', () => {
    const anchors = { releaseDate: '2026-09-30', receptionDate: null, needIdentifiedAt: null };
    expect(computeDeadline(rule(DeadlineAnchor.RECEPTION, 2, OffsetUnit.WORKING_DAYS), 1, anchors)).toBeNull();
  });

  it('rejects a negative at-risk lead', () => {
    expect(() =>
      computeDeadline(rule(DeadlineAnchor.RELEASE, -7, OffsetUnit.CALENDAR_DAYS), -1, {
        ...noAnchors,
        releaseDate: '2026-09-30',
      }),
    ).toThrow(RangeError);
  });
});

describe('scheduleStateAt', () => {
  const atRiskAt = new Date('2026-07-01T16:00:00Z');
  const dueAt = new Date('2026-07-08T16:00:00Z');
  const task = (status: TaskStatus) => ({ status, dueAt, atRiskAt });

  it('is on track before the at-risk moment', () => {
    expect(scheduleStateAt(task(TaskStatus.TODO), new Date('2026-07-01T15:59:59Z'))).toBe(ScheduleState.ON_TRACK);
  });

  it('is at risk from the at-risk moment', () => {
    expect(scheduleStateAt(task(TaskStatus.IN_PROGRESS), atRiskAt)).toBe(ScheduleState.AT_RISK);
  });

  it('is still at risk just before it is due', () => {
    expect(scheduleStateAt(task(TaskStatus.TODO), new Date('2026-07-08T15:59:59Z'))).toBe(ScheduleState.AT_RISK);
  });

  it('is overdue from the moment it is due', () => {
    expect(scheduleStateAt(task(TaskStatus.TODO), dueAt)).toBe(ScheduleState.OVERDUE);
  });

  it('is overdue when blocked past its due time', () => {
    expect(scheduleStateAt(task(TaskStatus.BLOCKED), new Date('2026-08-01T09:00:00Z'))).toBe(ScheduleState.OVERDUE);
  });

  it.each([TaskStatus.DONE, TaskStatus.NOT_NEEDED])('is on track when %s, however late', (status) => {
    expect(scheduleStateAt(task(status), new Date('2026-08-01T09:00:00Z'))).toBe(ScheduleState.ON_TRACK);
  });
});
