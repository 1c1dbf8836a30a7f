import {
  AlertKind,
  DEFAULT_ESCALATION_LADDER,
  alertThresholds,
  deadlineJobId,
  escalationInstants,
  thresholdApplies,
} from './alerts';

describe('alert thresholds', () => {
  it('puts each escalation rung at the end of the working day N working days after the due date', () => {
    // Due Thursday 2026-12-24; +2 working days skips Christmas, Boxing Day substitute (28th) and the weekend.
    const [manager, governor] = escalationInstants('2026-12-24', DEFAULT_ESCALATION_LADDER);
    expect(manager.toISOString()).toBe('2026-12-30T17:00:00.000Z');
    expect(governor.toISOString()).toBe('2027-01-05T17:00:00.000Z');
  });

  it('lists at risk, overdue and the ladder in order, and nothing for a task with no deadline', () => {
    const atRiskAt = new Date('2027-01-04T17:00:00Z');
    const dueAt = new Date('2027-01-08T17:00:00Z');
    const escalationAts = [new Date('2027-01-12T17:00:00Z'), new Date('2027-01-15T17:00:00Z')];
    expect(alertThresholds({ atRiskAt, dueAt, escalationAts }).map((t) => `${t.kind}${t.level}`)).toEqual([
      'AT_RISK0',
      'OVERDUE0',
      'ESCALATED1',
      'ESCALATED2',
    ]);
    expect(alertThresholds({ atRiskAt: null, dueAt: null, escalationAts: [] })).toEqual([]);
  });

  it('has no at-risk threshold when the at-risk time is the due time', () => {
    const dueAt = new Date('2027-01-08T17:00:00Z');
    expect(alertThresholds({ atRiskAt: dueAt, dueAt, escalationAts: [] }).map((t) => t.kind)).toEqual([
      AlertKind.OVERDUE,
    ]);
  });

  it('fires an at-risk alert only inside its window, and overdue ones once passed', () => {
    const dueAt = new Date('2027-01-08T17:00:00Z');
    const atRisk = { kind: AlertKind.AT_RISK, level: 0, at: new Date('2027-01-04T17:00:00Z') };
    const overdue = { kind: AlertKind.OVERDUE, level: 0, at: dueAt };
    expect(thresholdApplies(atRisk, dueAt, new Date('2027-01-05T09:00:00Z'))).toBe(true);
    expect(thresholdApplies(atRisk, dueAt, new Date('2027-01-09T09:00:00Z'))).toBe(false);
    expect(thresholdApplies(atRisk, dueAt, new Date('2027-01-03T09:00:00Z'))).toBe(false);
    expect(thresholdApplies(overdue, dueAt, new Date('2027-01-09T09:00:00Z'))).toBe(true);
    expect(thresholdApplies(overdue, dueAt, new Date('2027-01-08T16:59:59Z'))).toBe(false);
  });

  it('makes job ids deterministic and free of colons', () => {
    const id = deadlineJobId('0b7c5a9e-1d2f-4c3b-9a8e-7f6d5c4b3a21', { kind: AlertKind.ESCALATED, level: 2 }, 3);
    expect(id).toBe('deadline_0b7c5a9e-1d2f-4c3b-9a8e-7f6d5c4b3a21_ESCALATED_2_r3');
    expect(id).not.toContain(':');
  });
});
