import en from './i18n/en.json';
import { setLocale } from './i18n';
import { taskTitle } from './task-title';

// Titles as the API words them: the catalogue's own (test/workspace/web-task-titles.spec.ts ties them to the
// domain's templates) and those the services build (keywork.ts, referral-stages.service.ts,
// missed-session-follow-ups.service.ts, movements.service.ts, finance.service.ts).
const FIXED_TITLES = Object.entries(en)
  .filter(([key, text]) => key.startsWith('taskTitle.') && !text.includes('{'))
  .map(([, text]) => text);
const BUILT_TITLES = [
  'Keywork session due by 2026-12-07 (every week)',
  'Keywork session due by 2026-12-07 (every 2 weeks)',
  'CRS: make first contact and book the assessment (CRS-2026-0042)',
  'CRS: submit the action plan to the COM (CRS-2026-0042)',
  'Approve the CRS action plan (CRS-2026-0042)',
  'Fix and resend the returned CRS referral (CRS-2026-0042)',
  'Follow up missed CRS session 3 (CRS-2026-0042)',
  ...Object.entries(en)
    .filter(([key]) => key.startsWith('idDocument.'))
    .map(([, document]) => `Check her ${document} has arrived (applied 2026-11-02)`),
];

describe('taskTitle', () => {
  afterEach(() => setLocale('en'));

  it('shows every title in English exactly as the API words it', () => {
    setLocale('en');
    for (const title of [...FIXED_TITLES, ...BUILT_TITLES]) expect(taskTitle(title)).toBe(title);
  });

  it.each([...FIXED_TITLES, ...BUILT_TITLES])('has Welsh for "%s"', (title) => {
    setLocale('cy');
    const welsh = taskTitle(title);
    expect(welsh).not.toBe(title);
    expect(welsh.trim()).not.toBe('');
  });

  it('puts the data of a built title into the Welsh: date, frequency, session number, reference, document', () => {
    setLocale('cy');
    expect(taskTitle('Keywork session due by 2026-12-07 (every week)')).toBe(
      'Sesiwn gwaith allweddol erbyn Llun, 7 Rhag 2026 (bob wythnos)',
    );
    expect(taskTitle('Keywork session due by 2026-12-07 (every 2 weeks)')).toBe(
      'Sesiwn gwaith allweddol erbyn Llun, 7 Rhag 2026 (bob pythefnos)',
    );
    expect(taskTitle('Approve the CRS action plan (CRS-2026-0042)')).toBe(
      'Cymeradwyo cynllun gweithredu CRS (CRS-2026-0042)',
    );
    expect(taskTitle('Follow up missed CRS session 3 (CRS-2026-0042)')).toBe(
      'Mynd ar drywydd sesiwn CRS 3 a fethwyd (CRS-2026-0042)',
    );
    expect(taskTitle('Check her birth certificate has arrived (applied 2026-11-02)')).toBe(
      'Gwirio bod y ddogfen wedi cyrraedd: tystysgrif geni (gwnaed cais Llun, 2 Tach 2026)',
    );
  });

  it('falls back to the API title for one the catalogue does not know (an admin-added or renamed template)', () => {
    setLocale('cy');
    expect(taskTitle('Book her a haircut before release')).toBe('Book her a haircut before release');
    expect(taskTitle('Check her library card has arrived (applied 2026-11-02)')).toBe(
      'Check her library card has arrived (applied 2026-11-02)',
    );
  });
});
