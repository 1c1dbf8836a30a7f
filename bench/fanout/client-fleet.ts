/**
 * Test 2's clients spread over child processes (client-process.ts) of at most `clientsPerProcess` each, so that
 * 5,000 socket.io clients are not all decoded by the benchmark's own event loop. The parent times each round: it
 * tells every child which event to wait for, stamps the moment just before sending the change, and gathers the
 * receive times every child stamped (one machine, one wall clock).
 */
import { join } from 'node:path';
import { pollUntil, SupervisedProcess } from '../../scripts/supervisor';
import { BenchRun } from '../lib/bench-run';
import { ExpectedEvent, FromClients, JoinMode, ToClients, wallClockNow } from './client-process';

export interface FleetOptions {
  /** Gateways (or bare servers): clients go round-robin over them. */
  urls: string[];
  count: number;
  perProcess: number;
  join: JoinMode;
  token?: string;
  room?: string;
}

interface Child {
  process: SupervisedProcess;
  inbox: FromClients[];
}

const ROUND_TIMEOUT_MS = 10_000;

export class ClientFleet {
  private constructor(
    private readonly run: BenchRun,
    private readonly children: Child[],
    readonly count: number,
  ) {}

  static async open(run: BenchRun, name: string, options: FleetOptions): Promise<ClientFleet> {
    const children: Child[] = [];
    for (let offset = 0; offset < options.count; offset += options.perProcess) {
      const env = {
        FLEET_URLS: options.urls.join(','),
        FLEET_COUNT: String(Math.min(options.perProcess, options.count - offset)),
        FLEET_OFFSET: String(offset),
        FLEET_JOIN: options.join,
        FLEET_TOKEN: options.token ?? '',
        FLEET_ROOM: options.room ?? 'prison:STI',
      };
      const script = join(__dirname, 'client-process.js');
      const started = run.startNode(`${name}-${children.length + 1}`, script, { env, ipc: true });
      const child: Child = { process: started, inbox: [] };
      started.child.on('message', (message: FromClients) => child.inbox.push(message));
      children.push(child);
    }
    const fleet = new ClientFleet(run, children, options.count);
    try {
      await fleet.all('connected', 60_000 + options.count * 20);
    } catch (error) {
      await fleet.close();
      throw error;
    }
    return fleet;
  }

  /**
   * One round: every child waits for `event`; then `sendChange` runs; returns each client's receive time minus the
   * moment just before `sendChange` started (fewer than `count` when some never arrived within 10 s).
   */
  async round(round: number, event: ExpectedEvent, sendChange: () => Promise<void>): Promise<number[]> {
    this.post({ type: 'expect', round, event });
    await this.all('expecting', 10_000, (m) => m.type === 'expecting' && m.round === round);
    const t0 = wallClockNow();
    await sendChange();
    const isMine = (m: FromClients) => m.type === 'received' && m.round === round;
    await this.all('received', ROUND_TIMEOUT_MS, isMine).catch(() => {
      this.post({ type: 'collect', round });
      return this.all('received', 5000, isMine);
    });
    const times = this.children.flatMap((c) =>
      c.inbox.flatMap((m) => (m.type === 'received' && m.round === round ? m.times : [])),
    );
    const ofRound = (m: FromClients) => (m.type === 'received' || m.type === 'expecting') && m.round === round;
    for (const child of this.children) child.inbox = child.inbox.filter((m) => !ofRound(m));
    if (times.length < this.count) this.run.log(`warning: round ${round + 1}: ${times.length}/${this.count} received`);
    return times.map((at) => at - t0);
  }

  /** Closes every client (once); returns how many had been disconnected by the other side during the test. */
  close(): Promise<number> {
    this.closing ??= this.closeOnce();
    return this.closing;
  }

  private closing: Promise<number> | undefined;

  private async closeOnce(): Promise<number> {
    this.post({ type: 'close' });
    const closed = await this.all('closed', 10_000).catch(() => undefined);
    await Promise.all(this.children.map((c) => c.process.stop(5000)));
    if (!closed) return 0;
    return this.children.reduce(
      (n, c) => n + c.inbox.reduce((k, m) => k + (m.type === 'closed' ? m.disconnected : 0), 0),
      0,
    );
  }

  private post(message: ToClients): void {
    for (const { process } of this.children) if (process.running) process.child.send(message);
  }

  /** Waits until every child has sent a message of `type` (matching `which`); a child that failed or exited throws. */
  private async all(
    type: FromClients['type'],
    timeoutMs: number,
    which: (m: FromClients) => boolean = (m) => m.type === type,
  ): Promise<void> {
    await pollUntil(() => this.children.every((c) => c.inbox.some(which)), {
      what: `every client process to send '${type}'`,
      timeoutMs,
      everyMs: 2,
      abortIf: () => {
        for (const { process, inbox } of this.children) {
          const failed = inbox.find((m) => m.type === 'failed');
          if (failed?.type === 'failed') return `${process.name}: ${failed.message}`;
          if (!process.running && type !== 'closed') return `${process.name} ${process.describeExit()}`;
        }
        return undefined;
      },
    });
  }
}
