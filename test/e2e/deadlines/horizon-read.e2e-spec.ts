/**
 * The horizon's read (THRESHOLD_INSTANTS_SQL) against its definition: every threshold of every open task, counted.
 * The read skips from one distinct instant to the next and counts each only up to a cap; here, on random tasks
 * (open and closed, with and without due and at-risk times, at-risk times at or after the due time, ladders of zero
 * to three rungs, repeated rungs, instants on and either side of the window's ends), it must give the same instants
 * as the full read, each with the full count capped. Everything is written in one transaction on the app role's
 * connection, in years no other suite touches, and rolled back.
 */
import { DataSource } from 'typeorm';
import { THRESHOLD_INSTANTS_SQL } from '@app/database/repositories/threshold-instants.sql';
// The seed data's generator: a failing data set can be made again from its number.
import { Random } from '../../../apps/cli/src/seed/random';
import { openAppRoleConnection } from '../../setup/database-connections';

/** The definition: each threshold of each open task in ($1, $2], one row per threshold, counted per instant. */
const FULL_READ_SQL = `SELECT (extract(epoch FROM x.at) * 1000000)::bigint::text AS at_us, count(*)::int AS thresholds FROM (
    SELECT due_at AS at FROM tasks WHERE status = ANY($3) AND due_at > $1 AND due_at <= $2
    UNION ALL
    SELECT at_risk_at FROM tasks WHERE status = ANY($3) AND at_risk_at > $1 AND at_risk_at <= $2 AND at_risk_at < due_at
    UNION ALL
    SELECT e.at FROM tasks t CROSS JOIN LATERAL unnest(t.escalation_ats) AS e(at)
     WHERE t.status = ANY($3) AND e.at > $1 AND e.at <= $2
  ) x GROUP BY 1 ORDER BY 1`;

const OPEN = ['TODO', 'IN_PROGRESS', 'BLOCKED'];
const STATUSES = [...OPEN, 'DONE', 'NOT_NEEDED'];
const DAY_MS = 86_400_000;

interface Instant {
  at_us: string;
  thresholds: number;
}

type Read = (sql: string, params: unknown[]) => Promise<Instant[]>;

describe("the horizon's read", () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await openAppRoleConnection();
  });

  afterAll(async () => {
    await db.destroy();
  });

  /** Writes one data set in a transaction, hands its instants and a reader inside it to `check`, then rolls back. */
  async function withTasks(seed: number, check: (instants: Date[], read: Read) => Promise<void>): Promise<void> {
    const random = new Random(seed);
    // 17:00 London (winter) on twelve days of 2091, and a few other times of day, so nothing assumes 17:00.
    const start = Date.UTC(2091, 0, 8, 17);
    const instants = [
      ...Array.from({ length: 12 }, (_, d) => new Date(start + d * DAY_MS)),
      new Date(start + 2 * DAY_MS + 3_600_000),
      new Date(start + 5 * DAY_MS - 7_200_000),
      new Date(start + 9 * DAY_MS + 1),
    ].sort((a, b) => a.getTime() - b.getTime());
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      const [area] = await runner.query('SELECT code FROM release_areas ORDER BY code LIMIT 1');
      const [prison] = await runner.query('SELECT code FROM prisons ORDER BY code LIMIT 1');
      const [woman] = await runner.query(
        `INSERT INTO women (prison_number, first_name, last_name, date_of_birth, prison_code, custody_status,
                            reception_date, release_area_code, complexity, version)
         VALUES ('Z9999ZZ', 'Horizon', 'Read', '1990-01-01', $1, 'SENTENCED', '2090-01-01', $2, 'HIGH', 1)
         RETURNING id`,
        [prison.code, area.code],
      );
      const tasks = Array.from({ length: 400 }, () => {
        const due = random.chance(0.1) ? null : random.pick(instants);
        const atRisk = random.chance(0.2) ? null : random.pick(instants);
        const rungs =
          due === null || random.chance(0.4)
            ? []
            : Array.from({ length: random.int(1, 3) }, () => {
                const later = instants.filter((i) => i >= due);
                return random.pick(later.length > 0 ? later : instants);
              });
        return [random.pick(STATUSES), due, atRisk, rungs.sort((a, b) => a.getTime() - b.getTime())] as const;
      });
      await runner.query(
        `INSERT INTO tasks (woman_id, pathway, template_key, title, description, owner_role, status, due_at, at_risk_at,
                            escalation_ats, release_area_code)
         SELECT $1, 'ACCOMMODATION', 'HORIZON_READ', 'A task', 'Made by the horizon read test', 'PRE_RELEASE_TEAM',
                t.status, t.due_at, t.at_risk_at, ARRAY(SELECT jsonb_array_elements_text(t.rungs)::timestamptz), $2
           FROM jsonb_to_recordset($3::jsonb) AS t(status text, due_at timestamptz, at_risk_at timestamptz, rungs jsonb)`,
        [
          woman.id,
          area.code,
          JSON.stringify(
            tasks.map(([status, due, atRisk, rungs]) => ({ status, due_at: due, at_risk_at: atRisk, rungs })),
          ),
        ],
      );
      const [{ with_ladder }] = await runner.query(
        `SELECT count(*)::int AS with_ladder FROM tasks WHERE woman_id = $1 AND cardinality(escalation_ats) > 1`,
        [woman.id],
      );
      expect(with_ladder).toBeGreaterThan(20);
      await check(instants, (sql, params) => runner.query(sql, params));
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  it.each([1, 2, 3, 4, 5])(
    'gives the instants of the full read, each counted up to the cap (data set %i)',
    async (seed) => {
      await withTasks(seed, async (instants, read) => {
        const windows: [Date, Date][] = [
          [new Date(instants[0].getTime() - 1), instants[instants.length - 1]],
          [instants[0], instants[instants.length - 1]],
          [instants[2], instants[7]],
          [new Date(instants[3].getTime() - 1), new Date(instants[3].getTime() + 1)],
          [instants[4], new Date(instants[4].getTime() + 1)],
        ];
        let capsThatBound = 0;
        for (const [from, to] of windows) {
          const full = await read(FULL_READ_SQL, [from, to, OPEN]);
          for (const cap of [1, 2, 7, 10_000]) {
            const skipping = await read(THRESHOLD_INSTANTS_SQL, [from, to, OPEN, cap]);
            expect({ from, to, cap, skipping }).toEqual({
              from,
              to,
              cap,
              skipping: full.map((i) => ({ at_us: i.at_us, thresholds: Math.min(i.thresholds, cap) })),
            });
            if (full.some((i) => i.thresholds > cap)) capsThatBound += 1;
          }
        }
        // The data set is one where the cap matters and the windows hold instants.
        expect(capsThatBound).toBeGreaterThan(3);
      });
    },
  );

  it('finds nothing in a window with no thresholds', async () => {
    await withTasks(6, async (instants, read) => {
      const after = new Date(instants[instants.length - 1].getTime() + DAY_MS);
      expect(await read(THRESHOLD_INSTANTS_SQL, [after, new Date(after.getTime() + DAY_MS), OPEN, 5])).toEqual([]);
      expect(await read(FULL_READ_SQL, [after, new Date(after.getTime() + DAY_MS), OPEN])).toEqual([]);
    });
  });
});
