/**
 * The demo board shows the POM to COM handover both ways (issue 13 point 9): Styal women without a COM past
 * their COM allocated date, some not yet due, and some with a COM. Handover rules: handover.ts (OMiC; the
 * allocation manager's handover_calculation.rb).
 */
import {
  ComAllocationUrgency,
  comAllocationUrgency,
  handoverDates,
  needsComAllocation,
  releaseDateProblems,
} from '@app/domain';
import { buildDemoBoard } from './demo-board';
import { DemoWoman } from './demo-women';

function facts(woman: DemoWoman) {
  return {
    ...woman,
    automaticReleaseDate: null,
    paroleEligibilityDate: null,
    comId: woman.comUsername,
  };
}

describe.each(['2026-11-22', '2026-12-21', '2027-03-25'])('the Styal demo women on %s', (today) => {
  const styal = buildDemoBoard(today).women.filter((w) => w.prisonCode === 'STI');
  const withoutCom = styal.filter((w) => needsComAllocation(facts(w)));
  const urgency = (w: DemoWoman) => comAllocationUrgency(handoverDates(facts(w), today), today);

  it('leaves every woman with sentence dates HMPPS would accept once three sentences are made longer', () => {
    for (const woman of styal)
      expect([woman.prisonNumber, releaseDateProblems(woman)]).toEqual([woman.prisonNumber, []]);
  });

  it('has women with a COM and women without one', () => {
    expect(styal.filter((w) => w.comUsername !== null).length).toBeGreaterThan(0);
    expect(withoutCom.length).toBeGreaterThan(20);
  });

  it('has women without a COM past their COM allocated date, one due within 8 weeks and one later', () => {
    const counts = new Map<ComAllocationUrgency, number>();
    for (const w of withoutCom) counts.set(urgency(w), (counts.get(urgency(w)) ?? 0) + 1);
    expect(counts.get(ComAllocationUrgency.OVERDUE)).toBeGreaterThan(10);
    expect(counts.get(ComAllocationUrgency.UPCOMING)).toBe(1);
    expect(counts.get(ComAllocationUrgency.LATER)).toBe(1);
  });

  it('has a woman with a COM whose handover is still ahead', () => {
    const ahead = styal.filter((w) => w.comUsername !== null && urgency(w) === ComAllocationUrgency.LATER);
    expect(ahead.length).toBe(1);
  });
});
