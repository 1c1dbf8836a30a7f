/**
 * Makes sure the reference data every environment needs is present: the 12 prisons and their regions, the
 * release areas, the default task catalogue and the working-day calendar. Safe to run at every start: it adds what is missing and never
 * overwrites an admin's edits to the catalogue or an area's provider.
 */
import { Injectable } from '@nestjs/common';
import {
  fromTaskTemplate,
  ReferenceDataRepository,
  ReleasesRepository,
  TaskCatalogueRepository,
  UnitOfWork,
} from '@app/database';
import { DEFAULT_TASK_CATALOGUE, PRISONS, RELEASE_AREAS, WOMENS_PRISON_REGIONS, workingCalendar } from '@app/domain';

/** The working-day calendar the reports count in: wide enough for any history or deadline we hold. */
const CALENDAR_FROM = '2015-01-01';
const CALENDAR_TO = '2040-12-31';

@Injectable()
export class ReferenceDataLoader {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reference: ReferenceDataRepository,
    private readonly catalogue: TaskCatalogueRepository,
    private readonly releases: ReleasesRepository,
  ) {}

  async ensure(): Promise<{ catalogueEntriesAdded: number }> {
    return this.unitOfWork.run(async (tx) => {
      await this.reference.upsertPrisons(
        tx,
        PRISONS.map((p) => ({ code: p.code, name: p.name, regionCode: WOMENS_PRISON_REGIONS[p.code] })),
      );
      await this.reference.upsertReleaseAreas(
        tx,
        RELEASE_AREAS.map((a) => ({ code: a.code, name: a.name, country: a.country })),
      );
      const catalogueEntriesAdded = await this.catalogue.insertMissing(
        tx,
        DEFAULT_TASK_CATALOGUE.map(fromTaskTemplate),
      );
      await this.releases.ensureWorkingCalendar(tx, workingCalendar(CALENDAR_FROM, CALENDAR_TO));
      return { catalogueEntriesAdded };
    });
  }
}
