import { DayOfReleaseRule } from './day-of-release';
import { effectiveReleaseDate, releaseDateProblems, ReleaseDates, ReleaseDateSource } from './release-date';
import { CustodyStatus, ReleaseType } from './woman';

describe('effectiveReleaseDate', () => {
  const allDates: ReleaseDates = {
    confirmedReleaseDate: '2026-09-01',
    actualParoleDate: '2026-09-02',
    hdcActualDate: '2026-09-03',
    conditionalReleaseDate: '2026-09-04',
    automaticReleaseDate: '2026-09-07',
    paroleEligibilityDate: '2026-08-03',
    hdcEligibilityDate: '2026-08-04',
  };

  it('prefers the confirmed release date over every other date', () => {
    expect(effectiveReleaseDate(allDates)).toMatchObject({
      date: '2026-09-01',
      source: ReleaseDateSource.CONFIRMED,
      scheduledDate: '2026-09-01',
    });
  });

  it('uses the actual parole date when there is no confirmed date', () => {
    expect(effectiveReleaseDate({ ...allDates, confirmedReleaseDate: null })?.source).toBe(
      ReleaseDateSource.ACTUAL_PAROLE,
    );
  });

  it('uses the HDC actual date before the CRD', () => {
    expect(
      effectiveReleaseDate({ ...allDates, confirmedReleaseDate: null, actualParoleDate: undefined }),
    ).toMatchObject({ date: '2026-09-03', source: ReleaseDateSource.HDC_ACTUAL });
  });

  // ministryofjustice/prison-api NonDtoReleaseDate: across ARD, CRD, NPD and PRRD the later date wins.
  it('uses the later of a CRD and an ARD (Mon 7 Sep 2026 over Fri 4 Sep 2026)', () => {
    expect(
      effectiveReleaseDate({ conditionalReleaseDate: '2026-09-04', automaticReleaseDate: '2026-09-07' }),
    ).toMatchObject({ date: '2026-09-07', source: ReleaseDateSource.ARD });
  });

  it('falls back to the ARD', () => {
    expect(effectiveReleaseDate({ automaticReleaseDate: '2026-09-07' })).toMatchObject({
      date: '2026-09-07',
      source: ReleaseDateSource.ARD,
    });
  });

  it('never treats eligibility dates (PED, HDCED) as the release date', () => {
    expect(effectiveReleaseDate({ paroleEligibilityDate: '2026-08-03', hdcEligibilityDate: '2026-08-04' })).toBeNull();
  });

  it('is null with no dates at all', () => {
    expect(effectiveReleaseDate({})).toBeNull();
  });

  it('treats an empty string as no date', () => {
    expect(effectiveReleaseDate({ confirmedReleaseDate: '', conditionalReleaseDate: '2026-09-04' })?.source).toBe(
      ReleaseDateSource.CRD,
    );
  });

  describe('weekend and bank holiday rule', () => {
    it('keeps a release date that is a working day', () => {
      expect(effectiveReleaseDate({ conditionalReleaseDate: '2026-06-17' })).toMatchObject({
        date: '2026-06-17',
        source: ReleaseDateSource.CRD,
        scheduledDate: '2026-06-17',
      });
    });

    it('brings a Saturday CRD forward to the Friday', () => {
      expect(effectiveReleaseDate({ conditionalReleaseDate: '2026-06-13' })).toMatchObject({
        date: '2026-06-12',
        source: ReleaseDateSource.CRD,
        scheduledDate: '2026-06-13',
      });
    });

    it('brings a Sunday ARD forward to the Friday', () => {
      expect(effectiveReleaseDate({ automaticReleaseDate: '2026-06-14' })?.date).toBe('2026-06-12');
    });

    it('brings a CRD on Easter Monday 2027 forward past Good Friday to the Thursday', () => {
      expect(effectiveReleaseDate({ conditionalReleaseDate: '2027-03-29' })).toMatchObject({
        date: '2027-03-25',
        source: ReleaseDateSource.CRD,
        scheduledDate: '2027-03-29',
      });
    });

    it('brings a CRD on the 2026 Boxing Day substitute forward to Christmas Eve', () => {
      expect(effectiveReleaseDate({ conditionalReleaseDate: '2026-12-28' })?.date).toBe('2026-12-24');
    });

    it('applies the rule to a confirmed date too', () => {
      expect(effectiveReleaseDate({ confirmedReleaseDate: '2027-05-03' })).toMatchObject({
        date: '2027-04-30',
        source: ReleaseDateSource.CONFIRMED,
        scheduledDate: '2027-05-03',
      });
    });
  });
});

