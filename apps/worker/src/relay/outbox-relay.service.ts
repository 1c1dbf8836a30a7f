/**
 * Publishes outbox events, in sequence order, through Redis to every gateway (socket.io redis emitter).
 * One relay publishes at a time (a PostgreSQL advisory lock elects it); it wakes on NOTIFY at commit and
 * also polls, and keeps its cursor in PostgreSQL, so a crash between commit and publish loses nothing: the
 * events are published when a relay next runs (clients drop any sequence number they have already seen).
 * The lock lives on the relay's own PostgreSQL connection: when that connection is lost (a database restart)
 * the lock is gone with it, so this worker stops relaying until it has reconnected and won the lock again;
 * otherwise two workers could both believe they lead and publish every event twice.
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DeadlinesRepository, OUTBOX_NOTIFY_CHANNEL, OutboxRepository } from '@app/database';
import { ACCESS_CHANGED, CLIENT_EVENTS, redisClientName, socketIoKey } from '@app/events';
import { WORKER_SETTINGS, WorkerSettings } from '../config/worker.config';

const RELAY_LOCK_KEY = 7_151_752;
const PAGE = 500;
const POLL_MS = 500;

@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private listener: Client | null = null;
  private redis: Redis | null = null;
  private emitter: Emitter | null = null;
  private leader = false;
  private draining = false;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    private readonly outbox: OutboxRepository,
    private readonly cursor: DeadlinesRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Connected and ready before the first publish, named for CLIENT LIST, without the library's CLIENT SETINFO
    // (the same settings as the gateway's adapter clients: see apps/gateway/src/live-path/adapter-clients.ts).
    this.redis = new Redis(this.settings.redis.url, {
      maxRetriesPerRequest: null,
      lazyConnect: true,
      disableClientInfo: true,
      connectionName: redisClientName(this.settings.redis, 'worker', String(process.pid), 'relay'),
    });
    this.redis.on('error', (error: Error) => this.logger.warn(`relay redis: ${error.message}`));
    await this.redis.connect();
    this.emitter = new Emitter(this.redis, { key: socketIoKey(this.settings.redis) });
    await this.connectListener();
    this.timer = setInterval(() => this.wake(), POLL_MS);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.redis?.quit().catch(() => undefined);
  }

  /** Whether this worker holds the relay lock (only the leader publishes). */
  get leading(): boolean {
    return this.leader;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    this.drain()
      .catch((error: unknown) => this.logger.error(`relay: ${(error as Error).message}`))
      .finally(() => {
        this.draining = false;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** The connection that holds the relay lock and hears NOTIFY; made again (by the poll) after it is lost. */
  private async connectListener(): Promise<Client> {
    if (this.listener) return this.listener;
    const listener = new Client({ connectionString: this.settings.database.url });
    const lost = (why: string) => {
      if (this.listener !== listener) return;
      this.listener = null;
      if (this.leader)
        this.logger.error(`the outbox relay lost its lock (${why}): relaying stops until it wins it again`);
      this.leader = false;
      void listener.end().catch(() => undefined);
    };
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('connection closed'));
    listener.on('notification', () => this.wake());
    try {
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
    } catch (error) {
      void listener.end().catch(() => undefined);
      throw error;
    }
    this.listener = listener;
    return listener;
  }

  private async drain(): Promise<void> {
    if (!(await this.isLeader())) return;
    let after = await this.cursor.relayCursor();
    for (;;) {
      const events = await this.outbox.listAfter(after, PAGE);
      if (events.length === 0) return;
      if (this.settings.relayHoldAfterRead) await this.holdForever(events.length);
      for (const event of events) this.publish(event.id, event.type, event.rooms, event.payload);
      after = events[events.length - 1].id;
      await this.cursor.saveRelayCursor(after);
      if (events.length < PAGE) return;
    }
  }

  private publish(id: string, type: string, rooms: string[], payload: Record<string, unknown>): void {
    const emitter = this.emitter as Emitter;
    if (type === ACCESS_CHANGED) {
      emitter.serverSideEmit(ACCESS_CHANGED, payload.userId);
      return;
    }
    emitter.to(rooms).emit(CLIENT_EVENTS.boardEvent, { ...payload, seq: Number(id) });
  }

  /**
   * Test-only (WORKER_RELAY_HOLD_AFTER_READ, off by default): stop between reading a batch and publishing it, so
   * that the fault suite can kill the relay exactly between commit and publish.
   */
  private holdForever(events: number): Promise<never> {
    this.logger.warn(`relay holding ${events} events between read and publish (WORKER_RELAY_HOLD_AFTER_READ)`);
    return new Promise<never>(() => undefined);
  }

  /** Session-level advisory lock on the listener connection: held until this process or its connection dies. */
  private async isLeader(): Promise<boolean> {
    if (this.leader) return true;
    const listener = await this.connectListener();
    const result = await listener.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      RELAY_LOCK_KEY,
    ]);
    if (this.listener !== listener) return false;
    this.leader = result.rows[0]?.locked === true;
    if (this.leader) this.logger.log('this worker is the outbox relay');
    return this.leader;
  }
}
