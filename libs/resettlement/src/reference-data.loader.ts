/**
 * Makes sure the reference data every environment needs is present: the 12 prisons, the release areas
 * and the default task catalogue. Safe to run at every start: it adds what is missing and never
 * overwrites an admin's edits to the catalogue or an area's provider.
 */
import { Injectable } from '@nestjs/common';
import { ReferenceDataRepository, TaskCatalogueRepository, UnitOfWork, fromTaskTemplate } from '@app/database';
import { DEFAULT_TASK_CATALOGUE, PRISONS, RELEASE_AREAS } from '@app/domain';

@Injectable()
export class ReferenceDataLoader {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly reference: ReferenceDataRepository,
    private readonly catalogue: TaskCatalogueRepository,
  ) {}

  async ensure(): Promise<{ catalogueEntriesAdded: number }> {
    return this.unitOfWork.run(async (tx) => {
      await this.reference.upsertPrisons(
        tx,
        PRISONS.map((p) => ({ code: p.code, name: p.name })),
      );
      await this.reference.upsertReleaseAreas(
        tx,
        RELEASE_AREAS.map((a) => ({ code: a.code, name: a.name, country: a.country })),
      );
      const catalogueEntriesAdded = await this.catalogue.insertMissing(
        tx,
        DEFAULT_TASK_CATALOGUE.map(fromTaskTemplate),
      );
      return { catalogueEntriesAdded };
    });
  }
}