describe('effectiveReleaseDate and the day she walks out (CJA 1961 s.23(3) and s.23(3B); HMPPS policy framework, Nov 2023)', () => {
  const sentenced = {
    custodyStatus: CustodyStatus.SENTENCED,
    releaseType: ReleaseType.LICENCE,
    sentenceStartDate: '2025-12-01',
    receptionDate: '2025-12-01',
  };

  it('walks her out on Thu 17 Dec 2026 from a CRD of Fri 18 Dec 2026, keeping the CRD as the scheduled date', () => {
    expect(effectiveReleaseDate({ ...sentenced, conditionalReleaseDate: '2026-12-18' })).toEqual({
      date: '2026-12-17', // Thu
      source: ReleaseDateSource.CRD,
      scheduledDate: '2026-12-18', // Fri
      reason: 'Conditional release date (CRD, as calculated)',
      releaseDayRule: DayOfReleaseRule.FRIDAY_OR_PRE_BANK_HOLIDAY,
    });
  });

  it('walks her out on Wed 23 Dec 2026 from a confirmed Fri 25 Dec 2026 (Christmas Day)', () => {
    expect(effectiveReleaseDate({ ...sentenced, confirmedReleaseDate: '2026-12-25' })?.date).toBe('2026-12-23');
  });

  it("moves her one more working day, to Wed 16 Dec 2026, while her COM's request stands", () => {
    expect(
      effectiveReleaseDate({
        ...sentenced,
        conditionalReleaseDate: '2026-12-18', // Fri
        releaseDayRequestReason: 'Her tenancy starts on the Wednesday',
      }),
    ).toMatchObject({ date: '2026-12-16', releaseDayRule: DayOfReleaseRule.COM_REQUEST });
  });

  it('leaves a Parole Board release (actual parole date Fri 18 Dec 2026) on the Friday', () => {
    expect(effectiveReleaseDate({ ...sentenced, actualParoleDate: '2026-12-18' })).toMatchObject({
      date: '2026-12-18',
      releaseDayRule: DayOfReleaseRule.EXCLUDED_PAROLE_BOARD,
    });
  });

  it('leaves an HDC release (HDC actual date Fri 18 Dec 2026) on the Friday', () => {
    expect(effectiveReleaseDate({ ...sentenced, hdcActualDate: '2026-12-18' })).toMatchObject({
      date: '2026-12-18',
      releaseDayRule: DayOfReleaseRule.EXCLUDED_HDC,
    });
  });

  it('leaves an indeterminate sentence on the Friday', () => {
    expect(
      effectiveReleaseDate({ ...sentenced, indeterminateSentence: true, conditionalReleaseDate: '2026-12-18' }),
    ).toMatchObject({ date: '2026-12-18', releaseDayRule: DayOfReleaseRule.EXCLUDED_INDETERMINATE });
  });
});

