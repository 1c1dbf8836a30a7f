/**
 * Handover dates worked out by hand from the rules of ministryofjustice/offender-management-allocation-manager
 * (app/lib/handover/handover_calculation.rb, docs/allocation-handover-domain.md) and the OMiC model (gov.uk).
 */
import {
  HandoverCase,
  HandoverFacts,
  HandoverResponsibility,
  handoverDates,
  responsibilityOn,
  subtractMonths,
} from './handover';
import { CustodyStatus } from './woman';

const TODAY = '2026-11-30'; // Monday

function sentenced(overrides: Partial<HandoverFacts>): HandoverFacts {
  return {
    custodyStatus: CustodyStatus.SENTENCED,
    sentenceStartDate: '2026-01-05', // Monday
    receptionDate: '2026-01-05', // Monday
    conditionalReleaseDate: null,
    automaticReleaseDate: null,
    paroleEligibilityDate: null,
    ...overrides,
  };
}

describe('subtractMonths (calendar months, the day kept where the month has it)', () => {
  it('keeps the day of the month, and clamps to the month end', () => {
    expect(subtractMonths('2027-09-30', 8)).toBe('2027-01-30'); // Thursday -> Saturday
    expect(subtractMonths('2027-10-31', 8)).toBe('2027-02-28'); // Sunday -> Sunday (2027 is no leap year)
    expect(subtractMonths('2028-10-31', 8)).toBe('2028-02-29'); // Tuesday -> Tuesday (2028 is a leap year)
    expect(subtractMonths('2026-11-02', -10)).toBe('2027-09-02'); // Monday -> Thursday (negative: forward)
    expect(subtractMonths('2028-06-30', 15)).toBe('2027-03-30'); // Friday -> Tuesday, across a year
  });
});

