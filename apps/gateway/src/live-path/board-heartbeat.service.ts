/**
 * Tells every socket on this gateway, every few seconds, the newest published sequence among its rooms
 * (`board.heartbeat { latestSeq }`), straight down the socket and not through Redis: so a gateway whose
 * subscription has gone deaf still tells its boards what they should have seen, and they catch up by replay.
 *
 * The figure comes from PostgreSQL: the relay's cursor (newest published id) and the rooms of the events up to
 * it, read incrementally (only the events published since the last beat). It lags one beat on purpose: an event
 * reported here was published at least one beat ago, so a healthy gateway has long delivered it and the client
 * is not sent after an event that is merely in flight.
 */
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Server } from 'socket.io';
import { DeadlinesRepository, OutboxRepository } from '@app/database';
import { BoardHeartbeat, CLIENT_EVENTS } from '@app/events';
import { GATEWAY_SETTINGS, GatewaySettings } from '../config/gateway.config';

@Injectable()
export class BoardHeartbeatService implements OnModuleDestroy {
  private readonly logger = new Logger(BoardHeartbeatService.name);
  private server: Server | null = null;
  private timer: NodeJS.Timeout | null = null;
  private cursor: string | null = null;
  /** Newest sequence per room, published at least one beat ago: what the heartbeat reports. */
  private settled = new Map<string, number>();
  /** Newest sequence per room published during the last beat: reported from the next one. */
  private pending = new Map<string, number>();
  private beating = false;

  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    private readonly outbox: OutboxRepository,
    private readonly relay: DeadlinesRepository,
  ) {}

  start(server: Server): void {
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
      // Settle last beat's events, and forget rooms nobody here is in any more.
      const settled = new Map<string, number>();
      for (const room of rooms) {
        const seq = Math.max(this.settled.get(room) ?? 0, this.pending.get(room) ?? 0);
        if (seq > 0) settled.set(room, seq);
      }
      this.settled = settled;
      this.pending = fresh;
      for (const socket of namespace.sockets.values()) {
        let latestSeq = 0;
        for (const room of socket.rooms) latestSeq = Math.max(latestSeq, settled.get(room) ?? 0);
        const heartbeat: BoardHeartbeat = { latestSeq };
        socket.emit(CLIENT_EVENTS.heartbeat, heartbeat);
      }
    } catch (error) {
      this.logger.warn(`heartbeat: ${(error as Error).message}`);
    } finally {
      this.beating = false;
    }
  }
}