describe('releaseDateProblems', () => {
  const sensible = {
    dateOfBirth: '1990-04-12',
    receptionDate: '2026-01-05',
    sentenceStartDate: '2026-02-02',
    conditionalReleaseDate: '2026-08-03',
    hdcEligibilityDate: '2026-06-05',
  };

  const fieldsOf = (input: Parameters<typeof releaseDateProblems>[0]): string[] =>
    releaseDateProblems(input).map((problem) => problem.field);

  it('finds nothing wrong with a sensible set of dates', () => {
    expect(releaseDateProblems(sensible)).toEqual([]);
  });

  it('finds nothing wrong when there are no dates', () => {
    expect(releaseDateProblems({})).toEqual([]);
  });

  it('reports a date that is not a real date, and leaves it out of the other checks', () => {
    const problems = releaseDateProblems({ ...sensible, conditionalReleaseDate: '2026-02-30' });
    expect(problems).toEqual([
      { field: 'conditionalReleaseDate', message: "'2026-02-30' is not a real date in the form YYYY-MM-DD." },
    ]);
  });

  it('reports a release date before the sentence start date', () => {
    const problems = releaseDateProblems({ ...sensible, conditionalReleaseDate: '2026-01-30' });
    expect(problems).toContainEqual({
      field: 'conditionalReleaseDate',
      message: 'The conditional release date (CRD) is before the sentence start date.',
    });
  });

  it('reports an eligibility date before the reception date', () => {
    expect(fieldsOf({ receptionDate: '2026-01-05', paroleEligibilityDate: '2025-12-31' })).toEqual([
      'paroleEligibilityDate',
    ]);
  });

  it('reports a confirmed release date before both the sentence start and the reception date', () => {
    const problems = releaseDateProblems({ ...sensible, confirmedReleaseDate: '2025-12-01' });
    expect(problems.map((p) => p.message)).toEqual([
      'The confirmed release date is before the sentence start date.',
      'The confirmed release date is before the reception date.',
    ]);
  });

  it('accepts a release date on the sentence start date itself', () => {
    expect(releaseDateProblems({ sentenceStartDate: '2026-02-02', confirmedReleaseDate: '2026-02-02' })).toEqual([]);
  });

  it('reports a sentence start before her date of birth', () => {
    expect(fieldsOf({ dateOfBirth: '1990-04-12', sentenceStartDate: '1989-01-01' })).toEqual(['sentenceStartDate']);
  });

  it('reports a reception date before her date of birth', () => {
    expect(fieldsOf({ dateOfBirth: '1990-04-12', receptionDate: '1989-01-01' })).toEqual(['receptionDate']);
  });

  it('reports a date of birth that makes her 17 at sentence start', () => {
    const problems = releaseDateProblems({ dateOfBirth: '2008-02-03', sentenceStartDate: '2026-02-02' });
    expect(problems).toEqual([
      {
        field: 'dateOfBirth',
        message:
          "The date of birth makes her 17 at the start of her sentence; women's prisons hold women aged 18 and over.",
      },
    ]);
  });

  it('accepts a woman sentenced on her 18th birthday', () => {
    expect(releaseDateProblems({ dateOfBirth: '2008-02-02', sentenceStartDate: '2026-02-02' })).toEqual([]);
  });

  it('reports a date of birth that makes her over 110 at sentence start', () => {
    expect(fieldsOf({ dateOfBirth: '1915-01-01', sentenceStartDate: '2026-02-02' })).toEqual(['dateOfBirth']);
  });

  it('accepts a woman of 110', () => {
    expect(releaseDateProblems({ dateOfBirth: '1916-01-01', sentenceStartDate: '2026-02-02' })).toEqual([]);
  });

  it('skips the age check when the date of birth is absent', () => {
    expect(releaseDateProblems({ dateOfBirth: null, sentenceStartDate: '2026-02-02' })).toEqual([]);
  });

  it('reports an HDC eligibility date after the CRD', () => {
    const problems = releaseDateProblems({ conditionalReleaseDate: '2026-08-03', hdcEligibilityDate: '2026-08-04' });
    expect(problems).toEqual([
      {
        field: 'hdcEligibilityDate',
        message:
          'The HDC eligibility date (HDCED) is after the conditional release date (CRD); home detention curfew is release before the CRD.',
      },
    ]);
  });

  it('accepts an HDC eligibility date on the CRD', () => {
    expect(releaseDateProblems({ conditionalReleaseDate: '2026-08-03', hdcEligibilityDate: '2026-08-03' })).toEqual([]);
  });

  it('reports an HDC actual date after the CRD', () => {
    expect(fieldsOf({ conditionalReleaseDate: '2026-08-03', hdcActualDate: '2026-08-10' })).toEqual(['hdcActualDate']);
  });

  it('reports an HDC actual date before she was eligible for HDC', () => {
    expect(fieldsOf({ hdcEligibilityDate: '2026-06-05', hdcActualDate: '2026-06-01' })).toEqual(['hdcActualDate']);
  });

  it('reports a parole eligibility date after the ARD', () => {
    expect(fieldsOf({ automaticReleaseDate: '2026-08-03', paroleEligibilityDate: '2026-09-01' })).toEqual([
      'paroleEligibilityDate',
    ]);
  });

  it('reports an actual parole date before the parole eligibility date', () => {
    expect(fieldsOf({ paroleEligibilityDate: '2026-09-01', actualParoleDate: '2026-08-20' })).toEqual([
      'actualParoleDate',
    ]);
  });
});
