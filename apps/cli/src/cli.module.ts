/** Nest wiring for the command-line tool: the database, the planning services and the commands. */
import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule, DatabaseSettings } from '@app/database';
import { ResettlementModule } from '@app/resettlement';
import { DigestCommand } from './commands/digest.command';
import { MigrateCommand } from './commands/migrate.command';
import { MigrationsAppliedCommand } from './commands/migrations-applied.command';
import { PlanKeyworkCommand } from './commands/plan-keywork.command';
import { SeedCommand } from './commands/seed.command';
import { DemoCaseloadWriter } from './seed/demo-caseload.writer';
import { DemoKeyworkWriter } from './seed/demo-keywork.writer';
import { DemoReferralWriter } from './seed/demo-referral.writer';
import { DemoStaffWriter } from './seed/demo-staff.writer';
import { NationalDatasetLoader } from './seed/national/national-dataset.loader';
import { TaskProgressWriter } from './seed/task-progress.writer';

@Module({})
export class CliModule {
  /** Settings are passed in so main.ts can report bad ones as a plain message rather than a stack trace. */
  static forRoot(database: DatabaseSettings): DynamicModule {
    return {
      module: CliModule,
      imports: [DatabaseModule.forRoot(database), ResettlementModule],
      providers: [
        MigrateCommand,
        MigrationsAppliedCommand,
        DigestCommand,
        PlanKeyworkCommand,
        SeedCommand,
        DemoStaffWriter,
        DemoCaseloadWriter,
        TaskProgressWriter,
        NationalDatasetLoader,
        DemoReferralWriter,
        DemoKeyworkWriter,
      ],
    };
  }
}
