import { alertKindText, releaseDayText } from './format';
import { setLocale, t } from './i18n';

// The walk-out day and its rule come from the API (libs/domain/src/day-of-release.ts, CJA 1961 s.23(3) and
// s.23(3B)); the board only words them. Fri 18 Dec 2026 and Thu 17 Dec 2026 are the README's example.
describe('releaseDayText', () => {
  it('shows both days and the rule when the Friday release rule moved her', () => {
    expect(
      releaseDayText({
        releaseDate: '2026-12-17', // Thu
        scheduledReleaseDate: '2026-12-18', // Fri
        releaseDayRule: 'FRIDAY_OR_PRE_BANK_HOLIDAY',
      }),
    ).toBe('Scheduled Fri 18 Dec, walks out Thu 17 Dec (Friday release rule)');
  });

  it('says why she still walks out on the Friday when the rule left her out', () => {
    expect(
      releaseDayText({
        releaseDate: '2026-12-18', // Fri
        scheduledReleaseDate: '2026-12-18',
        releaseDayRule: 'EXCLUDED_HDC',
      }),
    ).toBe('Walks out Fri 18 Dec (Friday release rule not applied: HDC)');
  });

  it('shows just the day when nothing moved her, and says when no date is known', () => {
    expect(
      releaseDayText({ releaseDate: '2026-12-16', scheduledReleaseDate: '2026-12-16', releaseDayRule: 'NOT_MOVED' }),
    ).toBe('Walks out Wed 16 Dec');
    expect(releaseDayText({ releaseDate: null })).toBe('release date not known');
  });
});

describe('in Welsh', () => {
  afterEach(() => setLocale('en'));

  it('words the release day, the rule and the count from the Welsh catalogue, with Welsh day names', () => {
    setLocale('cy');
    const text = releaseDayText({
      releaseDate: '2026-12-17',
      scheduledReleaseDate: '2026-12-18',
      releaseDayRule: 'FRIDAY_OR_PRE_BANK_HOLIDAY',
    });
    expect(text).toMatch(
      /^Wedi’i threfnu .*Rhag.*, yn cael ei rhyddhau .*17 Rhag.* \(rheol rhyddhau ar ddydd Gwener\)$/,
    );
    expect(t('board.womenCount', { count: 1 })).toBe('1 fenyw');
    expect(t('board.womenCount', { count: 3 })).toBe('3 menyw');
    expect(alertKindText({ kind: 'ESCALATED', level: 2 })).toBe('Wedi’i uwchgyfeirio (lefel 2)');
  });
});
