/**
 * The release date precedence of ministryofjustice/prison-api (OffenderBooking.deriveOffenderReleaseDate,
 * SentenceCalculation.deriveNonDtoReleaseDate, NonDtoReleaseDate.compareTo), worked by hand over each
 * combination it decides. Dates are working days (no bank holiday next to them) so only the precedence is tested.
 */
import { DayOfReleaseRule } from './day-of-release';
import { chooseReleaseDate, noReleaseDateReason, ReleaseDateSource } from './release-date-precedence';
import { effectiveReleaseDate, releaseDateRecord } from './release-date';
import { CustodyStatus } from './woman';

const THU_14_JAN = '2027-01-14';
const MON_18_JAN = '2027-01-18';
const WED_20_JAN = '2027-01-20';
const MON_1_FEB = '2027-02-01';
const WED_17_FEB = '2027-02-17';
const MON_1_MAR = '2027-03-01';

describe('chooseReleaseDate (prison-api OffenderBooking.deriveOffenderReleaseDate)', () => {
  const calculated = {
    conditionalReleaseDate: MON_1_MAR,
    automaticReleaseDate: WED_17_FEB,
    nonParoleDate: MON_1_FEB,
  };

  it('takes a confirmed release date over APD, HDCAD and every calculated date, even an earlier one', () => {
    expect(
      chooseReleaseDate({
        ...calculated,
        confirmedReleaseDate: THU_14_JAN,
        actualParoleDate: MON_18_JAN,
        hdcActualDate: WED_20_JAN,
      }),
    ).toMatchObject({ source: ReleaseDateSource.CONFIRMED, scheduledDate: THU_14_JAN, overridden: false });
  });

  it('takes the actual parole date before the HDC approved date and the calculated dates', () => {
    expect(chooseReleaseDate({ ...calculated, actualParoleDate: MON_18_JAN, hdcActualDate: WED_20_JAN })).toMatchObject(
      {
        source: ReleaseDateSource.ACTUAL_PAROLE,
        scheduledDate: MON_18_JAN,
      },
    );
  });

  it('takes the HDC approved date before the calculated dates, though they are later', () => {
    expect(chooseReleaseDate({ ...calculated, hdcActualDate: WED_20_JAN })).toMatchObject({
      source: ReleaseDateSource.HDC_ACTUAL,
      scheduledDate: WED_20_JAN,
    });
  });

  it('never takes an eligibility date (PED, HDCED) or an expiry date as her release date', () => {
    expect(
      effectiveReleaseDate({
        paroleEligibilityDate: MON_18_JAN,
        hdcEligibilityDate: WED_20_JAN,
        sentenceExpiryDate: MON_1_MAR,
        licenceExpiryDate: MON_1_MAR,
        topupSupervisionExpiryDate: MON_1_MAR,
      }),
    ).toBeNull();
  });
});

describe('the non-DTO release date (prison-api NonDtoReleaseDate: override first within a type, then the latest)', () => {
  it('takes the latest of ARD, CRD and NPD: CRD Mon 1 Mar 2027 over ARD Wed 17 Feb and NPD Mon 1 Feb', () => {
    const chosen = chooseReleaseDate({
      automaticReleaseDate: WED_17_FEB,
      conditionalReleaseDate: MON_1_MAR,
      nonParoleDate: MON_1_FEB,
    });
    expect(chosen).toMatchObject({ source: ReleaseDateSource.CRD, scheduledDate: MON_1_MAR, overridden: false });
    expect(chosen?.reason).toBe(
      'Conditional release date (CRD, as calculated): the latest of her release dates, on or after her ARD and NPD (HMPPS takes the latest)',
    );
  });

  it('takes an NPD later than the CRD: NPD Mon 1 Mar 2027 over CRD Mon 1 Feb', () => {
    expect(chooseReleaseDate({ conditionalReleaseDate: MON_1_FEB, nonParoleDate: MON_1_MAR })).toMatchObject({
      source: ReleaseDateSource.NPD,
      scheduledDate: MON_1_MAR,
    });
  });

  it('takes a CRD override over the calculated CRD even when the override is earlier', () => {
    const chosen = chooseReleaseDate({ conditionalReleaseDate: MON_1_MAR, conditionalReleaseOverrideDate: MON_1_FEB });
    expect(chosen).toMatchObject({
      source: ReleaseDateSource.CRD,
      scheduledDate: MON_1_FEB,
      field: 'conditionalReleaseOverrideDate',
      overridden: true,
    });
    expect(chosen?.reason).toBe("Conditional release date (CRD, override set by the prison's calculation)");
  });

  it('takes an ARD override over the calculated ARD when the override is later', () => {
    expect(
      chooseReleaseDate({ automaticReleaseDate: MON_1_FEB, automaticReleaseOverrideDate: WED_17_FEB }),
    ).toMatchObject({ source: ReleaseDateSource.ARD, scheduledDate: WED_17_FEB, overridden: true });
  });

  it('compares an override with the other types by date: an NPD override Mon 1 Feb loses to a CRD Wed 17 Feb', () => {
    expect(
      chooseReleaseDate({
        conditionalReleaseDate: WED_17_FEB,
        nonParoleDate: MON_1_MAR,
        nonParoleOverrideDate: MON_1_FEB,
      }),
    ).toMatchObject({ source: ReleaseDateSource.CRD, scheduledDate: WED_17_FEB, overridden: false });
  });

  it('breaks a tie on one day in the order ARD, CRD, NPD, PRRD', () => {
    const tie = chooseReleaseDate({ conditionalReleaseDate: MON_1_MAR, automaticReleaseDate: MON_1_MAR });
    expect(tie?.source).toBe(ReleaseDateSource.ARD);
    expect(tie?.reason).toBe(
      'Automatic release date (ARD, as calculated): the latest of her release dates, on or after her CRD (HMPPS takes the latest)',
    );
    expect(chooseReleaseDate({ postRecallReleaseDate: MON_1_MAR, nonParoleDate: MON_1_MAR })?.source).toBe(
      ReleaseDateSource.NPD,
    );
  });

  it('uses a lone override when there is no calculated date of its type', () => {
    expect(chooseReleaseDate({ nonParoleOverrideDate: WED_20_JAN })).toMatchObject({
      source: ReleaseDateSource.NPD,
      scheduledDate: WED_20_JAN,
      overridden: true,
    });
  });

  it('treats empty strings as no date', () => {
    expect(chooseReleaseDate({ conditionalReleaseOverrideDate: '', conditionalReleaseDate: MON_1_FEB })).toMatchObject({
      scheduledDate: MON_1_FEB,
      overridden: false,
    });
  });
});

