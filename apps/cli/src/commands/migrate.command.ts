/**
 * `migrate`: applies pending schema migrations, each in its own transaction, then makes sure the reference
 * data (prisons, release areas, default task catalogue) is present. Safe to run at every start.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferenceDataLoader } from '@app/resettlement';

export interface MigrateReport {
  applied: string[];
  catalogueEntriesAdded: number;
}

@Injectable()
export class MigrateCommand {
  constructor(
    private readonly dataSource: DataSource,
    private readonly referenceData: ReferenceDataLoader,
  ) {}

  async run(): Promise<MigrateReport> {
    // 'each' so a failing migration rolls back alone and leaves the ones before it applied and recorded.
    const migrations = await this.dataSource.runMigrations({ transaction: 'each' });
    const { catalogueEntriesAdded } = await this.referenceData.ensure();
    const report = { applied: migrations.map((m) => m.name), catalogueEntriesAdded };

    console.log(
      report.applied.length === 0
        ? 'Migrations: none pending.'
        : `Migrations applied (${report.applied.length}): ${report.applied.join(', ')}.`,
    );
    console.log(
      `Reference data: prisons and release areas up to date; ${report.catalogueEntriesAdded} task catalogue entries added.`,
    );
    return report;
  }
}