describe('handoverDates: determinate sentences (allocation manager handover_calculation.rb)', () => {
  it('standard determinate: COM allocated and responsible 8 months and 14 days before the CRD', () => {
    // CRD Thu 30 Sep 2027; - 8 months = Sat 30 Jan 2027; - 14 days = Sat 16 Jan 2027.
    const dates = handoverDates(sentenced({ conditionalReleaseDate: '2027-09-30' }), TODAY);
    expect(dates).toEqual({
      handoverCase: HandoverCase.DETERMINATE,
      earliestReleaseDate: '2027-09-30',
      comAllocatedDate: '2027-01-16',
      comResponsibleDate: '2027-01-16',
    });
  });

  it('counts back from the earlier of ARD and CRD', () => {
    // ARD Fri 3 Sep 2027 before CRD Thu 30 Sep 2027; Fri 3 Sep - 8 months = Sun 3 Jan 2027; - 14 days = Sun 20 Dec 2026.
    const dates = handoverDates(
      sentenced({ conditionalReleaseDate: '2027-09-30', automaticReleaseDate: '2027-09-03' }),
      TODAY,
    );
    expect(dates.earliestReleaseDate).toBe('2027-09-03');
    expect(dates.comAllocatedDate).toBe('2026-12-20');
  });

  it('a month end with no such day in the target month: 31 Oct 2027 - 8 months is 28 Feb 2027', () => {
    // CRD Sun 31 Oct 2027; - 8 months = Sun 28 Feb 2027; - 14 days = Sun 14 Feb 2027.
    const dates = handoverDates(sentenced({ conditionalReleaseDate: '2027-10-31' }), TODAY);
    expect(dates.comAllocatedDate).toBe('2027-02-14');
  });

  it('and in a leap year 31 Oct 2028 - 8 months is 29 Feb 2028', () => {
    // CRD Tue 31 Oct 2028; - 8 months = Tue 29 Feb 2028; - 14 days = Tue 15 Feb 2028.
    const dates = handoverDates(sentenced({ conditionalReleaseDate: '2028-10-31' }), TODAY);
    expect(dates.comResponsibleDate).toBe('2028-02-15');
  });

  it('determinate with parole eligibility: 12 months before the PED, which beats a later CRD', () => {
    // PED Wed 15 Mar 2028 counts, though the CRD Mon 10 Jan 2028 is earlier (HMPPS: PED if present).
    const dates = handoverDates(
      sentenced({ paroleEligibilityDate: '2028-03-15', conditionalReleaseDate: '2028-01-10' }),
      TODAY,
    );
    // Wed 15 Mar 2028 - 12 months = Mon 15 Mar 2027.
    expect(dates).toEqual({
      handoverCase: HandoverCase.DETERMINATE_PAROLE,
      earliestReleaseDate: '2028-03-15',
      comAllocatedDate: '2027-03-15',
      comResponsibleDate: '2027-03-15',
    });
  });

  it('10 months or less from sentence start to release: the COM is responsible from the sentence start', () => {
    // Sentence Mon 2 Nov 2026 + 10 months = Thu 2 Sep 2027 = CRD: on the boundary, still short.
    const dates = handoverDates(
      sentenced({ sentenceStartDate: '2026-11-02', receptionDate: '2026-11-02', conditionalReleaseDate: '2027-09-02' }),
      TODAY,
    );
    expect(dates).toEqual({
      handoverCase: HandoverCase.DETERMINATE_SHORT,
      earliestReleaseDate: '2027-09-02',
      comAllocatedDate: '2026-11-02',
      comResponsibleDate: '2026-11-02',
    });
  });

  it('one day more than 10 months is a standard determinate case', () => {
    // CRD Fri 3 Sep 2027 > Thu 2 Sep 2027; Fri 3 Sep - 8 months = Sun 3 Jan 2027; - 14 days = Sun 20 Dec 2026.
    const dates = handoverDates(
      sentenced({ sentenceStartDate: '2026-11-02', receptionDate: '2026-11-02', conditionalReleaseDate: '2027-09-03' }),
      TODAY,
    );
    expect(dates.handoverCase).toBe(HandoverCase.DETERMINATE);
    expect(dates.comAllocatedDate).toBe('2026-12-20');
  });

  it('counts from her reception when the sentence start is not recorded', () => {
    // Reception Mon 2 Nov 2026 + 10 months = Thu 2 Sep 2027 >= CRD Thu 2 Sep 2027: short.
    const dates = handoverDates(
      sentenced({ sentenceStartDate: null, receptionDate: '2026-11-02', conditionalReleaseDate: '2027-09-02' }),
      TODAY,
    );
    expect(dates.handoverCase).toBe(HandoverCase.DETERMINATE_SHORT);
    expect(dates.comAllocatedDate).toBe('2026-11-02');
  });

  it('early allocation: 15 months before the earliest release date', () => {
    // CRD Fri 30 Jun 2028 - 15 months = Tue 30 Mar 2027.
    const dates = handoverDates(sentenced({ conditionalReleaseDate: '2028-06-30', earlyAllocation: true }), TODAY);
    expect(dates.handoverCase).toBe(HandoverCase.EARLY_ALLOCATION);
    expect(dates.comAllocatedDate).toBe('2027-03-30');
    expect(dates.comResponsibleDate).toBe('2027-03-30');
  });

  it('no release date to count back from: the POM holds her case alone', () => {
    const dates = handoverDates(sentenced({}), TODAY);
    expect(dates).toEqual({
      handoverCase: HandoverCase.RELEASE_DATE_UNKNOWN,
      earliestReleaseDate: null,
      comAllocatedDate: null,
      comResponsibleDate: null,
    });
    expect(responsibilityOn(dates, TODAY)).toBe(HandoverResponsibility.POM_RESPONSIBLE);
  });
});