describe('a recalled woman (Criminal Justice Act 2003 ss.254-255C)', () => {
  const recalled = { custodyStatus: CustodyStatus.RECALLED };

  it('is released on her PRRD, not on a later CRD left from the release she was recalled from', () => {
    const chosen = chooseReleaseDate({
      ...recalled,
      conditionalReleaseDate: MON_1_MAR,
      postRecallReleaseDate: MON_1_FEB,
    });
    expect(chosen).toMatchObject({ source: ReleaseDateSource.PRRD, scheduledDate: MON_1_FEB, overridden: false });
    expect(chosen?.reason).toBe(
      'Post-recall release date (PRRD, as calculated): she was recalled, so only her post-recall release date counts',
    );
  });

  it('takes the PRRD override over the calculated PRRD', () => {
    const chosen = chooseReleaseDate({
      ...recalled,
      postRecallReleaseDate: MON_1_MAR,
      postRecallReleaseOverrideDate: WED_17_FEB,
    });
    expect(chosen).toMatchObject({ source: ReleaseDateSource.PRRD, scheduledDate: WED_17_FEB, overridden: true });
    expect(chosen?.reason).toBe(
      "Post-recall release date (PRRD, override set by the prison's calculation): she was recalled, so only her post-recall release date counts",
    );
  });

  it('still takes a confirmed release date first', () => {
    expect(
      chooseReleaseDate({ ...recalled, postRecallReleaseDate: MON_1_MAR, confirmedReleaseDate: WED_17_FEB })?.source,
    ).toBe(ReleaseDateSource.CONFIRMED);
  });

  it('has no release date without a PRRD, and says why instead of inventing one', () => {
    const dates = { ...recalled, conditionalReleaseDate: MON_1_MAR };
    expect(chooseReleaseDate(dates)).toBeNull();
    expect(noReleaseDateReason(dates)).toMatch(/^Recalled: no post-recall release date \(PRRD\) yet/);
    expect(noReleaseDateReason(dates)).toMatch(/Her CRD belongs to the release she was recalled from\.$/);
    expect(releaseDateRecord(dates)).toEqual({
      releaseDate: null,
      releaseDateSource: null,
      releaseDateReason: noReleaseDateReason(dates),
      scheduledReleaseDate: null,
      releaseDayRule: null,
    });
  });

  it('a woman who is not recalled needs no such explanation', () => {
    expect(noReleaseDateReason({ custodyStatus: CustodyStatus.SENTENCED })).toBeNull();
    expect(releaseDateRecord({ custodyStatus: CustodyStatus.SENTENCED })).toEqual({
      releaseDate: null,
      releaseDateSource: null,
      releaseDateReason: null,
      scheduledReleaseDate: null,
      releaseDayRule: null,
    });
  });
});

describe('effectiveReleaseDate keeps its shape and adds the reason', () => {
  it('returns date, source, scheduled date and reason for a PRRD override on Wed 17 Feb 2027 (a working day)', () => {
    expect(
      effectiveReleaseDate({
        custodyStatus: CustodyStatus.RECALLED,
        postRecallReleaseDate: MON_1_MAR,
        postRecallReleaseOverrideDate: WED_17_FEB,
      }),
    ).toEqual({
      date: WED_17_FEB,
      source: ReleaseDateSource.PRRD,
      scheduledDate: WED_17_FEB,
      reason:
        "Post-recall release date (PRRD, override set by the prison's calculation): she was recalled, so only her post-recall release date counts",
      // Wed 17 Feb 2027 is followed by a working Thursday: no day-of-release rule moves her (CJA 1961 s.23(3B)).
      releaseDayRule: DayOfReleaseRule.NOT_MOVED,
    });
  });
});
