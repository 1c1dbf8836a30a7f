/**
 * Dates worked out by hand, weekday beside each. Bank holidays from gov.uk/bank-holidays (England and Wales):
 * 2026: Fri 25 Dec, Mon 28 Dec (Boxing Day substitute); 2027: Fri 1 Jan, Good Friday 26 Mar, Easter Monday
 * 29 Mar, early May Mon 3 May; 2029: Tue 25 Dec, Wed 26 Dec. British Summer Time starts Sun 28 Mar 2027 and
 * ends Sun 25 Oct 2026: a clock change is a Sunday, so it moves no release (dates here are calendar dates).
 */
import { isBankHoliday, isWorkingDay } from './calendar';
import {
  dayOfRelease,
  DayOfReleaseFacts,
  DayOfReleaseRule,
  daysServedSinceSentence,
  extraDayRequestWouldApply,
  isEligibleWorkingDay,
  precedesNonWorkingDay,
} from './day-of-release';
import { CustodyStatus, ReleaseType } from './woman';

/** A sentenced adult a year into her sentence: the presumption applies to her unless a test says otherwise. */
const sentenced = (scheduledDate: string, extra: Partial<DayOfReleaseFacts> = {}): DayOfReleaseFacts => ({
  scheduledDate,
  custodyStatus: CustodyStatus.SENTENCED,
  releaseType: ReleaseType.LICENCE,
  sentenceStartDate: '2025-12-01',
  receptionDate: '2025-12-01',
  ...extra,
});

describe('the calendar facts these tests rest on (gov.uk/bank-holidays)', () => {
  it('knows the Christmas 2026, Easter 2027 and early May 2027 bank holidays', () => {
    expect(isBankHoliday('2026-12-25')).toBe(true); // Fri, Christmas Day
    expect(isBankHoliday('2026-12-28')).toBe(true); // Mon, Boxing Day substitute
    expect(isBankHoliday('2027-01-01')).toBe(true); // Fri, New Year's Day
    expect(isBankHoliday('2027-03-26')).toBe(true); // Fri, Good Friday
    expect(isBankHoliday('2027-03-29')).toBe(true); // Mon, Easter Monday
    expect(isBankHoliday('2027-05-03')).toBe(true); // Mon, early May bank holiday
    expect(isBankHoliday('2029-12-25')).toBe(true); // Tue, Christmas Day
    expect(isBankHoliday('2029-12-26')).toBe(true); // Wed, Boxing Day
    expect(isWorkingDay('2026-12-24')).toBe(true); // Thu, Christmas Eve is not a bank holiday
  });
});

describe('eligible working days (CJA 1961 s.23(3B)-(3C), as inserted by the Offenders (Day of Release from Detention) Act 2023)', () => {
  it('a Friday and the day before a bank holiday precede a non-working day; a Thursday before a Friday does not', () => {
    expect(precedesNonWorkingDay('2026-12-18')).toBe(true); // Fri
    expect(precedesNonWorkingDay('2026-12-24')).toBe(true); // Thu, before Fri 25 Dec
    expect(precedesNonWorkingDay('2026-12-17')).toBe(false); // Thu, before Fri 18 Dec
    expect(precedesNonWorkingDay('2026-12-19')).toBe(false); // Sat is not a working day at all
  });

  it('an eligible working day is a working day followed by a working day', () => {
    expect(isEligibleWorkingDay('2026-12-17')).toBe(true); // Thu, then Fri 18
    expect(isEligibleWorkingDay('2026-12-18')).toBe(false); // Fri, then Sat
    expect(isEligibleWorkingDay('2026-12-24')).toBe(false); // Thu, then Christmas Day
    expect(isEligibleWorkingDay('2026-12-20')).toBe(false); // Sun
  });
});

