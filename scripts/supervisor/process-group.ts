/**
 * The processes one run started (a `npm start`, a benchmark run), in start order, so that the run can stop them
 * all on success, on error and on Ctrl+C, and refuse to start more once it is stopping.
 */
import { DEFAULT_STOP_GRACE_MS, ProcessSpec, SupervisedProcess } from './supervised-process';

export class ProcessGroup {
  private readonly members: SupervisedProcess[] = [];
  private closed = false;

  start(spec: ProcessSpec): SupervisedProcess {
    if (this.closed) throw new Error(`not starting ${spec.name}: the run is stopping`);
    const started = new SupervisedProcess(spec);
    this.members.push(started);
    void started.exited.then(() => this.members.splice(this.members.indexOf(started), 1));
    return started;
  }

  /** The processes still running, oldest first. */
  get running(): readonly SupervisedProcess[] {
    return [...this.members];
  }

  get stopping(): boolean {
    return this.closed;
  }

  /** From now on start() refuses: the run is shutting down. */
  close(): void {
    this.closed = true;
  }

  /** Stops these (all still running, by default) at the same time; each gets SIGKILL after `graceMs`. */
  async stopAll(graceMs = DEFAULT_STOP_GRACE_MS, which: readonly SupervisedProcess[] = this.running): Promise<void> {
    await Promise.all(which.map((member) => member.stop(graceMs)));
  }

  /** Last resort when the run itself is exiting: SIGKILL, synchronously, to everything still running. */
  killAllNow(): void {
    for (const member of this.members) member.signal('SIGKILL');
  }
}
