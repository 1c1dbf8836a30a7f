/**
 * One child process under supervision: spawned with the environment the caller gives, its output split into
 * lines (kept in a bounded tail, written to a log file and/or echoed with a prefix, offered to listeners), and
 * stopped with a signal, then SIGKILL after a grace period. Knows nothing of what the process is: `npm start`,
 * the benchmarks and the test set-up decide that.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. the command does not exist). */
  error?: Error;
}

export interface OutputLine {
  /** When the line was read (Date.now()), for measurements that start from a log line. */
  at: number;
  line: string;
  stream: 'stdout' | 'stderr';
}

export interface ProcessSpec {
  name: string;
  /** Defaults to the Node running us (process.execPath), so apps and helpers run on the project's pinned Node. */
  command?: string;
  args?: string[];
  /** The child's whole environment: not merged with ours, so the caller says what it passes on. */
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /**
   * In a process group of its own: a terminal's Ctrl+C then reaches only the supervisor, which decides the order
   * of shutdown, and a SIGKILL after the grace period reaches the child's own children too.
   */
  ownProcessGroup?: boolean;
  /** Run as this OS user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** A message channel to the child (process.send), for the benchmark's bare-library helpers. */
  ipc?: boolean;
  /** What stop() sends first; SIGTERM unless the program shuts down cleanly on another (PostgreSQL: SIGINT). */
  stopSignal?: NodeJS.Signals;
  /** How many of the last output lines to keep in memory (default 40; Infinity keeps them all). */
  keepLines?: number;
  /** Appends every output line to this file. */
  logFile?: string;
  /** Called with every output line, e.g. to print it with the process's name in front. */
  echo?: (line: OutputLine) => void;
}

type LineListener = (line: OutputLine) => void;

export const DEFAULT_STOP_GRACE_MS = 10_000;

export class SupervisedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The last `keepLines` lines of output, oldest first. */
  readonly lines: string[] = [];
  /** Resolves once the process has exited and all its output has been read; never rejects. */
  readonly exited: Promise<ExitStatus>;
  private exitStatus: ExitStatus | undefined;
  private readonly listeners = new Set<LineListener>();
  private readonly logFile: string | undefined;
  /** What stop() sends first. */
  readonly stopSignal: NodeJS.Signals;
  private readonly ownProcessGroup: boolean;

  constructor(spec: ProcessSpec) {
    this.name = spec.name;
    this.logFile = spec.logFile;
    this.stopSignal = spec.stopSignal ?? 'SIGTERM';
    this.ownProcessGroup = spec.ownProcessGroup ?? false;
    this.child = spawn(spec.command ?? process.execPath, spec.args ?? [], {
      cwd: spec.cwd,
      env: spec.env,
      uid: spec.uid,
      gid: spec.gid,
      detached: this.ownProcessGroup,
      stdio: spec.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const log = spec.logFile ? createWriteStream(spec.logFile, { flags: 'a' }) : undefined;
    this.readLines(this.child.stdout, 'stdout', spec, log);
    this.readLines(this.child.stderr, 'stderr', spec, log);
    this.exited = new Promise<ExitStatus>((resolve) => {
      const settle = (status: ExitStatus) => {
        if (this.exitStatus) return;
        this.exitStatus = status;
        log?.end();
        resolve(status);
      };
      this.child.once('error', (error) => settle({ code: null, signal: null, error }));
      // 'close' rather than 'exit': by then every line the process printed has been read.
      this.child.once('close', (code, signal) => settle({ code, signal }));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** False from the moment the process has exited (or failed to start). */
  get running(): boolean {
    return this.exitStatus === undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** How it ended, in words ("exit code 1", "killed by SIGKILL"), or "running". */
  describeExit(): string {
    const status = this.exitStatus ?? { code: this.child.exitCode, signal: this.child.signalCode };
    if (status.error) return `could not start: ${status.error.message}`;
    if (status.signal) return `killed by ${status.signal}`;
    return status.code === null ? 'running' : `exit code ${status.code}`;
  }

  /** Its last lines of output, to explain a failure. */
  describe(): string {
    const where = this.logFile ? ` (${this.logFile})` : '';
    return `--- last lines of ${this.name}${where} ---\n${this.lines.join('\n')}`;
  }

  /** Calls `listener` with every line from now on; returns the function that removes it. */
  onLine(listener: LineListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first line from now on that `test` accepts; rejects on timeout or when the process exits first. */
  waitForLine(test: (line: string) => boolean, timeoutMs: number, what: string): Promise<OutputLine> {
    return new Promise((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        unsubscribe();
        settle();
      };
      const unsubscribe = this.onLine((line) => {
        if (test(line.line)) finish(() => resolve(line));
      });
      const timer = setTimeout(
        () => finish(() => reject(new Error(`${this.name}: no ${what} within ${timeoutMs} ms\n${this.describe()}`))),
        timeoutMs,
      );
      void this.exited.then(() =>
        finish(() => reject(new Error(`${this.name} ${this.describeExit()} before ${what}\n${this.describe()}`))),
      );
    });
  }

  /** Resolves when the process ends by itself; past `timeoutMs` it is stopped and the wait rejects. */
  async waitForExit(timeoutMs: number): Promise<ExitStatus> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} did not finish within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } catch (error) {
      await this.stop();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Sends the stop signal (SIGTERM unless the spec named another, or `signal`), then SIGKILL if the process is
   * still there after `graceMs`. Resolves when it has exited.
   */
  async stop(graceMs = DEFAULT_STOP_GRACE_MS, signal: NodeJS.Signals = this.stopSignal): Promise<ExitStatus> {
    if (!this.running) return this.exited;
    this.signal(signal);
    const killer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(killer);
    }
  }

  /** Sends `signal` at once (to its whole group when it has one); a process already gone is not an error. */
  signal(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined || !this.running) return;
    try {
      process.kill(this.ownProcessGroup ? -pid : pid, signal);
    } catch {
      // Already gone.
    }
  }

  private readLines(input: Readable | null, stream: OutputLine['stream'], spec: ProcessSpec, log?: WriteStream): void {
    if (!input) return;
    const keep = spec.keepLines ?? 40;
    createInterface({ input, crlfDelay: Infinity }).on('line', (text) => {
      const line: OutputLine = { at: Date.now(), line: text, stream };
      this.lines.push(text);
      if (this.lines.length > keep) this.lines.shift();
      log?.write(`${text}\n`);
      spec.echo?.(line);
      for (const listener of this.listeners) listener(line);
    });
  }
}
