/**
 * The English plan is checked for reading age with two standard measures: the Flesch reading ease (Flesch 1948;
 * 60 to 70 is "plain English", higher is easier) and the Flesch-Kincaid grade level (Kincaid et al. 1975, a US
 * school grade: grade 5 is a reading age of about 10 to 11). Many women in prison read below the level expected
 * at 11 (HMPPS and the Department for Education's prison education statistics), and GOV.UK writes for a reading
 * age of about 9 ("Writing for GOV.UK"); so the target is stricter than "plain English": grade 5 or under, and a
 * reading ease of 70 or more ("fairly easy"). Both count words, sentences and syllables (wooorm's flesch,
 * flesch-kincaid and syllable packages). Each line of the plan is a sentence for the count: a list line or a
 * heading is read as one.
 */
import fleschKincaid from 'flesch-kincaid';
import flesch from 'flesch';
import syllable from 'syllable';
import { buildReleasePlan, releasePlanText } from './release-plan';
import { releasePlanFacts } from './release-plan.fixture';

function counts(text: string): { sentence: number; word: number; syllable: number } {
  const sentences = text
    .split(/\n|(?<=[.!?:])\s+/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z]/.test(s));
  const words = text.match(/[A-Za-z’']+/g) ?? [];
  return {
    sentence: sentences.length,
    word: words.length,
    syllable: words.reduce((sum, word) => sum + syllable(word), 0),
  };
}

describe('the English plan’s reading age', () => {
  const plans = {
    'with nothing ticked in': { staffNames: false, specialCategory: false },
    'with everything ticked in': { staffNames: true, specialCategory: true },
  };

  it.each(Object.entries(plans))('reads at grade 5 or under with a reading ease of 70 or more, %s', (_, include) => {
    const text = releasePlanText(buildReleasePlan(releasePlanFacts(), { language: 'en', include }));
    const measured = counts(text);
    expect(measured.word).toBeGreaterThan(300);
    const grade = fleschKincaid(measured);
    const ease = flesch(measured);
    expect({ grade: Math.round(grade * 10) / 10, gradeAtMost5: grade <= 5 }).toMatchObject({ gradeAtMost5: true });
    expect({ ease: Math.round(ease), easeAtLeast70: ease >= 70 }).toMatchObject({ easeAtLeast70: true });
  });

  it('scores a hard paragraph as hard, so the measure can fail', () => {
    const hard =
      'Notwithstanding the aforementioned considerations, accommodation eligibility determinations necessitate comprehensive multidisciplinary deliberation.';
    const measured = counts(hard);
    expect(fleschKincaid(measured)).toBeGreaterThan(12);
    expect(flesch(measured)).toBeLessThan(30);
  });
});
