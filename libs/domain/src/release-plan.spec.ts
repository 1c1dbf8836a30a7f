import { buildReleasePlan, releasePlanText } from './release-plan';
import { releasePlanFacts } from './release-plan.fixture';

const NONE = { staffNames: false, specialCategory: false };
const ALL = { staffNames: true, specialCategory: true };

function english(include = NONE, facts = releasePlanFacts()): string {
  return releasePlanText(buildReleasePlan(facts, { language: 'en', include }));
}

describe('her release plan', () => {
  it('says who helps with each need by role and organisation, with done and still to do', () => {
    const text = english();
    expect(text).toContain('A place to live');
    expect(text).toContain('The pre-release team at HMP Styal');
    expect(text).toContain(
      'Your probation officer (community offender manager), Probation Service, Greater Manchester',
    );
    expect(text).toContain('A support worker from Northern Women’s Services');
    expect(text).toContain('Done: 1. Still to do: 2.');
    // The next open thing by date, not the one already done.
    expect(text).toContain('The next thing should be done by Thursday 3 December 2026.');
    expect(text).toContain('Money, bank account and ID');
    // A need she does not have is not listed.
    expect(text).not.toContain('Work, training and learning');
  });

  it('names no member of staff unless the team ticks names in', () => {
    const text = english();
    for (const name of ['Priya Comfort', 'Comfort', 'Sam Pomeroy', 'Pomeroy', 'Kim Officer']) {
      expect(text).not.toContain(name);
    }
    const named = english({ staffNames: true, specialCategory: false });
    expect(named).toContain('Probation Service, Greater Manchester: Priya Comfort');
    expect(named).toContain('Your keyworker at HMP Styal: Kim Officer');
  });

  it('leaves special category needs, health appointments, medication and safe space out unless ticked in', () => {
    const text = english();
    for (const hidden of [
      'Staying safe from abuse',
      'Your health',
      'Safe Haven Refuges',
      'Doctor (GP)',
      'Ardwick Health Centre',
      'Your medicine',
      'A safe place to go',
      'Domestic Abuse Helpline',
      '0161 496 0789',
    ]) {
      expect(text).not.toContain(hidden);
    }
    const ticked = english(ALL);
    for (const shown of [
      'Staying safe from abuse',
      'Your health',
      'A support worker from Safe Haven Refuges',
      'Doctor (GP) or chemist',
      'Your medicine: done',
      'A safe place to go: still to sort out',
      'National Domestic Abuse Helpline (free, day or night): 0808 2000 247',
    ]) {
      expect(ticked).toContain(shown);
    }
  });

  it('lists release-day appointments in time order with their places, in London time', () => {
    const text = english();
    const housing = text.indexOf('11:00: Council housing team');
    const probation = text.indexOf('13:30: Meet your probation officer');
    expect(housing).toBeGreaterThan(-1);
    expect(probation).toBeGreaterThan(housing);
    expect(text).toContain('Where: Manchester Probation Office, 1 Civic Way, Manchester');
    expect(text).toContain('You leave prison on Thursday 17 December 2026.');
    expect(text).toContain('A mobile phone: done');
    expect(text).toContain('Someone to meet you at the gate: still to sort out');
  });

  it('gives her probation office’s and her provider’s numbers, and says so when there is none', () => {
    expect(english()).toContain('Probation Service, Greater Manchester: 0161 496 0123');
    expect(english()).toContain('Northern Women’s Services: 0161 496 0456');
    const without = english(NONE, releasePlanFacts({ probationPhone: null, releaseDate: null, appointments: [] }));
    expect(without).toContain('Your probation officer will give you their phone number.');
    expect(without).toContain('Your release date is not fixed yet.');
    expect(without).toContain('No appointments are booked yet.');
  });

  it('uses the Welsh domestic abuse helpline for a release area in Wales', () => {
    const text = english(ALL, releasePlanFacts({ country: 'WALES' }));
    expect(text).toContain('Live Fear Free helpline (free, day or night): 0808 80 10 800');
    expect(text).not.toContain('0808 2000 247');
  });

  it('writes the Welsh plan in Welsh, with Welsh dates and the Welsh-language Universal Credit line', () => {
    const text = releasePlanText(buildReleasePlan(releasePlanFacts(), { language: 'cy', include: NONE }));
    expect(text).toContain('Eich cynllun rhyddhau');
    expect(text).toContain('Lle i fyw: tŷ neu lety');
    expect(text).toContain('dydd Gŵyl y Banc');
    expect(text).toContain('Y diwrnod y byddwch chi’n gadael y carchar: dydd Iau 17 Rhagfyr 2026.');
    expect(text).toContain('0800 328 1744');
    expect(text).not.toContain('You leave prison');
  });
});
