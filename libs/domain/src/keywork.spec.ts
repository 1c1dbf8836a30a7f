import {
  DEFAULT_KEYWORK_FREQUENCY_WEEKS,
  isKeyworkOverdue,
  isValidKeyworkFrequency,
  keyworkDeadline,
  keyworkTaskTitle,
  latestSessionDate,
} from './keywork';

describe('keywork', () => {
  it('defaults to one session a week, as keyworker-api does for a prison with no frequency set', () => {
    expect(DEFAULT_KEYWORK_FREQUENCY_WEEKS).toBe(1);
  });

  it('makes the next session due the target number of weeks after the last, by 17:00 London', () => {
    // Monday 2 November 2026 (GMT): due Monday 9 November, at risk two working days before (Thursday 5th).
    const due = keyworkDeadline({ lastSessionOn: '2026-11-02', receptionDate: '2026-01-05', frequencyWeeks: 1 });
    expect(due.dueDate).toBe('2026-11-09');
    expect(due.dueAt.toISOString()).toBe('2026-11-09T17:00:00.000Z');
    expect(due.atRiskAt.toISOString()).toBe('2026-11-05T17:00:00.000Z');
    const fortnightly = keyworkDeadline({
      lastSessionOn: '2026-11-02',
      receptionDate: '2026-01-05',
      frequencyWeeks: 2,
    });
    expect(fortnightly.dueDate).toBe('2026-11-16');
  });

  it('counts from her reception when she has had no session', () => {
    expect(keyworkDeadline({ lastSessionOn: null, receptionDate: '2026-11-02', frequencyWeeks: 1 }).dueDate).toBe(
      '2026-11-09',
    );
  });

  it('starts the clock again at a recall: a session from before her latest reception does not count', () => {
    // Last seen by a keyworker in March, released, recalled and received on Monday 2 November 2026.
    const afterRecall = keyworkDeadline({
      lastSessionOn: '2026-03-10',
      receptionDate: '2026-11-02',
      frequencyWeeks: 1,
    });
    expect(afterRecall.dueDate).toBe('2026-11-09');
    const seenSince = keyworkDeadline({ lastSessionOn: '2026-11-04', receptionDate: '2026-11-02', frequencyWeeks: 1 });
    expect(seenSince.dueDate).toBe('2026-11-11');
  });

  it('brings a due date at a weekend or on a bank holiday forward to the working day before, in summer time too', () => {
    // Saturday 19 December + 1 week = Saturday 26 December (Boxing Day): due Thursday 24 December.
    expect(
      keyworkDeadline({ lastSessionOn: '2026-12-19', receptionDate: '2026-01-05', frequencyWeeks: 1 }).dueDate,
    ).toBe('2026-12-24');
    // Bank holiday Monday 31 August 2026: due Friday 28 August, 17:00 BST = 16:00Z.
    const summer = keyworkDeadline({ lastSessionOn: '2026-08-24', receptionDate: '2026-01-05', frequencyWeeks: 1 });
    expect(summer.dueDate).toBe('2026-08-28');
    expect(summer.dueAt.toISOString()).toBe('2026-08-28T16:00:00.000Z');
  });

  it('has lapsed from the due instant on, not before', () => {
    const facts = { lastSessionOn: '2026-11-02', receptionDate: '2026-01-05', frequencyWeeks: 1 };
    expect(isKeyworkOverdue(facts, new Date('2026-11-09T16:59:59Z'))).toBe(false);
    expect(isKeyworkOverdue(facts, new Date('2026-11-09T17:00:00Z'))).toBe(true);
  });

  it('takes whole weeks from 1 to 12 only', () => {
    expect([0, 1, 12, 13, 1.5].map(isValidKeyworkFrequency)).toEqual([false, true, true, false, false]);
    expect(() => keyworkDeadline({ lastSessionOn: null, receptionDate: '2026-11-02', frequencyWeeks: 0 })).toThrow(
      RangeError,
    );
  });

  it('finds her latest session whatever order they were recorded in', () => {
    expect(latestSessionDate([])).toBeNull();
    expect(latestSessionDate(['2026-11-02', '2026-11-20', '2026-11-09'])).toBe('2026-11-20');
  });

  it('titles the task with the due date and the target', () => {
    expect(keyworkTaskTitle('2026-11-09', 1)).toBe('Keywork session due by 2026-11-09 (every week)');
    expect(keyworkTaskTitle('2026-11-16', 2)).toBe('Keywork session due by 2026-11-16 (every 2 weeks)');
  });
});
