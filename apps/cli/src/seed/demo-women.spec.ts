import {
  CustodyStatus,
  PRISON_CODES,
  PRISON_NUMBER_PATTERN,
  RELEASE_AREAS,
  addCalendarDays,
  daysBetween,
  londonDateOf,
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
