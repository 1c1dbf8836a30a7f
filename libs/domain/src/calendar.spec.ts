import {
  addCalendarDays,
  addWorkingDays,
  bankHolidaysInYear,
  daysBetween,
  endOfWorkingDay,
  isBankHoliday,
  isValidIsoDate,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  LONDON_ZONE,
  londonDateOf,
  workingCalendar,
  workingDaysBetween,
} from './calendar';

describe('calendar', () => {
  it('works in London time', () => {
    expect(LONDON_ZONE).toBe('Europe/London');
  });

  describe('bankHolidaysInYear', () => {
    it('lists the 2026 England and Wales bank holidays, with Boxing Day moved to Monday 28 December', () => {
      expect(bankHolidaysInYear(2026)).toEqual([
        '2026-01-01',
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ]);
    });

    it('lists the 2027 bank holidays, with both Christmas substitutes on 27 and 28 December', () => {
      expect(bankHolidaysInYear(2027)).toEqual([
        '2027-01-01',
        '2027-03-26',
        '2027-03-29',
        '2027-05-03',
        '2027-05-31',
        '2027-08-30',
        '2027-12-27',
        '2027-12-28',
      ]);
    });

    it('includes one-off bank holidays such as the 2023 coronation', () => {
      expect(bankHolidaysInYear(2023)).toContain('2023-05-08');
    });

    it('leaves out observances such as Mothering Sunday', () => {
      expect(bankHolidaysInYear(2026)).not.toContain('2026-03-15');
    });

    it('returns a copy, so a caller cannot corrupt the cached year', () => {
      bankHolidaysInYear(2026).push('2026-07-01');
      expect(bankHolidaysInYear(2026)).not.toContain('2026-07-01');
      expect(isBankHoliday('2026-07-01')).toBe(false);
    });

    it('rejects a year that is not a whole number', () => {
      expect(() => bankHolidaysInYear(2026.5)).toThrow(RangeError);
    });
  });

  describe('isBankHoliday', () => {
    it.each([
      ['2026-12-25', 'Christmas Day 2026 (Friday)'],
      ['2026-12-28', 'Boxing Day 2026 substitute (Boxing Day is a Saturday)'],
      ['2027-12-27', 'Christmas Day 2027 substitute'],
      ['2027-12-28', 'Boxing Day 2027 substitute'],
      ['2027-03-26', 'Good Friday 2027'],
      ['2027-03-29', 'Easter Monday 2027'],
      ['2027-05-03', 'early May bank holiday 2027'],
      ['2026-05-04', 'early May bank holiday 2026'],
      ['2023-05-08', 'the coronation of King Charles III'],
      ['2028-01-03', 'New Year substitute 2028'],
    ])('%s is a bank holiday (%s)', (date) => {
      expect(isBankHoliday(date)).toBe(true);
    });

    it.each([
      ['2026-12-26', 'Boxing Day on a Saturday: the bank holiday is the Monday'],
      ['2027-12-25', 'Christmas Day on a Saturday'],
      ['2026-12-29', 'an ordinary Tuesday'],
      ['2023-05-15', 'an ordinary Monday'],
      ['2027-03-28', 'Easter Sunday'],
    ])('%s is not a bank holiday (%s)', (date) => {
      expect(isBankHoliday(date)).toBe(false);
    });
  });

  describe('isWorkingDay', () => {
    it.each(['2026-06-15', '2026-06-19', '2026-12-24', '2026-12-29', '2027-03-25', '2027-03-30'])(
      '%s is a working day',
      (date) => {
        expect(isWorkingDay(date)).toBe(true);
      },
    );

    it.each([
      ['2026-06-13', 'Saturday'],
      ['2026-06-14', 'Sunday'],
      ['2026-12-28', 'substitute bank holiday'],
      ['2027-03-26', 'Good Friday'],
      ['2023-05-08', 'coronation'],
    ])('%s is not a working day (%s)', (date) => {
      expect(isWorkingDay(date)).toBe(false);
    });
  });

  describe('addCalendarDays', () => {
    it('counts every day, weekends and holidays included', () => {
      expect(addCalendarDays('2026-12-24', 7)).toBe('2026-12-31');
    });

    it('goes backwards for a negative number of days', () => {
      expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    });

    it('knows leap years', () => {
      expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    });

    it('is not thrown by the clock change', () => {
      expect(addCalendarDays('2027-03-27', 1)).toBe('2027-03-28');
      expect(addCalendarDays('2027-03-28', 1)).toBe('2027-03-29');
      expect(addCalendarDays('2027-10-31', -1)).toBe('2027-10-30');
    });
  });

  describe('addWorkingDays', () => {
    it('skips a weekend', () => {
      expect(addWorkingDays('2026-06-19', 1)).toBe('2026-06-22');
    });

    it('steps a working week forward', () => {
      expect(addWorkingDays('2026-06-15', 5)).toBe('2026-06-22');
    });

    it('skips Christmas, the weekend and the Boxing Day substitute in 2026', () => {
      expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    });

    it('skips both Christmas substitutes in 2027', () => {
      expect(addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    });

    it('skips the whole Easter weekend of 2027 forwards and backwards', () => {
      expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
      expect(addWorkingDays('2027-03-30', -1)).toBe('2027-03-25');
    });

    it('skips the coronation bank holiday', () => {
      expect(addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
    });

    it('from a Saturday, one working day forward is the Monday', () => {
      expect(addWorkingDays('2026-06-13', 1)).toBe('2026-06-15');
    });

    it('from a Saturday, one working day back is the Friday', () => {
      expect(addWorkingDays('2026-06-13', -1)).toBe('2026-06-12');
    });

    it('from a bank holiday Monday, one working day forward is the Tuesday', () => {
      expect(addWorkingDays('2026-12-28', 1)).toBe('2026-12-29');
    });

    it('steps back ten working days across Easter', () => {
      expect(addWorkingDays('2027-04-09', -10)).toBe('2027-03-24');
    });

    it('zero days leaves a working day alone', () => {
      expect(addWorkingDays('2026-06-17', 0)).toBe('2026-06-17');
    });

    it('zero days from a weekend falls back to the Friday', () => {
      expect(addWorkingDays('2026-06-14', 0)).toBe('2026-06-12');
    });

    it('zero days from Easter Monday 2027 falls back to the Thursday before Good Friday', () => {
      expect(addWorkingDays('2027-03-29', 0)).toBe('2027-03-25');
    });

    it('crosses into the next year', () => {
      expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    });

    it('agrees with workingDaysBetween for every working day of 2026 and 2027', () => {
      for (let date = '2026-01-01'; date < '2028-01-01'; date = addCalendarDays(date, 1)) {
        if (!isWorkingDay(date)) {
          continue;
        }
        for (const n of [-15, -1, 1, 3, 20]) {
          expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
        }
      }
    });

    it('rejects a fraction of a day', () => {
      expect(() => addWorkingDays('2026-06-15', 1.5)).toThrow(RangeError);
    });
  });

  describe('lastWorkingDayOnOrBefore', () => {
    it('keeps a working day', () => {
      expect(lastWorkingDayOnOrBefore('2026-12-24')).toBe('2026-12-24');
    });

    it('moves a Sunday to the Friday', () => {
      expect(lastWorkingDayOnOrBefore('2026-06-14')).toBe('2026-06-12');
    });

    it('moves the Boxing Day substitute 2026 back to Christmas Eve', () => {
      expect(lastWorkingDayOnOrBefore('2026-12-28')).toBe('2026-12-24');
    });

    it('moves the early May bank holiday 2027 back to the Friday', () => {
      expect(lastWorkingDayOnOrBefore('2027-05-03')).toBe('2027-04-30');
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the days after from up to and including to', () => {
      expect(workingDaysBetween('2026-06-15', '2026-06-19')).toBe(4);
    });

    it('is zero for the same date', () => {
      expect(workingDaysBetween('2026-06-15', '2026-06-15')).toBe(0);
    });

    it('counts only the Tuesday across the 2027 Easter weekend', () => {
      expect(workingDaysBetween('2027-03-25', '2027-03-30')).toBe(1);
    });

    it('is negative when to is before from', () => {
      expect(workingDaysBetween('2027-03-30', '2027-03-25')).toBe(-1);
      expect(workingDaysBetween('2026-06-19', '2026-06-15')).toBe(-4);
    });

    it('counts four working days from Christmas Eve 2026 to Monday 4 January 2027', () => {
      expect(workingDaysBetween('2026-12-24', '2027-01-04')).toBe(4);
    });

    it('is zero across a weekend alone', () => {
      expect(workingDaysBetween('2026-06-12', '2026-06-14')).toBe(0);
    });
  });

  describe('daysBetween', () => {
    it('is to minus from in calendar days', () => {
      expect(daysBetween('2026-06-01', '2026-07-13')).toBe(42);
      expect(daysBetween('2026-07-13', '2026-06-01')).toBe(-42);
    });

    it('counts whole days across the clock changes', () => {
      expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
      expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
    });

    it('counts 29 February in a leap year', () => {
      expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    });
  });

  describe('londonDateOf', () => {
    it('is the next day in London late on a summer evening in UTC', () => {
      expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    });

    it('is the same day as UTC in winter', () => {
      expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    });

    it('follows the clock change at 01:00 UTC on the last Sunday of March', () => {
      expect(londonDateOf(new Date('2027-03-27T23:59:00Z'))).toBe('2027-03-27');
      expect(londonDateOf(new Date('2027-03-28T23:30:00Z'))).toBe('2027-03-29');
    });

    it('rejects an invalid Date', () => {
      expect(() => londonDateOf(new Date('not a date'))).toThrow(RangeError);
    });
  });

  describe('endOfWorkingDay', () => {
    it('is 17:00Z on Good Friday 2027, before the clocks go forward', () => {
      expect(endOfWorkingDay('2027-03-26').toISOString()).toBe('2027-03-26T17:00:00.000Z');
    });

    it('is 16:00Z on Easter Monday 2027, after the clocks go forward', () => {
      expect(endOfWorkingDay('2027-03-29').toISOString()).toBe('2027-03-29T16:00:00.000Z');
    });

    it('is 16:00Z on the Friday before the clocks go back and 17:00Z on the Monday after', () => {
      expect(endOfWorkingDay('2027-10-29').toISOString()).toBe('2027-10-29T16:00:00.000Z');
      expect(endOfWorkingDay('2027-11-01').toISOString()).toBe('2027-11-01T17:00:00.000Z');
    });

    it('is still on the same London date', () => {
      expect(londonDateOf(endOfWorkingDay('2026-07-01'))).toBe('2026-07-01');
    });
  });

  describe('isValidIsoDate', () => {
    it.each(['2026-01-05', '2028-02-29', '2026-12-31'])('accepts %s', (value) => {
      expect(isValidIsoDate(value)).toBe(true);
    });

    it.each(['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-05', '20260105', '2026-01-05T00:00', '', ' 2026-01-05'])(
      'rejects %p',
      (value) => {
        expect(isValidIsoDate(value)).toBe(false);
      },
    );
  });

  describe('invalid dates', () => {
    it('are refused rather than read as something else', () => {
      expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
      expect(() => addCalendarDays('05/01/2026', 1)).toThrow(RangeError);
      expect(() => endOfWorkingDay('2026-13-01')).toThrow(RangeError);
    });
  });
});

describe('workingCalendar', () => {
  it('numbers working days so that the difference of two numbers is workingDaysBetween', () => {
    const calendar = workingCalendar('2025-12-20', '2026-01-10');
    const numberOf = new Map(calendar.map((d) => [d.day, d.workingDayNumber]));
    for (const [from, to] of [
      ['2025-12-22', '2026-01-05'],
      ['2025-12-24', '2025-12-29'],
      ['2025-12-20', '2026-01-10'],
    ]) {
      expect((numberOf.get(to) as number) - (numberOf.get(from) as number)).toBe(workingDaysBetween(from, to));
    }
    // Christmas Day, Boxing Day (a Friday) and New Year's Day do not count.
    expect(numberOf.get('2025-12-26')).toBe(numberOf.get('2025-12-24'));
    expect(calendar).toHaveLength(22);
  });
});
