/**
 * The apps of one case as separate processes through the shared supervisor (scripts/supervisor, via
 * test/setup/app-process.ts): the API, one or more gateways and one or more workers, with the live path's timers
 * shortened so that a case sees a recovery in seconds. Gateways never exit when deaf here: nothing in the suite
 * would restart them.
 */
import { pollUntil } from '../../../scripts/supervisor';
import { AppProcess, startApp } from '../../setup/app-process';

export const GATEWAY_ENV = { GATEWAY_CANARY_MS: '500', GATEWAY_HEARTBEAT_MS: '1000', GATEWAY_DEAF_EXIT_MS: '0' };
export const WORKER_ENV = {
  HORIZON_EVERY_MS: '1000',
  // Every instant at least 3 s ahead is drafted (PreparedInstantsService), however few its thresholds, so the
  // checkers prove exactly-once and liveness for raising from drafts too; nearer ones take the usual path.
  PREPARE_MIN_THRESHOLDS: '1',
  RECONCILE_EVERY_MS: '5000',
  SCHEDULER_WATCHDOG_MS: '500',
};

export class Stack {
  readonly apps: AppProcess[] = [];

  async api(env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    return this.keep(await startApp('api', env, { readyTimeoutMs: 60_000 }));
  }

  async gateway(env: NodeJS.ProcessEnv = {}, port?: number): Promise<AppProcess> {
    return this.keep(await startApp('gateway', { ...GATEWAY_ENV, ...env }, { port, readyTimeoutMs: 60_000 }));
  }

  async worker(env: NodeJS.ProcessEnv = {}): Promise<AppProcess> {
    return this.keep(await startApp('worker', { ...WORKER_ENV, ...env }, { readyTimeoutMs: 60_000 }));
  }

  /** Stops every app this case started that still runs. */
  async stop(): Promise<void> {
    await Promise.all(this.apps.map((app) => app.stop()));
  }

  private keep(app: AppProcess): AppProcess {
    this.apps.push(app);
    return app;
  }
}

/** Polls `check` until it holds; returns the milliseconds it took, or throws naming `what`. */
export async function within(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<number> {
  const start = Date.now();
  await pollUntil(check, { what, timeoutMs, everyMs: 100 });
  return Date.now() - start;
}