describe('handoverDates: indeterminate sentences (allocation manager handover_calculation.rb)', () => {
  it('12 months before a tariff expiry date still ahead', () => {
    // TED Wed 10 May 2028 - 12 months = Mon 10 May 2027.
    const dates = handoverDates(sentenced({ indeterminate: true, tariffExpiryDate: '2028-05-10' }), TODAY);
    expect(dates.handoverCase).toBe(HandoverCase.INDETERMINATE);
    expect(dates.comAllocatedDate).toBe('2027-05-10');
  });

  it('the target hearing date when the tariff has expired', () => {
    // TED Mon 1 Jun 2026 has passed; THD Wed 10 May 2028 is ahead; - 12 months = Mon 10 May 2027.
    const dates = handoverDates(
      sentenced({ indeterminate: true, tariffExpiryDate: '2026-06-01', targetHearingDate: '2028-05-10' }),
      TODAY,
    );
    expect(dates.earliestReleaseDate).toBe('2028-05-10');
    expect(dates.comResponsibleDate).toBe('2027-05-10');
  });

  it('in open conditions the COM is allocated from the day her category changed to open, if earlier', () => {
    // Open since Mon 3 Aug 2026, before the handover Mon 10 May 2027 (TED Wed 10 May 2028 - 12 months).
    const dates = handoverDates(
      sentenced({ indeterminate: true, tariffExpiryDate: '2028-05-10', openConditionsSince: '2026-08-03' }),
      TODAY,
    );
    expect(dates).toEqual({
      handoverCase: HandoverCase.INDETERMINATE_OPEN,
      earliestReleaseDate: '2028-05-10',
      comAllocatedDate: '2026-08-03',
      comResponsibleDate: '2027-05-10',
    });
    // Mon 30 Nov 2026 falls between: the POM leads, the COM supports.
    expect(responsibilityOn(dates, TODAY)).toBe(HandoverResponsibility.POM_RESPONSIBLE_COM_SUPPORTING);
  });

  it('but never later than the handover date', () => {
    // Open since Thu 1 Jul 2027, after the handover Mon 10 May 2027: allocated by the handover date.
    const dates = handoverDates(
      sentenced({ indeterminate: true, tariffExpiryDate: '2028-05-10', openConditionsSince: '2027-07-01' }),
      TODAY,
    );
    expect(dates.comAllocatedDate).toBe('2027-05-10');
  });
});

describe('handoverDates: recall and remand (OMiC; allocation manager offender_handover.rb)', () => {
  it('a recalled woman is the COM’s case from the day she is back in custody', () => {
    const dates = handoverDates(
      {
        ...sentenced({ conditionalReleaseDate: '2027-09-30' }),
        custodyStatus: CustodyStatus.RECALLED,
        receptionDate: '2026-11-16', // Monday
      },
      TODAY,
    );
    expect(dates.handoverCase).toBe(HandoverCase.RECALL);
    expect(dates.comAllocatedDate).toBe('2026-11-16');
    expect(responsibilityOn(dates, TODAY)).toBe(HandoverResponsibility.COM_RESPONSIBLE);
  });

  it('remand: no handover', () => {
    const dates = handoverDates(
      { ...sentenced({ conditionalReleaseDate: '2027-09-30' }), custodyStatus: CustodyStatus.REMANDED },
      TODAY,
    );
    expect(dates.handoverCase).toBe(HandoverCase.NOT_SENTENCED);
    expect(dates.comAllocatedDate).toBeNull();
    expect(responsibilityOn(dates, TODAY)).toBeNull();
  });
});

describe('responsibilityOn (allocation manager calculate_responsibility)', () => {
  // CRD Thu 30 Sep 2027: handover Sat 16 Jan 2027.
  const dates = handoverDates(sentenced({ conditionalReleaseDate: '2027-09-30' }), TODAY);
  it('the POM alone before the handover, the COM from the handover day itself', () => {
    expect(responsibilityOn(dates, '2027-01-15')).toBe(HandoverResponsibility.POM_RESPONSIBLE); // Friday
    expect(responsibilityOn(dates, '2027-01-16')).toBe(HandoverResponsibility.COM_RESPONSIBLE); // Saturday
  });
});
