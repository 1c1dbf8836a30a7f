/**
 * What the apps' data source (libs/database/src/postgres-types.ts) makes of PostgreSQL's text, read raw from the
 * run's database as the apps' role: a `date` stays its calendar day as text (pg's own parser would make it a Date
 * at local midnight, which is the day before in UTC wherever the clock is ahead of UTC, British Summer Time
 * included), and a `timestamptz` is the instant it names. That the API's answers do not depend on the server's time
 * zone is test/e2e/scope/server-time-zone.e2e-spec.ts.
 */
import { DataSource } from 'typeorm';
import { createDataSource, readDatabaseSettings } from '@app/database';
import { readRunSettings } from '../../setup/run-settings';

describe("the apps' data source's column types", () => {
  let db: DataSource;

  beforeAll(async () => {
    db = await createDataSource(
      readDatabaseSettings({ DATABASE_URL: readRunSettings().databaseUrl, DATABASE_POOL_SIZE: '1' }),
    ).initialize();
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('reads a date, a date[] and a null date as text, and a timestamptz as its instant', async () => {
    const [row] = await db.query<Record<string, unknown>[]>(
      `SELECT '2026-03-29'::date AS day, NULL::date AS none, ARRAY['2026-03-29', NULL, '2026-10-25']::date[] AS days,
              '2026-03-29 17:00:00+01'::timestamptz AS instant`,
    );
    expect(row).toEqual({
      day: '2026-03-29',
      none: null,
      days: ['2026-03-29', null, '2026-10-25'],
      instant: new Date('2026-03-29T16:00:00.000Z'),
    });
  });

  it("reads a table's date column raw as the day it holds", async () => {
    // A working-calendar day: the table the reports count working days in, written here and rolled back.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`DELETE FROM working_calendar WHERE day = '2091-03-29'`);
      await runner.query(
        `INSERT INTO working_calendar (day, working_day_number)
         VALUES ('2091-03-29', (SELECT coalesce(max(working_day_number), 0) + 1 FROM working_calendar))`,
      );
      const rows = (await runner.query(`SELECT day FROM working_calendar WHERE day = '2091-03-29'`)) as {
        day: unknown;
      }[];
      expect(rows).toEqual([{ day: '2091-03-29' }]);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
