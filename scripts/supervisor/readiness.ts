/**
 * Waiting until an app is ready: every Resettle app answers GET /health/ready with 2xx once its database,
 * Redis and queues are usable (apps/<app>/src/health), so that is what the tools and tests poll.
 */
import { Clock } from './clock';
import { pollUntil } from './poll-until';
import { SupervisedProcess } from './supervised-process';

/** The health endpoints every app answers (compose's health checks and the Kubernetes probes use them too). */
export const READY_PATH = '/health/ready';
export const LIVE_PATH = '/health/live';

/** Whether `url` (an app's base URL) answers /health/ready with 2xx within `timeoutMs`. */
export async function isReady(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(`${url}${READY_PATH}`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

export interface ReadyOptions {
  url: string;
  timeoutMs: number;
  /** The process that should answer: the wait ends with its last output if it exits first. */
  process?: Pick<SupervisedProcess, 'name' | 'running' | 'describeExit' | 'describe'>;
  everyMs?: number;
  clock?: Clock;
  /** The probe; isReady unless a test gives another. */
  probe?: (url: string) => Promise<boolean>;
}

export async function waitUntilReady(options: ReadyOptions): Promise<void> {
  const probe = options.probe ?? ((url: string) => isReady(url));
  const child = options.process;
  await pollUntil(() => probe(options.url), {
    what: `${child ? child.name : options.url} to answer ${options.url}/health/ready`,
    timeoutMs: options.timeoutMs,
    everyMs: options.everyMs ?? 200,
    clock: options.clock,
    abortIf: () =>
      child && !child.running ? `${child.name} exited (${child.describeExit()})\n${child.describe()}` : undefined,
  });
}
