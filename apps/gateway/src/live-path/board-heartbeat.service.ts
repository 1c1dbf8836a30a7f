/**
 * Tells every socket on this gateway, every few seconds, the newest published sequence among its rooms
 * (`board.heartbeat { latestSeq }`), straight down the socket and not through Redis: so a gateway whose
 * subscription has gone deaf still tells its boards what they should have seen, and they catch up by replay.
 *
 * The figure comes from PostgreSQL: the relay's cursor (newest published id) and the rooms of the events up to
 * it, read incrementally (only the events published since the last beat). It lags one beat on purpose: an event
 * reported here was published at least one beat ago, so a healthy gateway has long delivered it and the client
 * is not sent after an event that is merely in flight.
 *
 * For a few beats after the adapter's subscription is proven again following a loss, each heartbeat also
 * carries `resyncFrom`: the relay's cursor two beats before the loss was seen. Events after it may have been
 * published while this gateway could not hear them; when later events then arrive live, a client's last sequence
 * is past the gap and `latestSeq` cannot show it, so the client replays from `resyncFrom` once instead.
 * (Found by the fault suite's case 2: Redis restarted, the relay re-published before this gateway re-subscribed.)
 */
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { GatewayServer } from '../socket-session';
import { DeadlinesRepository, OutboxRepository } from '@app/database';
import { BoardHeartbeat, CLIENT_EVENTS } from '@app/events';
import { GATEWAY_SETTINGS, GatewaySettings } from '../config/gateway.config';
import { SubscriptionWatch } from './subscription-watch.service';

/** Beats that resyncFrom is still sent after the subscription is proven again, so every socket hears it. */
const RESYNC_BEATS = 3;

@Injectable()
export class BoardHeartbeatService implements OnModuleDestroy {
  private readonly logger = new Logger(BoardHeartbeatService.name);
  private server: GatewayServer | null = null;
  private timer: NodeJS.Timeout | null = null;
  private cursor: string | null = null;
  /** Newest sequence per room, published at least one beat ago: what the heartbeat reports. */
  private settled = new Map<string, number>();
  /** Newest sequence per room published during the last beat: reported from the next one. */
  private pending = new Map<string, number>();
  private beating = false;
  /** The relay cursor at the last two beats while subscribed, oldest first. */
  private goodCursors: string[] = [];
  private resyncFrom: number | null = null;
  private resyncBeatsLeft = 0;

  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    private readonly outbox: OutboxRepository,
    private readonly relay: DeadlinesRepository,
    private readonly watch: SubscriptionWatch,
  ) {}

  start(server: GatewayServer): void {
    this.server = server;
    this.timer = setInterval(() => void this.beat(), this.settings.heartbeatMs);
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    if (this.beating || !this.server) return;
    this.beating = true;
    try {
      const namespace = this.server.of('/');
      const rooms = [...namespace.adapter.rooms.keys()].filter((room) => !namespace.sockets.has(room));
      const published = await this.relay.relayCursor();
      const fresh =
        this.cursor !== null && BigInt(published) > BigInt(this.cursor)
          ? await this.outbox.latestPerRoom(this.cursor, published, rooms)
          : new Map<string, number>();
      this.cursor = published;
      this.trackResync(published);
      // Settle last beat's events, and forget rooms nobody here is in any more.
      const settled = new Map<string, number>();
      for (const room of rooms) {
        const seq = Math.max(this.settled.get(room) ?? 0, this.pending.get(room) ?? 0);
        if (seq > 0) settled.set(room, seq);
      }
      this.settled = settled;
      this.pending = fresh;
      // Sockets told the same figure get it in one local broadcast (to their own rooms, not through Redis): encoded
      // once rather than once per socket, which made each beat a burst of work on a gateway of thousands of sockets.
      const socketsBySeq = new Map<number, string[]>();
      for (const socket of namespace.sockets.values()) {
        let latestSeq = 0;
        for (const room of socket.rooms) latestSeq = Math.max(latestSeq, settled.get(room) ?? 0);
        const group = socketsBySeq.get(latestSeq);
        if (group) group.push(socket.id);
        else socketsBySeq.set(latestSeq, [socket.id]);
      }
      for (const [latestSeq, socketIds] of socketsBySeq) {
        const heartbeat: BoardHeartbeat =
          this.resyncFrom === null ? { latestSeq } : { latestSeq, resyncFrom: this.resyncFrom };
        namespace.local.to(socketIds).emit(CLIENT_EVENTS.heartbeat, heartbeat);
      }
    } catch (error) {
      this.logger.warn(`heartbeat: ${(error as Error).message}`);
    } finally {
      this.beating = false;
    }
  }

  /**
   * While deaf, the heartbeat's latestSeq shows the gap (nothing arrives live). Once the subscription is proven
   * again, live events resume past any gap left in the middle, so from then on resyncFrom is announced.
   */
  private trackResync(published: string): void {
    if (!this.watch.verdict().subscribed || this.watch.losses > this.lossesSeen) {
      this.lossesSeen = this.watch.losses;
      this.pendingFrom ??= Number(this.goodCursors[0] ?? published);
      this.resyncFrom = null;
      return;
    }
    if (this.pendingFrom !== null) {
      this.resyncFrom = this.pendingFrom;
      this.pendingFrom = null;
      this.resyncBeatsLeft = RESYNC_BEATS;
    } else if (this.resyncFrom !== null && --this.resyncBeatsLeft <= 0) {
      this.resyncFrom = null;
    }
    if (this.resyncFrom === null) this.goodCursors = [...this.goodCursors, published].slice(-2);
  }

  private lossesSeen = 0;
  private pendingFrom: number | null = null;
}
