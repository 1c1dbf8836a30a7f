/**
 * Publishes outbox events, in sequence order, through Redis to every gateway (socket.io redis emitter): each batch
 * read from the outbox is one BOARD_BATCH message, which each gateway hands out to its sockets by room.
 * One relay publishes at a time (a PostgreSQL advisory lock elects it); it wakes on NOTIFY at commit and
 * also polls, and keeps its cursor in PostgreSQL, so a crash between commit and publish loses nothing: the
 * events are published when a relay next runs (clients drop any sequence number they have already seen).
 * The lock lives on the relay's own PostgreSQL connection: when that connection is lost (a database restart)
 * the lock is gone with it, so this worker stops relaying until it has reconnected and won the lock again;
 * otherwise two workers could both believe they lead and publish every event twice.
 * Each batch is published in one MULTI with the newest published id, kept in Redis; a relay whose cursor save
 * failed (PostgreSQL restarting) or that died after publishing skips what Redis says was published, so an event is
 * not published twice. (Found by the fault suite's case 3: an event published twice after a PostgreSQL restart.)
 * While it leads and nothing has failed, the relay keeps the newest id it published in memory and goes straight to
 * the outbox on a wake-up: reading both cursors back before every batch cost two round trips (PostgreSQL, then
 * Redis) between a commit and its publish. Any error, and the loss of the lock, forget it, so the next batch starts
 * again from the two stored cursors.
 */
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DeadlinesRepository, OUTBOX_NOTIFY_CHANNEL, OutboxRepository, RelayRow } from '@app/database';
import {
  ACCESS_CHANGED,
  BOARD_BATCH,
  BOARD_EVENT_TYPES,
  ServerToClientEvents,
  redisClientName,
  relayBatchText,
  redisConnectionOptions,
  socketIoKey,
} from '@app/events';
import { WORKER_SETTINGS, WorkerSettings } from '../config/worker.config';
import { relayedEventText } from './relayed-event-text';

const RELAY_LOCK_KEY = 7_151_752;
/** Events per read and per board.batch message: a 17:00 burst of 20,000 is ten of them. */
const PAGE = 2000;
const POLL_MS = 500;

@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private listener: Client | null = null;
  private redis: Redis | null = null;
  private leader = false;
  private draining = false;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** The newest id this relay published while leading, nothing having failed since; null: read the stored cursors. */
  private publishedUpTo: string | null = null;

  constructor(
    @Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings,
    private readonly outbox: OutboxRepository,
    private readonly cursor: DeadlinesRepository,
  ) {}

  /** The newest outbox id any relay has published through this Redis (gone with Redis's data, and then unneeded). */
  private get publishedKey(): string {
    return `${this.settings.redis.prefix}:relay:published`;
  }

  async onApplicationBootstrap(): Promise<void> {
    // Connected and ready before the first publish, named for CLIENT LIST, without the library's CLIENT SETINFO
    // (the same settings as the gateway's adapter clients: see apps/gateway/src/live-path/adapter-clients.ts).
    this.redis = new Redis(
      redisConnectionOptions(this.settings.redis, {
        maxRetriesPerRequest: null,
        lazyConnect: true,
        disableClientInfo: true,
        connectionName: redisClientName(this.settings.redis, 'worker', String(process.pid), 'relay'),
      }),
    );
    this.redis.on('error', (error: Error) => this.logger.warn(`relay redis: ${error.message}`));
    await this.redis.connect();
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
      .catch((error: unknown) => {
        this.publishedUpTo = null;
        this.logger.error(`relay: ${(error as Error).message}`);
      })
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
      this.publishedUpTo = null;
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
    const redis = this.redis as Redis;
    let after = this.publishedUpTo ?? (await this.storedCursor(redis));
    for (;;) {
      const events = await this.outbox.listAfter(after, PAGE, BOARD_EVENT_TYPES);
      if (events.length === 0) return;
      if (this.settings.relayHoldAfterRead) await this.holdForever(events.length);
      const last = events[events.length - 1].id;
      // One MULTI: the batch's publishes and the newest published id reach Redis together or not at all.
      const batch = redis.multi();
      const emitter = new Emitter<ServerToClientEvents>(batch, { key: socketIoKey(this.settings.redis) });
      this.publish(emitter, events);
      batch.set(this.publishedKey, last);
      await batch.exec();
      after = last;
      this.publishedUpTo = last;
      await this.cursor.saveRelayCursor(after);
      if (events.length < PAGE) return;
    }
  }

  /**
   * Where to start when this relay has no cursor of its own in memory: the cursor in PostgreSQL, or what Redis says
   * was published when that is newer (the cursor's save failed or the relay died before it): skip, rather than
   * publish twice.
   */
  private async storedCursor(redis: Redis): Promise<string> {
    const after = await this.cursor.relayCursor();
    const published = await redis.get(this.publishedKey);
    if (published === null || BigInt(published) <= BigInt(after)) return after;
    await this.cursor.saveRelayCursor(published);
    return published;
  }

  /**
   * The batch's board events go to every gateway as one BOARD_BATCH message (each gateway hands each socket the
   * events of its rooms), split only where an ACCESS_CHANGED row stands between them so that order holds. The
   * message is the batch as text (relay-batch.ts), joined from the rows' own texts (relayed-event-text.ts), so the
   * relay neither parses nor encodes an event.
   */
  private publish(emitter: Emitter<ServerToClientEvents>, events: RelayRow[]): void {
    let batch: { seq: string; roomsJson: string; json: string }[] = [];
    const send = () => {
      if (batch.length > 0) emitter.serverSideEmit(BOARD_BATCH, relayBatchText(batch));
      batch = [];
    };
    for (const { id, type, roomsJson, payloadJson, userId } of events) {
      if (type === ACCESS_CHANGED) {
        send();
        if (userId !== null) emitter.serverSideEmit(ACCESS_CHANGED, userId);
        continue;
      }
      // Every other outbox row is a board event (the change recorder writes nothing else); a row that is not is
      // skipped rather than sent to clients as one.
      const json = payloadJson === null ? null : relayedEventText(id, payloadJson);
      if (json !== null) batch.push({ seq: id, roomsJson, json });
      else this.logger.warn(`outbox row ${id} of type ${type} is not a board event: not published`);
    }
    send();
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
