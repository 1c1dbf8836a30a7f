import { isKeyworkOverdue } from '@app/domain';
import { demoKeywork } from './demo-keywork';

describe('the demo keywork', () => {
  const today = '2026-11-30';
  const plans = Array.from({ length: 14 }, (_, i) =>
    demoKeywork(i, { receptionDate: '2026-01-05', keyworkerName: null }, today),
  );

  it('gives most women sessions, some none, and never a session before she arrived or after today', () => {
    expect(plans.filter((p) => p === null)).toHaveLength(2);
    for (const plan of plans) {
      for (const d of plan?.sessionDates ?? []) expect(d <= today && d >= '2026-01-05').toBe(true);
    }
    expect(demoKeywork(0, { receptionDate: '2026-11-25', keyworkerName: 'Kim Officer' }, today)).toEqual({
      sessionDates: ['2026-11-28'],
      keyworkerName: 'Kim Officer',
      frequencyWeeks: null,
    });
    expect(demoKeywork(0, { receptionDate: today, keyworkerName: null }, today)).toBeNull();
  });

  it('leaves some women overdue for keywork and most within their target', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const overdue = plans.filter(
      (p) =>
        p !== null &&
        isKeyworkOverdue(
          {
            lastSessionOn: p.sessionDates[p.sessionDates.length - 1],
            receptionDate: '2026-01-05',
            frequencyWeeks: p.frequencyWeeks ?? 1,
          },
          now,
        ),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.length).toBeLessThan(plans.length / 2);
    expect(plans.some((p) => p?.frequencyWeeks === 2)).toBe(true);
  });
});