describe('dayOfRelease', () => {
  describe('weekends and bank holidays (CJA 1961 s.23(3))', () => {
    it('leaves a Wednesday release where it is', () => {
      expect(dayOfRelease(sentenced('2026-12-16'))).toEqual({
        scheduledDate: '2026-12-16', // Wed
        walkOutDate: '2026-12-16',
        rule: DayOfReleaseRule.NOT_MOVED,
      });
    });

    it('leaves Tue 29 Dec 2026 (after the Boxing Day substitute, before a working day) where it is', () => {
      // Tue 29 Dec 2026 is a working day followed by Wed 30 Dec, a working day.
      expect(dayOfRelease(sentenced('2026-12-29')).walkOutDate).toBe('2026-12-29');
    });

    it('moves a Monday bank holiday release to the Friday when the Friday rule does not apply (HDC)', () => {
      // Mon 3 May 2027 (early May bank holiday) -> s.23(3) -> Fri 30 Apr 2027; HDC is excluded from s.23(3B).
      expect(dayOfRelease(sentenced('2027-05-03', { releaseType: ReleaseType.HDC }))).toEqual({
        scheduledDate: '2027-05-03',
        walkOutDate: '2027-04-30', // Fri
        rule: DayOfReleaseRule.EXCLUDED_HDC,
      });
    });
  });

  describe('Friday and pre-bank-holiday release (CJA 1961 s.23(3B); HMPPS policy framework, Nov 2023)', () => {
    it('brings Fri 18 Dec 2026 forward to Thu 17 Dec 2026, the previous eligible working day', () => {
      expect(dayOfRelease(sentenced('2026-12-18'))).toEqual({
        scheduledDate: '2026-12-18', // Fri
        walkOutDate: '2026-12-17', // Thu (followed by Fri 18, a working day)
        rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
      });
    });

    it('brings a Saturday release (Sat 19 Dec 2026) to Friday by s.23(3), then to Thu 17 Dec by s.23(3B)', () => {
      expect(dayOfRelease(sentenced('2026-12-19')).walkOutDate).toBe('2026-12-17');
    });

    it('takes confirmed Christmas Day (Fri 25 Dec 2026) past Thu 24 Dec, itself before a bank holiday, to Wed 23 Dec', () => {
      // s.23(3): Fri 25 Dec -> Thu 24 Dec. Thu 24 Dec precedes Christmas Day: s.23(3B) -> Wed 23 Dec (followed by Thu 24).
      expect(dayOfRelease(sentenced('2026-12-25'))).toEqual({
        scheduledDate: '2026-12-25',
        walkOutDate: '2026-12-23', // Wed
        rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
      });
    });

    it('takes the Boxing Day substitute (Mon 28 Dec 2026) back over the long weekend to Wed 23 Dec 2026', () => {
      // s.23(3): Mon 28 (bank holiday), Sun 27, Sat 26, Fri 25 (bank holiday) -> Thu 24 Dec; s.23(3B) -> Wed 23 Dec.
      expect(dayOfRelease(sentenced('2026-12-28')).walkOutDate).toBe('2026-12-23');
    });

    it("brings New Year's Eve (Thu 31 Dec 2026, before Fri 1 Jan 2027) forward to Wed 30 Dec 2026", () => {
      expect(dayOfRelease(sentenced('2026-12-31')).walkOutDate).toBe('2026-12-30');
    });

    it('brings Maundy Thursday (Thu 25 Mar 2027, before Good Friday) forward to Wed 24 Mar 2027', () => {
      expect(dayOfRelease(sentenced('2027-03-25'))).toMatchObject({
        walkOutDate: '2027-03-24', // Wed
        rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
      });
    });

    it('takes Easter Monday 2027 (Mon 29 Mar; BST began Sun 28 Mar) back to Wed 24 Mar 2027', () => {
      // s.23(3): Mon 29, Sun 28 (clocks go forward), Sat 27, Good Friday 26 -> Thu 25 Mar; s.23(3B) -> Wed 24 Mar.
      expect(dayOfRelease(sentenced('2027-03-29')).walkOutDate).toBe('2027-03-24');
    });

    it('brings the Friday before BST ends (Fri 23 Oct 2026; clocks go back Sun 25 Oct) to Thu 22 Oct 2026', () => {
      expect(dayOfRelease(sentenced('2026-10-23')).walkOutDate).toBe('2026-10-22');
    });

    it('takes the early May bank holiday (Mon 3 May 2027) to Fri 30 Apr by s.23(3), then to Thu 29 Apr 2027', () => {
      expect(dayOfRelease(sentenced('2027-05-03'))).toMatchObject({
        walkOutDate: '2027-04-29', // Thu
        rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
      });
    });

    it('goes two working days back when the nearer one is itself before a weekend: Mon 24 Dec 2029 -> Thu 20 Dec 2029', () => {
      // Mon 24 Dec 2029 precedes Christmas Day (Tue). Fri 21 Dec precedes Sat: not eligible. Thu 20 Dec is.
      expect(dayOfRelease(sentenced('2029-12-24')).walkOutDate).toBe('2029-12-20');
    });
  });

  describe("her COM's request for one more working day (HMPPS policy framework, Nov 2023; two-day limit of s.23(3B))", () => {
    it('moves Fri 18 Dec 2026 to Wed 16 Dec 2026 instead of Thu 17 Dec', () => {
      expect(dayOfRelease(sentenced('2026-12-18', { extraDayRequested: true }))).toEqual({
        scheduledDate: '2026-12-18',
        walkOutDate: '2026-12-16', // Wed, two working days before Fri 18
        rule: DayOfReleaseRule.COM_REQUEST,
      });
    });

    it('moves Christmas Day 2026 to Tue 22 Dec (two working days before Thu 24 Dec)', () => {
      expect(dayOfRelease(sentenced('2026-12-25', { extraDayRequested: true })).walkOutDate).toBe('2026-12-22');
    });

    it('cannot move Mon 24 Dec 2029 beyond Thu 20 Dec 2029: that is already two working days early', () => {
      const facts = sentenced('2029-12-24', { extraDayRequested: true });
      expect(dayOfRelease(facts)).toMatchObject({
        walkOutDate: '2029-12-20',
        rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
      });
      expect(extraDayRequestWouldApply(facts)).toBe(false);
    });

    it('does nothing for a day the rule does not touch (Wed 16 Dec 2026)', () => {
      expect(dayOfRelease(sentenced('2026-12-16', { extraDayRequested: true })).walkOutDate).toBe('2026-12-16');
      expect(extraDayRequestWouldApply(sentenced('2026-12-16'))).toBe(false);
      expect(extraDayRequestWouldApply(sentenced('2026-12-18'))).toBe(true);
    });

    it('does nothing for a woman the presumption excludes (HDC on Fri 18 Dec 2026)', () => {
      const hdc = sentenced('2026-12-18', { releaseType: ReleaseType.HDC, extraDayRequested: true });
      expect(dayOfRelease(hdc).walkOutDate).toBe('2026-12-18');
      expect(extraDayRequestWouldApply(hdc)).toBe(false);
    });
  });

  describe('who the presumption leaves out (HMPPS policy framework, Nov 2023)', () => {
    const friday = '2026-12-18'; // Fri

    it.each([
      ['home detention curfew (release type)', { releaseType: ReleaseType.HDC }, DayOfReleaseRule.EXCLUDED_HDC],
      ['home detention curfew (HDC actual date)', { homeDetentionCurfew: true }, DayOfReleaseRule.EXCLUDED_HDC],
      ['an indeterminate sentence', { indeterminateSentence: true }, DayOfReleaseRule.EXCLUDED_INDETERMINATE],
      ['a Parole Board release (type)', { releaseType: ReleaseType.PAROLE }, DayOfReleaseRule.EXCLUDED_PAROLE_BOARD],
      ['a Parole Board release (APD)', { paroleBoardRelease: true }, DayOfReleaseRule.EXCLUDED_PAROLE_BOARD],
      ['a remanded woman', { custodyStatus: CustodyStatus.REMANDED }, DayOfReleaseRule.EXCLUDED_NOT_SENTENCED],
      ['no custody status', { custodyStatus: null }, DayOfReleaseRule.EXCLUDED_NOT_SENTENCED],
      ['no sentence start date', { sentenceStartDate: null }, DayOfReleaseRule.EXCLUDED_DAYS_SERVED_UNKNOWN],
    ])('keeps her on Fri 18 Dec 2026 for %s', (_label, extra, rule) => {
      expect(dayOfRelease(sentenced(friday, extra as Partial<DayOfReleaseFacts>))).toEqual({
        scheduledDate: friday,
        walkOutDate: friday,
        rule,
      });
    });

    it('needs 28 days served since sentence: sentenced Fri 20 Nov 2026 (28 days to Fri 18 Dec) qualifies', () => {
      // 20 Nov -> 18 Dec 2026 = 10 days of November left + 18 = 28 days.
      expect(dayOfRelease(sentenced(friday, { sentenceStartDate: '2026-11-20' })).walkOutDate).toBe('2026-12-17');
    });

    it('needs 28 days served since sentence: sentenced Sat 21 Nov 2026 (27 days to Fri 18 Dec) does not', () => {
      expect(dayOfRelease(sentenced(friday, { sentenceStartDate: '2026-11-21' }))).toMatchObject({
        walkOutDate: friday,
        rule: DayOfReleaseRule.EXCLUDED_UNDER_28_DAYS,
      });
    });

    it('counts time served before a recall: 20 days before release plus 10 days since recall is 30 days', () => {
      const recalled = sentenced(friday, {
        custodyStatus: CustodyStatus.RECALLED,
        sentenceStartDate: '2026-10-01', // Thu
        releasedOn: '2026-10-21', // Wed: 20 days served
        receptionDate: '2026-12-08', // Tue, recalled: 10 days to Fri 18 Dec
      });
      expect(daysServedSinceSentence(recalled, friday)).toBe(30);
      expect(dayOfRelease(recalled)).toMatchObject({
        walkOutDate: '2026-12-17',
        rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
      });
    });

    it('does not count her time outside between release and recall: 10 + 10 days is under 28', () => {
      const recalled = sentenced(friday, {
        custodyStatus: CustodyStatus.RECALLED,
        sentenceStartDate: '2026-09-01', // Tue
        releasedOn: '2026-09-11', // Fri: 10 days served
        receptionDate: '2026-12-08', // Tue: 10 days to Fri 18 Dec
      });
      expect(daysServedSinceSentence(recalled, friday)).toBe(20);
      expect(dayOfRelease(recalled).rule).toBe(DayOfReleaseRule.EXCLUDED_UNDER_28_DAYS);
    });
  });

  describe('no eligible working day within two working days (decided here: she stays on the s.23(3) day)', () => {
    // A made-up calendar in which Wed 16 and Fri 18 Dec 2026 are holidays, so Tue 15 precedes Wed 16,
    // Thu 17 precedes Fri 18 and Mon 14 Dec is three working days back from Thu 17 Dec.
    const working = (date: string): boolean => isWorkingDay(date) && date !== '2026-12-16' && date !== '2026-12-18';

    it('skips an ineligible working day and takes the second one back (Thu 17 -> Mon 14 Dec)', () => {
      // Thu 17 precedes Fri 18 (holiday). Working days before: Tue 15 (followed by Wed 16, a holiday: ineligible),
      // Mon 14 (followed by Tue 15: eligible, but it is the second working day back, so within the limit).
      expect(dayOfRelease(sentenced('2026-12-17'), working)).toMatchObject({
        walkOutDate: '2026-12-14', // Mon
        rule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
      });
    });

    it('keeps the day itself when both working days within the limit precede non-working days', () => {
      // Holidays Wed 16, Fri 18 and Tue 15 Dec 2026: Thu 17 precedes Fri 18; one back is Mon 14 (followed by
      // Tue 15, a holiday: ineligible); two back is Fri 11 (followed by Sat: ineligible).
      const sparse = (date: string): boolean => working(date) && date !== '2026-12-15';
      expect(dayOfRelease(sentenced('2026-12-17'), sparse)).toEqual({
        scheduledDate: '2026-12-17',
        walkOutDate: '2026-12-17',
        rule: DayOfReleaseRule.NO_ELIGIBLE_DAY,
      });
    });
  });
});
