import { keyworkTables } from './keywork-report';
import { ReportNames } from './report-labels';

const names: ReportNames = {
  prison: (code) => `Prison ${code}`,
  provider: (id) => String(id),
  team: (_role, key) => String(key),
};

describe('the keywork report tables', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('counts each prison’s women, sessions, women overdue against their own target, and the share within target', () => {
    const tables = keyworkTables(
      [
        // Seen on Monday: due next Monday, not overdue.
        {
          prisonCode: 'STI',
          receptionDate: '2026-01-05',
          lastSessionOn: '2026-11-30',
          frequencyWeeks: null,
          sessionsInPeriod: 3,
        },
        // Never seen: a week after reception has long passed.
        {
          prisonCode: 'STI',
          receptionDate: '2026-01-05',
          lastSessionOn: null,
          frequencyWeeks: null,
          sessionsInPeriod: 0,
        },
        // Seen 20 days ago: overdue weekly, within a four-weekly target.
        {
          prisonCode: 'BZI',
          receptionDate: '2026-01-05',
          lastSessionOn: '2026-11-10',
          frequencyWeeks: 4,
          sessionsInPeriod: 1,
        },
      ],
      [
        { prisonCode: 'STI', sessions: 3, women: 1 },
        { prisonCode: 'BZI', sessions: 1, women: 1 },
      ],
      now,
      names,
    );
    const byPrison = tables.find((t) => t.key === 'byPrison')?.rows;
    expect(byPrison).toEqual([
      expect.objectContaining({
        prisonCode: 'BZI',
        womenInCustody: 1,
        sessions: 1,
        womenOverdue: 0,
        withinTargetRate: 100,
      }),
      expect.objectContaining({
        prisonCode: 'STI',
        womenInCustody: 2,
        sessions: 3,
        sessionsPerWoman: 1.5,
        womenWithoutSession: 1,
        womenOverdue: 1,
        withinTargetRate: 50,
      }),
    ]);
    expect(tables.find((t) => t.key === 'total')?.rows).toEqual([
      expect.objectContaining({ womenInCustody: 3, sessions: 4, womenOverdue: 1, withinTargetRate: 66.7 }),
    ]);
  });

  it('shows a prison that recorded sessions but holds none of those women now, with no rate to divide by', () => {
    const [, byPrison] = keyworkTables([], [{ prisonCode: 'EWI', sessions: 2, women: 2 }], now, names);
    expect(byPrison.rows).toEqual([
      expect.objectContaining({
        prisonCode: 'EWI',
        womenInCustody: 0,
        sessions: 2,
        sessionsPerWoman: null,
        withinTargetRate: null,
      }),
    ]);
  });
});
