import cy from './i18n/cy.json';
import { setLocale } from './i18n';
import { warningText } from './warning-text';

// Warnings as the API gives them: code, English message and the facts (libs/domain/src/release-day.ts,
// woman-warnings.ts).
describe('warningText', () => {
  afterEach(() => setLocale('en'));

  const closed = {
    code: 'RELEASE_BEFORE_CLOSED_DAYS',
    message: 'She still walks out on a Thursday (...) and services are closed for 4 days after (...)',
    values: {
      releaseDate: '2026-12-24',
      releaseDayRule: 'FRIDAY_OR_PRE_BANK_HOLIDAY',
      closedDays: '2026-12-25,2026-12-26',
    },
  };

  it('shows the API message unchanged in English', () => {
    setLocale('en');
    expect(warningText(closed)).toBe(closed.message);
  });

  it('words a release-day warning in Welsh from its facts: weekday, rule, closed days', () => {
    setLocale('cy');
    expect(warningText(closed)).toBe(
      'Mae hi’n dal i gerdded allan ddydd Iau (rheol rhyddhau ar ddydd Gwener) ac mae gwasanaethau ar gau am 2 ddiwrnod wedyn (Gwen, 25 Rhag, Sad, 26 Rhag): gwnewch yn siŵr bod ei chyflenwad o feddyginiaeth a’i llety yn cwmpasu’r dyddiau hynny.'.replace(
        'rheol rhyddhau ar ddydd Gwener',
        // the rule's words come from the catalogue's releaseDayRule entry
        cy['releaseDayRule.FRIDAY_OR_PRE_BANK_HOLIDAY'],
      ),
    );
  });

  it('words the travel and appointment warnings with Welsh appointment kinds', () => {
    setLocale('cy');
    expect(
      warningText({
        code: 'NOT_ENOUGH_TRAVEL_TIME',
        message: 'Leeds to York takes about 60 minutes, ...',
        values: {
          from: 'Leeds',
          to: 'York',
          needed: 60,
          gap: 30,
          previousKind: 'PROBATION',
          previousTown: 'Leeds',
          kind: 'JOBCENTRE',
          time: '11:30',
        },
      }),
    ).toBe(
      'Mae’r daith o Leeds i York yn cymryd tua 60 munud, ond dim ond 30 sydd ganddi rhwng y gwasanaeth prawf yn Leeds a canolfan waith am 11:30.',
    );
    expect(
      warningText({
        code: 'CHECKLIST_NOT_ARRANGED',
        message: 'A basic mobile phone is needed and not yet arranged.',
        values: { item: 'mobilePhone' },
      }),
    ).toBe('Mae angen ffôn symudol syml ac nid yw wedi’i drefnu eto.');
  });

  it('words her COM and National Insurance warnings in Welsh', () => {
    setLocale('cy');
    expect(
      warningText({
        code: 'COM_NOT_ALLOCATED',
        message: 'No community offender manager is allocated yet: ...',
        dueDate: '2026-12-07',
        overdue: false,
      }),
    ).toBe(
      'Nid oes rheolwr troseddwyr yn y gymuned wedi’i ddyrannu eto: mae angen un erbyn Llun, 7 Rhag 2026 ar gyfer y trosglwyddo oddi wrth ei POM.',
    );
    expect(
      warningText({
        code: 'NI_NUMBER_TOO_LATE',
        message: 'Her release is too close ...',
        values: { document: 'NEW_NATIONAL_INSURANCE_NUMBER', weeks: 8 },
      }),
    ).toContain('(mae’r Adran Gwaith a Phensiynau yn cymryd tua 8 wythnos)');
  });

  it('falls back to the API message for an unknown code or a warning without its facts', () => {
    setLocale('cy');
    expect(warningText({ code: 'NEW_WARNING', message: 'Something new', values: {} })).toBe('Something new');
    expect(warningText({ code: 'TRAVEL_TIME_UNKNOWN', message: 'No travel time is recorded' })).toBe(
      'No travel time is recorded',
    );
  });
});
