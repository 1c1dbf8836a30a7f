/** Reading the worker's pino JSON lines: the horizon's "N threshold jobs queued" marks when its schedule is back. */
interface LogMessage {
  msg: string;
  time: number;
}

/** A pino JSON line's message (or the raw line when it is not JSON). */
export function messageOf(line: string): LogMessage {
  try {
    const parsed = JSON.parse(line) as { msg?: string; time?: number };
    return { msg: typeof parsed.msg === 'string' ? parsed.msg : '', time: Number(parsed.time ?? 0) };
  } catch {
    return { msg: line, time: 0 };
  }
}

const HORIZON = /horizon: (\d+) threshold jobs queued/;

export const isHorizonLine = (line: string): boolean => HORIZON.test(messageOf(line).msg);

export function horizonCount(line: string): number {
  return Number(HORIZON.exec(messageOf(line).msg)?.[1] ?? Number.NaN);
}
