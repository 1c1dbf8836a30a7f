import { setLocale } from './i18n';
import {
  reportCellText,
  reportColumnLabel,
  reportFreshness,
  reportNotes,
  reportScope,
  reportTableTitle,
  reportTitle,
} from './report-words';

// Words as the API gives them (apps/api/src/reports: reports.service.ts TITLES, overdue-reports.ts, outcome-reports.ts,
// referral-reports.ts).
describe('report words', () => {
  afterEach(() => setLocale('en'));

  it('shows the API words unchanged in English', () => {
    setLocale('en');
    expect(reportTitle({ report: 'OVERDUE_WORK', title: 'Overdue work' })).toBe('Overdue work');
    expect(reportTableTitle('OVERDUE_WORK', { key: 'byPathway', title: 'By pathway' })).toBe('By pathway');
    expect(reportColumnLabel('ALERTS', { key: 'kind', label: 'Alert' })).toBe('Alert');
  });

  it('words the report, its tables and columns in Welsh by their keys', () => {
    setLocale('cy');
    expect(reportTitle({ report: 'OVERDUE_WORK', title: 'Overdue work' })).toBe('Gwaith hwyr');
    expect(reportTableTitle('OVERDUE_WORK', { key: 'byPathway', title: 'By pathway' })).toBe('Yn ôl llwybr');
    expect(reportColumnLabel('OVERDUE_WORK', { key: 'overdue3to7', label: 'Overdue 3-7 working days' })).toBe(
      'Yn hwyr 3-7 diwrnod gwaith',
    );
    expect(reportColumnLabel('REFERRAL_TIMELINESS', { key: 'approvalMetRate', label: 'COM approval: % met' })).toBe(
      'Cymeradwyaeth y COM: % o fewn y terfyn amser',
    );
  });

  it('tells apart a column key two reports use for different things', () => {
    setLocale('cy');
    expect(reportColumnLabel('ALERTS', { key: 'kind', label: 'Alert' })).toBe('Rhybudd');
    expect(reportColumnLabel('PROVIDER_ACCOUNTABILITY', { key: 'kind', label: 'Returned or withdrawn' })).toBe(
      'Dychwelwyd neu tynnwyd yn ôl',
    );
  });

  it('falls back to the API words for a report, table or column the catalogue does not know', () => {
    setLocale('cy');
    expect(reportTitle({ report: 'NEW_REPORT', title: 'New report' })).toBe('New report');
    expect(reportTableTitle('OVERDUE_WORK', { key: 'byMoon', title: 'By moon' })).toBe('By moon');
    expect(reportColumnLabel('KEYWORK', { key: 'moonPhase', label: 'Moon phase' })).toBe('Moon phase');
  });

  it('words the scope, freshness line, notes and coded cells in Welsh by the words the API gives beside them', () => {
    const report = {
      scope: { label: 'your provider', words: { key: 'reportScope.YOUR_PROVIDER' }, prisonCodes: null },
      freshness: 'Live: computed from the records when you asked.',
      freshnessWords: { key: 'reportWords.LIVE' },
      notes: ['Showing the 2 most overdue of 5 tasks.', 'A note with no words'],
      noteWords: [{ key: 'reportWords.showingMostOverdue', values: { shown: 2, total: 5 } }],
    };
    const table = {
      words: {
        Health: [{ key: 'pathway.HEALTH' }],
        'Book a GP (Health, Pre-release team, overdue)': [
          {
            key: 'reportWords.missing',
            values: {
              task: 'Book a GP',
              pathway: { key: 'pathway.HEALTH' },
              role: { key: 'role.PRE_RELEASE_TEAM' },
              overdue: 'yes',
            },
          },
        ],
      },
    };
    setLocale('en');
    expect(reportScope(report)).toBe('your provider');
    expect(reportFreshness(report)).toBe(report.freshness);
    expect(reportNotes(report)).toEqual(report.notes);
    expect(reportCellText(table, 'Health')).toBeNull();

    setLocale('cy');
    expect(reportScope(report)).toBe('eich darparwr');
    expect(reportFreshness(report)).toBe('Byw: wedi’i gyfrifo o’r cofnodion pan ofynnoch chi.');
    expect(reportNotes(report)).toEqual(['Yn dangos y 2 mwyaf hwyr o 5 tasg.', 'A note with no words']);
    expect(reportCellText(table, 'Health')).toBe('Iechyd');
    expect(reportCellText(table, 'Book a GP (Health, Pre-release team, overdue)')).toMatch(
      /^.+ \(Iechyd, .+, yn hwyr\)$/,
    );
    expect(reportCellText(table, 'Styal')).toBeNull();
    expect(reportCellText({ words: { Moon: [{ key: 'pathway.MOON' }] } }, 'Moon')).toBeNull();
  });
});
