/**
 * The working-day calendar as two small lookup tables for the load, built from the working_calendar table
 * the reference data loads (so bank holidays are the domain's): nat_day maps every date to the number of
 * the last working day on or before it, nat_wd maps a working day's number to its date and its 17:00 London.
 * Adding k working days to a date is then nat_wd[nat_day[date].wdn + k], as the domain's addWorkingDays.
 */
import { endOfWorkingDaySql, execute, NationalRun } from './national-sql';

export async function createWorkingDayTables(run: NationalRun): Promise<void> {
  await execute(
    run,
    `CREATE TEMP TABLE nat_day ON COMMIT DROP AS
     SELECT day, working_day_number AS wdn FROM working_calendar`,
  );
  await execute(run, `ALTER TABLE nat_day ADD PRIMARY KEY (day)`);
  // The first date carrying a number is the working day that earned it.
  await execute(
    run,
    `CREATE TEMP TABLE nat_wd ON COMMIT DROP AS
     SELECT DISTINCT ON (working_day_number) working_day_number AS wdn, day, ${endOfWorkingDaySql('day')} AS eod
     FROM working_calendar WHERE working_day_number > 0
     ORDER BY working_day_number, day`,
  );
  await execute(run, `ALTER TABLE nat_wd ADD PRIMARY KEY (wdn)`);
  await execute(run, `ANALYZE nat_day`);
  await execute(run, `ANALYZE nat_wd`);
}
