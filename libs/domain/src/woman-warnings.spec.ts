import { womanWarnings, WomanWarningCode } from './woman-warnings';

describe('warnings on a woman’s card', () => {
  it('says on the day she arrives that a National Insurance number cannot come in time', () => {
    const warnings = womanWarnings(
      { prisonCode: 'STI', releaseDate: '2026-06-24', hasNationalInsuranceNumber: null },
      '2026-05-01',
    );
    expect(warnings.map((w) => w.code)).toEqual([WomanWarningCode.NI_NUMBER_TOO_LATE]);
  });

  it('says nothing about the number when she has one or has time', () => {
    expect(
      womanWarnings({ prisonCode: 'STI', releaseDate: '2026-06-24', hasNationalInsuranceNumber: true }, '2026-05-01'),
    ).toEqual([]);
    expect(
      womanWarnings({ prisonCode: 'STI', releaseDate: '2026-09-23', hasNationalInsuranceNumber: false }, '2026-05-01'),
    ).toEqual([]);
  });

  it('flags a Friday release, and nothing once she is out', () => {
    expect(
      womanWarnings(
        { prisonCode: 'STI', releaseDate: '2026-09-25', hasNationalInsuranceNumber: true },
        '2026-05-01',
      ).map((w) => w.code),
    ).toEqual([WomanWarningCode.RELEASE_BEFORE_CLOSED_DAYS]);
    expect(
      womanWarnings({ prisonCode: 'OUT', releaseDate: '2026-09-25', hasNationalInsuranceNumber: null }, '2026-05-01'),
    ).toEqual([]);
  });
});
