/**
 * The processes of one `npm start` and its one way down: Ctrl+C, SIGTERM, SIGHUP and any app or server dying on
 * its own all lead to shutdown(), which stops the apps and one-shot tasks together, then the servers in reverse
 * start order (Redis, then PostgreSQL), then exits. Every child has a process group of its own, so a terminal's
 * Ctrl+C reaches only this process and the order is ours to choose.
 */
import { ProcessGroup, ProcessSpec, SupervisedProcess } from '../supervisor';
import { echoAs, log } from './console';
import { ROOT } from './paths';

/** app: runs until stopped; infra: a server the apps use (stopped last); task: runs to completion. */
export type Role = 'app' | 'infra' | 'task';

const STOP_GRACE_MS = 15_000;

export class StartRun {
  private readonly group = new ProcessGroup();
  private readonly roles = new Map<SupervisedProcess, Role>();
  private shuttingDown = false;

  get stopping(): boolean {
    return this.shuttingDown;
  }

  /** Starts a child with its output echoed behind its name; an app or server that dies on its own ends the run. */
  start(role: Role, spec: Omit<ProcessSpec, 'ownProcessGroup' | 'echo' | 'cwd'>): SupervisedProcess {
    const child = this.group.start({ ...spec, cwd: ROOT, ownProcessGroup: true, echo: echoAs(spec.name) });
    this.roles.set(child, role);
    void child.exited.then(() => {
      if (role === 'task' || this.shuttingDown) return;
      log(`${child.name} stopped unexpectedly (${child.describeExit()}); stopping everything.`);
      void this.shutdown(1);
    });
    return child;
  }

  /** Runs a one-shot command to completion; rejects, naming its exit, if it fails. */
  async runTask(spec: Omit<ProcessSpec, 'ownProcessGroup' | 'echo' | 'cwd'>): Promise<void> {
    const task = this.start('task', spec);
    const status = await task.exited;
    if (status.error) throw new Error(`${spec.name} could not start: ${status.error.message}`);
    if (status.code !== 0) throw new Error(`${spec.name} failed (${task.describeExit()}); its output is above.`);
  }

  async shutdown(exitCode: number): Promise<void> {
    if (this.shuttingDown) return;
    this.shuttingDown = true;
    this.group.close();
    const running = this.group.running;
    const first = running.filter((child) => this.roles.get(child) !== 'infra');
    if (first.length > 0) log(`Stopping ${first.map((child) => child.name).join(', ')}...`);
    await this.group.stopAll(STOP_GRACE_MS, first);
    for (const server of running.filter((child) => this.roles.get(child) === 'infra').reverse()) {
      log(`Stopping ${server.name}...`);
      await server.stop(STOP_GRACE_MS);
    }
    log(exitCode === 0 ? 'Stopped.' : `Stopped (exit code ${exitCode}).`);
    process.exit(exitCode);
  }

  installSignalHandlers(): void {
    // If our terminal or pipe goes away, keep shutting down in order rather than dying on EPIPE.
    for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        if (this.shuttingDown) {
          log(`${signal} again: killing everything now.`);
          this.group.killAllNow();
          process.exit(1);
        }
        log(`${signal} received.`);
        void this.shutdown(0);
      });
    }
    // Last resort if this script crashes: never leave servers running behind us.
    process.on('exit', () => {
      for (const child of this.group.running) child.signal(child.stopSignal);
    });
  }
}
