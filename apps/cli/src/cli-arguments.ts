/** Reads the command line (no library: two commands and a few flags do not need one). */

/** The national data set at full size, or a fraction of it for a quick check. */
export interface NationalSeedOptions {
  scale: number;
}

export type CliCommand =
  | { name: 'migrate' }
  | { name: 'migrations-applied'; waitSeconds: number }
  | { name: 'seed'; ifEmpty: boolean; national: NationalSeedOptions | null }
  | { name: 'digest' }
  | { name: 'plan-keywork' }
  | { name: 'help' };

export type ParsedArguments = { ok: true; command: CliCommand } | { ok: false; problem: string };

export const USAGE = `Usage: node dist/apps/cli/src/main.js <command>

Commands:
  migrate              Apply pending database migrations and make sure the reference data is present.
  migrations-applied [--wait <seconds>]
                       Exit 0 when no migration is pending, 1 when one is. With --wait, check every 2 s
                       until none is pending or the seconds run out (an app pod's init container waits so
                       for the migration Job; deploy/).
  seed [--if-empty]    Migrate, then load the demo board into an empty database. With --if-empty, do
                       nothing when women are already recorded; without it, refuse.
  seed --national [--scale <fraction>] [--if-empty]
                       Migrate, then load a synthetic data set the size of the whole estate (about 90,000
                       people in custody, 2.5 million tasks, a year of history) for timing the reports.
                       --scale 0.1 loads a tenth of it (0 < fraction <= 1). Same empty-database rule.
  digest               Request today's morning digest for every team manager now (GOV.UK Notify; the worker
                       sends it). Once per manager and day: a second run adds nothing.
  plan-keywork         Give every woman in prison with no open keywork task the one planned at reception
                       (for a database recorded before that was done). A second run adds nothing.
  help                 Show this message.

Settings: MIGRATION_DATABASE_URL (the tables' owner; default DATABASE_URL, whose default is
postgres://postgres@127.0.0.1:5432/resettle), DATABASE_POOL_SIZE, DATABASE_LOG_SQL.`;

/** `args` are the words after the script name (process.argv.slice(2)). */
export function parseCliArguments(args: readonly string[]): ParsedArguments {
  const [name, ...rest] = args;
  const unexpected = (allowed: readonly string[]): string | undefined => rest.find((a) => !allowed.includes(a));

  switch (name) {
    case 'migrate': {
      const extra = unexpected([]);
      return extra === undefined
        ? { ok: true, command: { name } }
        : { ok: false, problem: `migrate takes no '${extra}'.` };
    }
    case 'migrations-applied':
      return parseMigrationsApplied(rest);
    case 'seed':
      return parseSeed(rest);
    case 'digest': {
      const extra = unexpected([]);
      return extra === undefined
        ? { ok: true, command: { name } }
        : { ok: false, problem: `digest takes no '${extra}'.` };
    }
    case 'plan-keywork': {
      const extra = unexpected([]);
      return extra === undefined
        ? { ok: true, command: { name } }
        : { ok: false, problem: `plan-keywork takes no '${extra}'.` };
    }
    case 'help':
    case '--help':
    case '-h':
      return { ok: true, command: { name: 'help' } };
    case undefined:
      return { ok: false, problem: 'No command given.' };
    default:
      return { ok: false, problem: `Unknown command '${name}'.` };
  }
}

function parseMigrationsApplied(rest: readonly string[]): ParsedArguments {
  if (rest.length === 0) return { ok: true, command: { name: 'migrations-applied', waitSeconds: 0 } };
  const [flag, value, ...extra] = rest;
  if (flag !== '--wait') return { ok: false, problem: `migrations-applied does not know '${flag}'.` };
  const seconds = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
  if (!(Number.isInteger(seconds) && seconds > 0)) {
    return { ok: false, problem: `--wait takes a whole number of seconds above 0, not '${value ?? ''}'.` };
  }
  if (extra.length > 0) return { ok: false, problem: `migrations-applied does not know '${extra[0]}'.` };
  return { ok: true, command: { name: 'migrations-applied', waitSeconds: seconds } };
}

function parseSeed(rest: readonly string[]): ParsedArguments {
  let ifEmpty = false;
  let national = false;
  let scale: number | null = null;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    if (word === '--if-empty') {
      ifEmpty = true;
    } else if (word === '--national') {
      national = true;
    } else if (word === '--scale') {
      const value = rest[i + 1];
      const parsed = value === undefined || value.trim() === '' ? Number.NaN : Number(value);
      if (!(parsed > 0 && parsed <= 1)) {
        return { ok: false, problem: `--scale takes a fraction above 0 and at most 1, not '${value ?? ''}'.` };
      }
      scale = parsed;
      i++;
    } else {
      return { ok: false, problem: `seed does not know '${word}'.` };
    }
  }
  if (scale !== null && !national) {
    return { ok: false, problem: '--scale only applies to seed --national.' };
  }
  return { ok: true, command: { name: 'seed', ifEmpty, national: national ? { scale: scale ?? 1 } : null } };
}
