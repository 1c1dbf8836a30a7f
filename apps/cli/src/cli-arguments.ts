/** Reads the command line (no library: two commands and one flag do not need one). */

export type CliCommand = { name: 'migrate' } | { name: 'seed'; ifEmpty: boolean } | { name: 'help' };

export type ParsedArguments = { ok: true; command: CliCommand } | { ok: false; problem: string };

export const USAGE = `Usage: node dist/apps/cli/src/main.js <command>

Commands:
  migrate              Apply pending database migrations and make sure the reference data is present.
  seed [--if-empty]    Migrate, then load the demo board into an empty database. With --if-empty, do
                       nothing when women are already recorded; without it, refuse.
  help                 Show this message.

Settings: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/resettle), DATABASE_POOL_SIZE, DATABASE_LOG_SQL.`;

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
    case 'seed': {
      const extra = unexpected(['--if-empty']);
      return extra === undefined
        ? { ok: true, command: { name, ifEmpty: rest.includes('--if-empty') } }
        : { ok: false, problem: `seed does not know '${extra}'.` };
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
