/** What `npm start` prints: its own messages and every child's lines, each behind a coloured, padded name. */
const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const COLOURS: Record<string, number> = {
  start: 1,
  postgres: 34,
  redis: 31,
  migrate: 35,
  seed: 35,
  api: 32,
  gateway: 36,
  worker: 33,
};

export function label(name: string): string {
  const text = `[${name}]`.padEnd(11);
  return useColour ? `\x1b[${COLOURS[name] ?? 37}m${text}\x1b[0m` : text;
}

export function log(message: string): void {
  for (const line of message.split('\n')) process.stdout.write(`${label('start')} ${line}\n`);
}

export function logError(message: string): void {
  for (const line of message.split('\n')) process.stderr.write(`${label('start')} ${line}\n`);
}

/** An echo for the supervisor: a child's stdout lines to ours, its stderr lines to ours, behind its name. */
export function echoAs(name: string) {
  return ({ line, stream }: { line: string; stream: 'stdout' | 'stderr' }): void => {
    (stream === 'stdout' ? process.stdout : process.stderr).write(`${label(name)} ${line}\n`);
  };
}
