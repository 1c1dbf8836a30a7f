import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pathway, ReportWords, Role, TaskStatus, WITHDRAWAL_REASONS } from '@app/contracts';
import { codeLabel, roleLabel } from './report-labels';
import {
  missingWords,
  NO_PROVIDER,
  NO_TEAM,
  NOT_CODED,
  SPECIAL_CATEGORY_NOTE,
  scopeWords,
  UNKNOWN_PRISON,
  withCellWords,
} from './report-words';

const en = JSON.parse(readFileSync(join(__dirname, '../../../web/src/i18n/en.json'), 'utf8')) as Record<string, string>;

function keysOf(words: ReportWords): string[] {
  return [
    words.key,
    ...Object.values(words.values ?? {}).flatMap((value) =>
      typeof value === 'object' ? (Array.isArray(value) ? value : [value]).flatMap(keysOf) : [],
    ),
  ];
}

describe('report words', () => {
  it('gives the cells worded from codes their catalogue keys, and leaves data and numbers alone', () => {
    const table = withCellWords({
      key: 't',
      title: 'T',
      columns: [],
      rows: [
        {
          role: roleLabel(Role.COM),
          pathway: codeLabel(Pathway.FINANCE_AND_ID),
          status: codeLabel(TaskStatus.IN_PROGRESS),
          reason: WITHDRAWAL_REASONS[0].label,
          uncoded: NOT_CODED,
          team: NO_TEAM,
          prison: 'Styal',
          count: 3,
        },
      ],
    });
    expect(table.words).toEqual({
      'Community offender manager': [{ key: 'role.COM' }],
      'Finance and ID': [{ key: 'pathway.FINANCE_AND_ID' }],
      'In progress': [{ key: 'taskStatus.IN_PROGRESS' }],
      [WITHDRAWAL_REASONS[0].label]: [{ key: `reasonCode.${WITHDRAWAL_REASONS[0].code}` }],
      '(not coded)': [{ key: 'reportWords.notCoded' }],
      'No team': [{ key: 'reportWords.noTeam' }],
    });
    expect(withCellWords({ key: 't', title: 'T', columns: [], rows: [{ prison: 'Styal' }] }).words).toBeUndefined();
  });

  it('words only the scopes that are not codes', () => {
    expect(scopeWords('your prisons')).toEqual({ key: 'reportScope.YOUR_PRISONS' });
    expect(scopeWords('STI')).toBeNull();
  });

  it('words the special category note in English exactly as the API does, naming no pathway code', () => {
    expect(en['reportWords.specialCategory']).toBe(SPECIAL_CATEGORY_NOTE);
    expect(SPECIAL_CATEGORY_NOTE).not.toMatch(/DOMESTIC_ABUSE|SEX_WORK|HEALTH/);
  });

  it('uses only keys the web catalogue has', () => {
    const rows = [
      ...Object.values(Role).map((role) => ({ c: roleLabel(role) })),
      ...Object.values(Pathway).map((pathway) => ({ c: codeLabel(pathway) })),
      ...Object.values(TaskStatus).map((status) => ({ c: codeLabel(status) })),
      { c: NOT_CODED },
      { c: NO_TEAM },
      { c: NO_PROVIDER },
      { c: UNKNOWN_PRISON },
      { c: 'yes' },
      { c: 'no' },
    ];
    const words = Object.values(withCellWords({ key: 't', title: 'T', columns: [], rows }).words ?? {}).flat();
    const all = [
      ...words,
      missingWords({ title: 'A task', pathway: Pathway.HEALTH, ownerRole: Role.POM, overdue: true }),
      ...['your provider', 'the whole estate', 'your prisons'].map((label) => scopeWords(label) as ReportWords),
    ];
    expect(all.flatMap(keysOf).filter((key) => !(key in en))).toEqual([]);
  });
});
