/**
 * Releases and what became of them: a row per release, closed by a recall, and the accommodation outcomes
 * recorded against it. Also the working-day calendar the reports count in.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccommodationOutcomeEntity, ReleaseEntity } from '../entities';
import { Tx } from './unit-of-work.types';

@Injectable()
export class ReleasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  record(tx: Tx, release: { womanId: string; prisonCode: string; releasedOn: string }): Promise<ReleaseEntity> {
    const repo = tx.getRepository(ReleaseEntity);
    return repo.save(repo.create({ ...release, recalledOn: null }));
  }

  /** Her latest release, the one a recall ends and an outcome is recorded against. */
  latestForWoman(tx: Tx, womanId: string): Promise<ReleaseEntity | null> {
    return tx
      .getRepository(ReleaseEntity)
      .findOne({ where: { womanId }, order: { releasedOn: 'DESC', createdAt: 'DESC' } });
  }

  async markRecalled(tx: Tx, releaseId: string, recalledOn: string): Promise<void> {
    await tx.getRepository(ReleaseEntity).update({ id: releaseId }, { recalledOn });
  }

  outcomesOf(tx: Tx, releaseId: string): Promise<AccommodationOutcomeEntity[]> {
    return tx.getRepository(AccommodationOutcomeEntity).find({ where: { releaseId } });
  }

  /** Records the checkpoint's outcome, replacing an earlier record of the same checkpoint. */
  async saveOutcome(tx: Tx, outcome: Omit<AccommodationOutcomeEntity, 'id'>): Promise<AccommodationOutcomeEntity> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(AccommodationOutcomeEntity)
      .values(outcome)
      .orUpdate(['accommodation_type', 'recorded_by_id', 'recorded_at'], ['release_id', 'checkpoint'])
      .execute();
    return tx
      .getRepository(AccommodationOutcomeEntity)
      .findOneByOrFail({ releaseId: outcome.releaseId, checkpoint: outcome.checkpoint });
  }

  /** Adds the calendar days that are missing (the numbering is fixed once written: it starts at the first day). */
  async ensureWorkingCalendar(tx: Tx, days: { day: string; workingDayNumber: number }[]): Promise<number> {
    const [{ count }] = await tx.query<{ count: string }[]>('SELECT count(*) FROM working_calendar');
    if (Number(count) === days.length) return 0;
    await tx.query('DELETE FROM working_calendar');
    await tx.query(
      `INSERT INTO working_calendar (day, working_day_number)
       SELECT d, n FROM unnest($1::date[], $2::int[]) AS c(d, n)`,
      [days.map((d) => d.day), days.map((d) => d.workingDayNumber)],
    );
    return days.length;
  }
}
