import {
  CustodyStatus,
  NationalInsuranceRoute,
  Pathway,
  PathwayStatus,
  PRISON_CODES,
  PRISON_NUMBER_PATTERN,
  RELEASE_AREAS,
  addCalendarDays,
  DayOfReleaseRule,
  daysBetween,
  effectiveReleaseDate,
  londonDateOf,
  SensitiveFlag,
  nationalInsuranceRoute,
  releaseAreaCountry,
  releaseDateProblems,
} from '@app/domain';
import { buildDemoBoard } from './demo-board';
import { DEMO_USERS } from './demo-users';
import { DemoWoman } from './demo-women';

// An ordinary Sunday, a Monday just before Christmas and the Thursday before Easter 2027: release dates
// brought forward over bank holidays must still fall after today.
const TODAYS = ['2026-11-22', '2026-12-21', '2027-03-25'];

describe.each(TODAYS)('the demo women generated on %s', (today) => {
  const women: DemoWoman[] = buildDemoBoard(today).women;
  const usernames = new Set(DEMO_USERS.map((u) => u.username));

  it('has about 300 women with valid, unique prison numbers', () => {
    expect(women.length).toBeGreaterThanOrEqual(280);
    expect(women.length).toBeLessThanOrEqual(320);
    for (const woman of women) {
      expect(woman.prisonNumber).toMatch(PRISON_NUMBER_PATTERN);
    }
    expect(new Set(women.map((w) => w.prisonNumber)).size).toBe(women.length);
  });

  it('puts women in every prison, with Styal and Bronzefield the largest', () => {
    const perPrison = new Map(PRISON_CODES.map((code) => [code, women.filter((w) => w.prisonCode === code).length]));
    for (const count of perPrison.values()) {
      expect(count).toBeGreaterThan(0);
    }
    const largest = Math.max(...perPrison.values());
    expect(perPrison.get('STI')).toBe(largest);
    expect(perPrison.get('BZI')).toBe(largest);
  });

  it('gives every sentenced or recalled woman a release date within the next six months, and remanded women none', () => {
    // Except three Styal women serving longer sentences, whose COM handover is still ahead (demo-handover.ts).
    const longer = women.filter((w) => w.releaseDate !== null && daysBetween(today, w.releaseDate) > 183);
    expect(longer.map((w) => w.prisonCode)).toEqual(['STI', 'STI', 'STI']);
    for (const woman of women) {
      if (longer.includes(woman)) continue;
      if (woman.custodyStatus === CustodyStatus.REMANDED) {
        expect(woman.releaseDate).toBeNull();
        expect(woman.releaseType).toBeNull();
        continue;
      }
      expect(woman.releaseDate).not.toBeNull();
      const daysToRelease = daysBetween(today, woman.releaseDate ?? today);
      expect(daysToRelease).toBeGreaterThan(0);
      expect(daysToRelease).toBeLessThanOrEqual(183);
    }
  });

  it('has sentence dates HMPPS would accept: no problems, sentence and reception before today', () => {
    for (const woman of women) {
      expect(releaseDateProblems(woman)).toEqual([]);
      expect(daysBetween(woman.receptionDate, today)).toBeGreaterThan(0);
      if (woman.sentenceStartDate) expect(daysBetween(woman.sentenceStartDate, today)).toBeGreaterThan(0);
    }
  });

  // CJA 1961 s.23(3B) and the HMPPS policy framework (Nov 2023): see libs/domain/src/day-of-release.ts.
  it('shows the day-of-release rules: a Friday walk-out moved by the rule, a COM request and an indeterminate sentence', () => {
    const rules = new Set(women.map((w) => w.releaseDayRule));
    expect(rules).toContain(DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY);
    const requested = women.filter((w) => w.releaseDayRequestReason !== null);
    expect(requested).toHaveLength(1);
    expect(requested[0]).toMatchObject({ releaseDayRule: DayOfReleaseRule.COM_REQUEST, comUsername: 'com' });
    // Scheduled on a Friday, out on the Wednesday: two calendar days earlier.
    expect(daysBetween(requested[0].releaseDate ?? '', requested[0].scheduledReleaseDate ?? '')).toBe(2);
    const indeterminate = women.filter((w) => w.indeterminateSentence);
    expect(indeterminate).toHaveLength(1);
    expect(indeterminate[0]).toMatchObject({ releaseDayRule: DayOfReleaseRule.EXCLUDED_INDETERMINATE });
    expect(indeterminate[0].releaseDate).toBe(indeterminate[0].scheduledReleaseDate);
    for (const woman of women) {
      expect(woman.releaseDate).toBe(effectiveReleaseDate(woman)?.date ?? null);
    }
  });

  it('has women aged 19 to 65', () => {
    for (const woman of women) {
      const age = Math.floor(daysBetween(woman.dateOfBirth, today) / 365.25);
      expect(age).toBeGreaterThanOrEqual(19);
      expect(age).toBeLessThanOrEqual(65);
    }
  });

  it('dates every assessment after reception and before today, by a seeded user', () => {
    for (const woman of women) {
      const assessedOn = londonDateOf(woman.assessment.assessedAt);
      expect(daysBetween(woman.receptionDate, assessedOn)).toBeGreaterThan(0);
      expect(daysBetween(assessedOn, today)).toBeGreaterThan(0);
      expect(usernames.has(woman.assessment.assessorUsername)).toBe(true);
      for (const username of [woman.pomUsername, woman.comUsername]) {
        if (username !== null) expect(usernames.has(username)).toBe(true);
      }
    }
  });

  it('sends women to many release areas, most of Styal to the North West', () => {
    expect(new Set(women.map((w) => w.releaseAreaCode)).size).toBeGreaterThan(RELEASE_AREAS.length / 2);
    const styal = women.filter((w) => w.prisonCode === 'STI');
    const northWest: readonly string[] = ['GREATER_MANCHESTER', 'MERSEYSIDE', 'CHESHIRE', 'LANCASHIRE', 'CUMBRIA'];
    expect(styal.filter((w) => northWest.includes(w.releaseAreaCode)).length).toBeGreaterThan(styal.length * 0.7);
  });

  // Issue 13 points 5, 6, 7, 10 and 11: the board shows each rule on real-looking women.
  it('exercises the practical-needs rules: recalled women with a finance need, both NI routes, foreign nationals, remand, Wales', () => {
    const financeNeed = (w: DemoWoman): boolean =>
      w.assessment.outcomes.some(
        (o) => o.pathway === Pathway.FINANCE_AND_ID && o.status === PathwayStatus.SUPPORT_REQUIRED,
      );
    const recalledWithFinanceNeed = women.filter((w) => w.custodyStatus === CustodyStatus.RECALLED && financeNeed(w));
    expect(recalledWithFinanceNeed.length).toBeGreaterThan(5);
    const routes = women.filter(financeNeed).map((w) =>
      nationalInsuranceRoute({
        hasNationalInsuranceNumber: w.hasNationalInsuranceNumber,
        flags: new Set(w.sensitiveFlags),
      }),
    );
    expect(routes).toContain(NationalInsuranceRoute.CONFIRM_EXISTING);
    expect(routes).toContain(NationalInsuranceRoute.APPLY_FOR_NEW);
    expect(women.some((w) => w.sensitiveFlags.includes(SensitiveFlag.FOREIGN_NATIONAL) && financeNeed(w))).toBe(true);
    expect(women.some((w) => w.custodyStatus === CustodyStatus.REMANDED)).toBe(true);
    const welsh = women.filter((w) => releaseAreaCountry(w.releaseAreaCode) === 'WALES');
    expect(welsh.length).toBeGreaterThan(5);
    expect(
      welsh.some((w) =>
        w.assessment.outcomes.some(
          (o) => o.pathway === Pathway.ACCOMMODATION && o.status === PathwayStatus.SUPPORT_REQUIRED,
        ),
      ),
    ).toBe(true);
  });

  it("gives the README's COM about 30 women, about half of them at Styal", () => {
    const caseload = women.filter((w) => w.comUsername === 'com');
    expect(caseload.length).toBe(30);
    expect(caseload.filter((w) => w.prisonCode === 'STI').length).toBe(15);
  });
});

describe('generating the demo women', () => {
  it('gives the same women for the same day', () => {
    expect(buildDemoBoard('2026-11-22').women).toEqual(buildDemoBoard('2026-11-22').women);
  });

  it('moves the dates along with today, so the board always looks current', () => {
    const later = buildDemoBoard(addCalendarDays('2026-11-22', 30)).women;
    for (const woman of later) {
      if (woman.releaseDate) expect(daysBetween('2026-12-22', woman.releaseDate)).toBeGreaterThan(0);
    }
  });
});
