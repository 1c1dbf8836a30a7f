import { asReleaseCountry, RELEASE_AREAS, releaseAreaCountry } from './release-areas';

describe('the nation of a release area (housing law is devolved: Housing Act 1996 s.213B v Housing (Wales) Act 2014)', () => {
  it('knows the four Welsh police areas are in Wales and the rest in England', () => {
    expect(RELEASE_AREAS.filter((a) => releaseAreaCountry(a.code) === 'WALES').map((a) => a.code)).toEqual([
      'DYFED_POWYS',
      'GWENT',
      'NORTH_WALES',
      'SOUTH_WALES',
    ]);
    expect(releaseAreaCountry('GREATER_MANCHESTER')).toBe('ENGLAND');
    expect(releaseAreaCountry('ATLANTIS')).toBeNull();
  });

  it('reads a stored country and never guesses one', () => {
    expect(asReleaseCountry('WALES')).toBe('WALES');
    expect(asReleaseCountry('ENGLAND')).toBe('ENGLAND');
    expect(asReleaseCountry('SCOTLAND')).toBeNull();
    expect(asReleaseCountry(undefined)).toBeNull();
  });
});
