import { SensitiveFlag } from './woman';
import { womanWarnings, WomanWarningCode } from './woman-warnings';

const british = { prisonCode: 'STI', sensitiveFlags: [] as SensitiveFlag[] };
const foreignNational = { prisonCode: 'STI', sensitiveFlags: [SensitiveFlag.FOREIGN_NATIONAL] };

describe('warnings on a woman’s card', () => {
  // Release Wed 24 Jun 2026; 5 working days before is Wed 17 Jun.
  // Confirming her number (gov.uk "Get your National Insurance number", CA5403: up to 15 days): apply by
  // Tue 2 Jun 2026. A first number (DWP, 56 days allowed): apply by Wed 22 Apr 2026.
  it('does not warn about confirming an existing number while HMRC’s 15 days still fit', () => {
    expect(
      womanWarnings({ ...british, releaseDate: '2026-06-24', hasNationalInsuranceNumber: null }, '2026-05-01'),
    ).toEqual([]);
    expect(
      womanWarnings({ ...british, releaseDate: '2026-06-24', hasNationalInsuranceNumber: null }, '2026-06-02'),
    ).toEqual([]);
  });

  it('warns the day after the last day to ask HMRC, naming HMRC and about 2 weeks', () => {
    const warnings = womanWarnings(
      { ...british, releaseDate: '2026-06-24', hasNationalInsuranceNumber: false },
      '2026-06-03', // Wed
    );
    expect(warnings.map((w) => w.code)).toEqual([WomanWarningCode.NI_NUMBER_TOO_LATE]);
    expect(warnings[0]?.message).toContain('HM Revenue and Customs takes about 2 weeks');
  });

  it('warns a foreign national on the day she arrives that DWP cannot issue a first number in time', () => {
    const warnings = womanWarnings(
      { ...foreignNational, releaseDate: '2026-06-24', hasNationalInsuranceNumber: null },
      '2026-05-01', // Fri, after Wed 22 Apr
    );
    expect(warnings.map((w) => w.code)).toEqual([WomanWarningCode.NI_NUMBER_TOO_LATE]);
    expect(warnings[0]?.message).toContain('the Department for Work and Pensions takes about 8 weeks');
    expect(
      womanWarnings({ ...foreignNational, releaseDate: '2026-06-24', hasNationalInsuranceNumber: null }, '2026-04-22'),
    ).toEqual([]);
  });

  it('says nothing about the number when she has one or has time', () => {
    expect(
      womanWarnings({ ...foreignNational, releaseDate: '2026-06-24', hasNationalInsuranceNumber: true }, '2026-05-01'),
    ).toEqual([]);
    expect(
      womanWarnings({ ...foreignNational, releaseDate: '2026-09-23', hasNationalInsuranceNumber: false }, '2026-05-01'),
    ).toEqual([]);
  });

  it('flags a Friday release, and nothing once she is out', () => {
    expect(
      womanWarnings({ ...british, releaseDate: '2026-09-25', hasNationalInsuranceNumber: true }, '2026-05-01').map(
        (w) => w.code,
      ),
    ).toEqual([WomanWarningCode.RELEASE_BEFORE_CLOSED_DAYS]);
    expect(
      womanWarnings(
        { ...british, prisonCode: 'OUT', releaseDate: '2026-09-25', hasNationalInsuranceNumber: null },
        '2026-05-01',
      ),
    ).toEqual([]);
  });
});
