import { PLAN_LANGUAGES, RELEASE_PLAN_TEXT, placeholdersOf, planText } from './release-plan-text';

describe('the release plan’s words', () => {
  it('has the same keys in English and Welsh, each with the same placeholders and some words', () => {
    const english = RELEASE_PLAN_TEXT.en;
    const welsh = RELEASE_PLAN_TEXT.cy;
    expect(Object.keys(welsh).sort()).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      expect([key, placeholdersOf(welsh[key])]).toEqual([key, placeholdersOf(english[key])]);
      for (const language of PLAN_LANGUAGES) expect(RELEASE_PLAN_TEXT[language][key].trim()).not.toBe('');
    }
  });

  it('has Welsh that is not the English copied', () => {
    const same = (Object.keys(RELEASE_PLAN_TEXT.en) as (keyof typeof RELEASE_PLAN_TEXT.en)[]).filter(
      (key) =>
        RELEASE_PLAN_TEXT.en[key] === RELEASE_PLAN_TEXT.cy[key] &&
        /[a-z]{3}/.test(RELEASE_PLAN_TEXT.en[key].replace(/\{\w+\}/g, '')),
    );
    expect(same).toEqual([]);
  });

  it('fills placeholders and refuses to print one left unfilled', () => {
    expect(planText('en', 'madeOn', { date: 'today' })).toBe('Made on today.');
    expect(() => planText('cy', 'madeOn')).toThrow(/needs \{date\}/);
  });
});
