import { addCalendarMonths, housingCostsAdvice, housingCostsInCustody } from './tenancy-protection';
import { CustodyStatus } from './woman';

describe('housing costs while she is in custody', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-03-02', 6)).toBe('2026-09-02');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28'); // 2027 is not a leap year
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29'); // 2028 is
  });

  // Housing Benefit Regulations 2006 reg.7(13): sentenced, up to 13 weeks if unlikely to be away longer.
  // Universal Credit Regulations 2013 reg.19(2),(3): up to 6 months unless sentenced beyond them.
  it('keeps both for a sentenced woman expected back within 13 weeks', () => {
    // Reception Mon 2 Mar 2026; 13 weeks (91 days) later is Mon 1 Jun 2026; 6 months later Wed 2 Sep 2026.
    // Release Fri 15 May 2026 is before both.
    expect(
      housingCostsInCustody({
        custodyStatus: CustodyStatus.SENTENCED,
        receptionDate: '2026-03-02',
        releaseDate: '2026-05-15',
      }),
    ).toEqual({ housingBenefitEnds: '2026-06-01', universalCreditHousingEnds: '2026-09-02' });
  });

  it('stops Housing Benefit at once when a sentenced woman is expected away more than 13 weeks, keeping UC', () => {
    // Release Wed 1 Jul 2026: after Mon 1 Jun (13 weeks), before Wed 2 Sep (6 months).
    expect(
      housingCostsInCustody({
        custodyStatus: CustodyStatus.SENTENCED,
        receptionDate: '2026-03-02',
        releaseDate: '2026-07-01',
      }),
    ).toEqual({ housingBenefitEnds: null, universalCreditHousingEnds: '2026-09-02' });
  });

  it('counts a release on the last covered day as within it, and the day after as beyond it', () => {
    const sentenced = { custodyStatus: CustodyStatus.SENTENCED, receptionDate: '2026-03-02' };
    expect(housingCostsInCustody({ ...sentenced, releaseDate: '2026-06-01' }).housingBenefitEnds).toBe('2026-06-01');
    expect(housingCostsInCustody({ ...sentenced, releaseDate: '2026-06-02' }).housingBenefitEnds).toBeNull();
    expect(housingCostsInCustody({ ...sentenced, releaseDate: '2026-09-03' }).universalCreditHousingEnds).toBeNull();
  });

  it('treats a recalled woman as a sentenced prisoner', () => {
    // Reception Thu 1 Oct 2026 (clocks go back Sun 25 Oct: calendar dates are unaffected); release Mon 1 Mar 2027.
    // 13 weeks: Thu 31 Dec 2026; 6 months: Thu 1 Apr 2027.
    expect(
      housingCostsInCustody({
        custodyStatus: CustodyStatus.RECALLED,
        receptionDate: '2026-10-01',
        releaseDate: '2027-03-01',
      }),
    ).toEqual({ housingBenefitEnds: null, universalCreditHousingEnds: '2027-04-01' });
  });

  // Housing Benefit Regulations 2006 reg.7(16)(c)(i),(17): on remand, up to 52 weeks.
  it('gives a remand woman 52 weeks of Housing Benefit and 6 months of UC housing costs with no release date', () => {
    // Reception Fri 3 Apr 2026 (Good Friday): 52 weeks (364 days) later is Fri 2 Apr 2027; 6 months Sat 3 Oct 2026.
    expect(
      housingCostsInCustody({ custodyStatus: CustodyStatus.REMANDED, receptionDate: '2026-04-03', releaseDate: null }),
    ).toEqual({ housingBenefitEnds: '2027-04-02', universalCreditHousingEnds: '2026-10-03' });
  });

  it('says it in words for the tenancy task', () => {
    const advice = housingCostsAdvice({
      custodyStatus: CustodyStatus.SENTENCED,
      receptionDate: '2026-03-02',
      releaseDate: '2026-07-01',
    });
    expect(advice).toContain('Housing Benefit stops now: she is expected to be away more than 13 weeks.');
    expect(advice).toContain('Universal Credit housing costs can continue until 2026-09-02 (6 months)');
  });
});
