/**
 * Keywork per prison (recommendation 7: regular keywork): the sessions recorded in the period, and for the women
 * in custody now, how many had none in the period and how many are overdue for one, by the same rule as their
 * keywork task (libs/domain/src/keywork.ts).
 */
import { KeyworkSessionsRow, KeyworkWomanRow } from '@app/database';
import { DEFAULT_KEYWORK_FREQUENCY_WEEKS, isKeyworkOverdue, percentage } from '@app/domain';
import { ReportNames } from './report-labels';
import { Cell, column, ReportTable } from './report-table';

interface KeyworkFigures {
  womenInCustody: number;
  sessions: number;
  womenSeen: number;
  womenWithoutSession: number;
  womenOverdue: number;
}

function cells(f: KeyworkFigures): Record<string, Cell> {
  return {
    womenInCustody: f.womenInCustody,
    sessions: f.sessions,
    womenSeen: f.womenSeen,
    sessionsPerWoman: f.womenInCustody === 0 ? null : Math.round((f.sessions / f.womenInCustody) * 10) / 10,
    womenWithoutSession: f.womenWithoutSession,
    womenOverdue: f.womenOverdue,
    withinTargetRate: percentage(f.womenInCustody - f.womenOverdue, f.womenInCustody),
  };
}

const COLUMNS = [
  column('womenInCustody', 'Women in custody now'),
  column('sessions', 'Sessions in the period'),
  column('womenSeen', 'Women seen in the period'),
  column('sessionsPerWoman', 'Sessions per woman in custody'),
  column('womenWithoutSession', 'Women in custody with no session in the period'),
  column('womenOverdue', 'Women with keywork overdue now'),
  column('withinTargetRate', '% within their keywork target now'),
];

export function keyworkTables(
  women: KeyworkWomanRow[],
  sessions: KeyworkSessionsRow[],
  now: Date,
  names: ReportNames,
): ReportTable[] {
  const byPrison = new Map<string, KeyworkFigures>();
  const figuresOf = (code: string): KeyworkFigures => {
    const found = byPrison.get(code);
    if (found) return found;
    const fresh = { womenInCustody: 0, sessions: 0, womenSeen: 0, womenWithoutSession: 0, womenOverdue: 0 };
    byPrison.set(code, fresh);
    return fresh;
  };
  for (const w of women) {
    const f = figuresOf(w.prisonCode);
    f.womenInCustody += 1;
    if (w.sessionsInPeriod === 0) f.womenWithoutSession += 1;
    const facts = {
      lastSessionOn: w.lastSessionOn,
      receptionDate: w.receptionDate,
      frequencyWeeks: w.frequencyWeeks ?? DEFAULT_KEYWORK_FREQUENCY_WEEKS,
    };
    if (isKeyworkOverdue(facts, now)) f.womenOverdue += 1;
  }
  for (const s of sessions) {
    const f = figuresOf(s.prisonCode);
    f.sessions += s.sessions;
    f.womenSeen += s.women;
  }
  const codes = [...byPrison.keys()].sort();
  const total = codes.reduce<KeyworkFigures>(
    (sum, code) => {
      const f = byPrison.get(code) as KeyworkFigures;
      return {
        womenInCustody: sum.womenInCustody + f.womenInCustody,
        sessions: sum.sessions + f.sessions,
        womenSeen: sum.womenSeen + f.womenSeen,
        womenWithoutSession: sum.womenWithoutSession + f.womenWithoutSession,
        womenOverdue: sum.womenOverdue + f.womenOverdue,
      };
    },
    { womenInCustody: 0, sessions: 0, womenSeen: 0, womenWithoutSession: 0, womenOverdue: 0 },
  );
  return [
    { key: 'total', title: 'Keywork, all prisons in scope', columns: COLUMNS, rows: [cells(total)] },
    {
      key: 'byPrison',
      title: 'By prison',
      columns: [column('prison', 'Prison'), column('prisonCode', 'Prison code'), ...COLUMNS],
      rows: codes.map((code) => ({
        prison: names.prison(code),
        prisonCode: code,
        ...cells(byPrison.get(code) as KeyworkFigures),
      })),
    },
  ];
}
