/**
 * Entry point of the command-line tool (`node dist/apps/cli/src/main.js <command>`): reads the
 * command, runs it in a Nest application context without a server, and turns the outcome into an exit code
 * (0 done, 1 failed or, for migrations-applied, still pending, 2 not understood). The context is always closed, so the database pool never holds the
 * process open.
 */
import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readMigrationDatabaseSettings } from '@app/database';
import { parseCliArguments, USAGE } from './cli-arguments';
import { CliModule } from './cli.module';
import { DigestCommand } from './commands/digest.command';
import { MigrateCommand } from './commands/migrate.command';
import { MigrationsAppliedCommand } from './commands/migrations-applied.command';
import { PlanKeyworkCommand } from './commands/plan-keywork.command';
import { SeedCommand } from './commands/seed.command';

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseCliArguments(args);
  if (!parsed.ok) {
    console.error(`${parsed.problem}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.command.name === 'help') {
    console.log(USAGE);
    return 0;
  }

  let app: INestApplicationContext | undefined;
  try {
    // As the owner: migrations alter tables, and the national seed runs VACUUM, which only the owner may.
    // Nest's own logging is off: the commands print what an operator needs, and errors are reported below.
    app = await NestFactory.createApplicationContext(CliModule.forRoot(readMigrationDatabaseSettings()), {
      logger: false,
      abortOnError: false,
    });
    if (parsed.command.name === 'migrate') {
      await app.get(MigrateCommand).run();
    } else if (parsed.command.name === 'migrations-applied') {
      return (await app.get(MigrationsAppliedCommand).run(parsed.command.waitSeconds)) ? 0 : 1;
    } else if (parsed.command.name === 'digest') {
      await app.get(DigestCommand).run();
    } else if (parsed.command.name === 'plan-keywork') {
      await app.get(PlanKeyworkCommand).run();
    } else {
      await app.get(SeedCommand).run({ ifEmpty: parsed.command.ifEmpty, national: parsed.command.national });
    }
    return 0;
  } catch (error) {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await app?.close();
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
