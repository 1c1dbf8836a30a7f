/**
 * `migrations-applied [--wait <seconds>]`: whether the schema is up to date with the migrations this build holds.
 * An app pod's init container runs it (deploy/), so a new image's apps start only once the migration Job has
 * applied its schema; the apps themselves never migrate.
 */
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';

const CHECK_EVERY_MS = 2000;

@Injectable()
export class MigrationsAppliedCommand {
  constructor(private readonly dataSource: DataSource) {}

  /** True once no migration is pending, checking until `waitSeconds` have passed (0: once). */
  async run(waitSeconds: number): Promise<boolean> {
    const deadline = Date.now() + waitSeconds * 1000;
    for (;;) {
      const pending = await this.dataSource.showMigrations();
      if (!pending) {
        console.log('Migrations: none pending.');
        return true;
      }
      if (Date.now() + CHECK_EVERY_MS > deadline) {
        console.error(
          waitSeconds === 0
            ? 'Migrations: some are pending (run the cli migrate).'
            : `Migrations: still pending after ${waitSeconds} s (has the migration Job run?).`,
        );
        return false;
      }
      await sleep(CHECK_EVERY_MS);
    }
  }
}
