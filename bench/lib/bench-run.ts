/**
 * One benchmark run's footprint and its clean-up: an id, the Redis key prefix and log folder named after it, the
 * processes it started (through the repository's supervisor), the sockets and queues it opened, and what must be
 * undone (its database, its keys). Clean-up runs once, on success, on error, on Ctrl+C and past the hard limit.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { Socket } from 'socket.io-client';
import { ProcessGroup, SupervisedProcess, systemClock, waitUntilReady } from '../../scripts/supervisor';
import { closeAll } from './clients';
import { deleteKeys } from './storage';

/** The repository root: this file runs from dist/bench/lib/. */
export const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * The environment of an API the report benchmarks start against an existing database: the run's Redis prefix, a
 * fresh secret, its port, warnings only.
 */
export function benchApiEnv(run: BenchRun, databaseUrl: string, redisUrl: string, port: number): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: run.prefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    API_PORT: String(port),
    LOG_LEVEL: 'warn',
  };
}

export function appMain(app: string): string {
  return join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

// Generous: on a loaded machine (CI beside other jobs) the api alone has taken over 90 s to boot.
const APP_READY_TIMEOUT_MS = 180_000;

export interface NodeProcessOptions {
  args?: string[];
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  ipc?: boolean;
  /** Node's own flags, before the script (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  nodeFlags?: string[];
}

export class BenchRun {
  readonly runId = randomBytes(5).toString('hex');
  readonly prefix = `resettle-bench-${this.runId}`;
  readonly logDir: string;
  readonly group = new ProcessGroup();
  private readonly startedAt = Date.now();
  private readonly sockets = new Set<Socket>();
  private readonly queues = new Set<Queue>();
  /** Undo steps, run last-registered first (as `finally` blocks would). */
  private readonly undo: { what: string; step: () => Promise<unknown> }[] = [];
  private failed = false;
  private cleaning: Promise<void> | undefined;

  constructor(
    private readonly label: string,
    private readonly redisUrl: string,
    private readonly keepLogs = false,
  ) {
    this.logDir = mkdtempSync(join(tmpdir(), `resettle-${label}-${this.runId}-`));
  }

  log(message: string): void {
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(1).padStart(6);
    console.log(`[${this.label} ${seconds} s] ${message}`);
  }

  get elapsedMs(): number {
    return Date.now() - this.startedAt;
  }

  /** `node <script> ...args`, its output in <logDir>/<name>.log. */
  startNode(name: string, script: string, options: NodeProcessOptions = {}): SupervisedProcess {
    return this.group.start({
      name,
      args: [...(options.nodeFlags ?? []), script, ...(options.args ?? [])],
      env: { ...process.env, ...options.env },
      ipc: options.ipc,
      logFile: join(this.logDir, `${name}.log`),
    });
  }

  /** A built app, once it answers /health/ready on `port` (which `env` gives it in its port variable). */
  async startApp(
    name: string,
    app: string,
    port: number,
    env: NodeJS.ProcessEnv,
    nodeFlags: string[] = [],
  ): Promise<SupervisedProcess> {
    const started = this.startNode(name, appMain(app), { env, nodeFlags });
    await waitUntilReady({ url: `http://127.0.0.1:${port}`, process: started, timeoutMs: APP_READY_TIMEOUT_MS });
    return started;
  }

  track(sockets: Socket[]): Socket[] {
    for (const socket of sockets) this.sockets.add(socket);
    return sockets;
  }

  closeTracked(sockets: Socket[]): void {
    closeAll(sockets);
    for (const socket of sockets) this.sockets.delete(socket);
  }

  newQueue(name: string, prefix: string): Queue {
    if (this.cleaning) throw new Error('the run is stopping');
    const queue = new Queue(name, { connection: { url: this.redisUrl, maxRetriesPerRequest: null }, prefix });
    this.queues.add(queue);
    return queue;
  }

  async closeQueue(queue: Queue): Promise<void> {
    this.queues.delete(queue);
    await queue.close().catch(() => undefined);
  }

  /** Registers a step of the clean-up (a database to drop, a connection to end). */
  onCleanup(what: string, step: () => Promise<unknown>): void {
    this.undo.push({ what, step });
  }

  /**
   * Runs `main` under the run's guards: Ctrl+C and SIGTERM abort, so does passing `hardLimitMs`; whatever
   * happens, clean-up runs once and the process exits (0 only when main finished).
   */
  /** Runs `main`, cleans up, and exits with the code it returns (0 when it returns nothing). */
  async execute(main: () => Promise<number | void>, hardLimitMs: number): Promise<void> {
    process.on('SIGINT', () => this.abort('interrupted: stopping everything this run started', 130));
    process.on('SIGTERM', () => this.abort('terminated: stopping everything this run started', 143));
    process.on('exit', () => this.group.killAllNow());
    const limit = setTimeout(() => this.abort(`the run exceeded ${hardLimitMs / 60_000} minutes`, 1), hardLimitMs);
    try {
      const code = (await main()) ?? 0;
      clearTimeout(limit);
      await this.cleanup();
      process.exit(code);
    } catch (error) {
      clearTimeout(limit);
      this.abort(`${this.label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
    }
  }

  private abort(reason: string, code: number): void {
    this.failed = true;
    console.error(reason);
    const forced = setTimeout(() => {
      this.group.killAllNow();
      process.exit(code);
    }, 60_000);
    void this.cleanup().finally(() => {
      clearTimeout(forced);
      process.exit(code);
    });
  }

  private cleanup(): Promise<void> {
    this.cleaning ??= this.runCleanup();
    return this.cleaning;
  }

  private async runCleanup(): Promise<void> {
    this.group.close();
    await this.releaseConnections(10_000);
    for (const { what, step } of this.undo.reverse()) {
      await step().then(
        () => this.log(`cleanup: ${what}`),
        (error: Error) => console.error(`cleanup: could not ${what}: ${error.message}`),
      );
    }
    await this.deleteRunKeys(true);
    // Again, in case the interrupted run created a key while the first pass ran.
    await systemClock.sleep(500);
    await this.releaseConnections(5000);
    await this.deleteRunKeys(false);
    if (this.failed || this.keepLogs) this.log(`logs kept in ${this.logDir}`);
    else rmSync(this.logDir, { recursive: true, force: true });
  }

  private async releaseConnections(graceMs: number): Promise<void> {
    closeAll([...this.sockets]);
    await Promise.all([...this.queues].map((queue) => this.closeQueue(queue)));
    await this.group.stopAll(graceMs).catch(() => undefined);
  }

  private async deleteRunKeys(report: boolean): Promise<void> {
    try {
      const deleted = await deleteKeys(this.redisUrl, `${this.prefix}*`);
      if (report) this.log(`cleanup: deleted ${deleted} Redis keys matching ${this.prefix}*`);
    } catch (error) {
      if (report) console.error(`cleanup: could not delete Redis keys ${this.prefix}*: ${(error as Error).message}`);
    }
  }
}
