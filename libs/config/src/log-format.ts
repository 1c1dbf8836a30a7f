/**
 * LOG_FORMAT, shared by every app: `json` (the default, one pino line per event, what log shippers read) or
 * `pretty` (pino-pretty's coloured lines, for a person at a terminal: npm start sets it when its output is a TTY).
 */
import type { TransportSingleOptions } from 'pino';
import { z } from 'zod';

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const logFormatSchema = z
  .enum(LOG_FORMATS, { error: `LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')}` })
  .default('json');

/** The pino transport for a format: none for JSON (pino writes to stdout itself), pino-pretty for a terminal. */
export function logTransport(format: LogFormat): TransportSingleOptions | undefined {
  if (format === 'json') return undefined;
  return {
    target: 'pino-pretty',
    // Hostname and pid say nothing on a developer's machine; the clock time is what a person reads.
    options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
  };
}
