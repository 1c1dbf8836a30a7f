/**
 * Board clients for the checker: real socket.io clients driven by the web app's own follower
 * (apps/web/src/board-follower.ts: replay after a reconnect, catch-up on a heartbeat gap), recording every
 * delivery (live or replayed, and on which connection) and every event the follower applied.
 */
import { Socket, io } from 'socket.io-client';
import { FollowedSocket, followBoard } from '../../../apps/web/src/board-follower';

export interface Delivery {
  seq: number;
  /** Which connection of this client (1 = the first) it came on. */
  connection: number;
  live: boolean;
  /** When it reached this client (Date.now()), for delivery latency in the soak. */
  at: number;
}

interface Sequenced {
  seq: number;
}

export class BoardFollower {
  readonly deliveries: Delivery[] = [];
  /** Sequences the follower handed to the page, in the order it did. */
  readonly applied: number[] = [];
  private readonly appliedSet = new Set<number>();
  connections = 0;
  reloads = 0;
  private subscribed!: Promise<void>;

  private constructor(
    private readonly socket: Socket,
    rooms: string[],
    since: number,
  ) {
    let markSubscribed!: () => void;
    this.subscribed = new Promise((resolve) => (markSubscribed = resolve));
    socket.on('connect', () => (this.connections += 1));
    socket.on('board.event', (event: Sequenced) =>
      this.deliveries.push({ seq: event.seq, connection: this.connections, live: true, at: Date.now() }),
    );
    socket.on('board.events', (events: Sequenced[]) => {
      const at = Date.now();
      for (const event of events)
        this.deliveries.push({ seq: event.seq, connection: this.connections, live: true, at });
    });
    socket.on('board.replay', (replay: { events: Sequenced[] }) => {
      for (const event of replay.events)
        this.deliveries.push({ seq: event.seq, connection: this.connections, live: false, at: Date.now() });
    });
    // The page was loaded at `since`: its first subscription asks for everything after it.
    const page: FollowedSocket = {
      on: (event, listener) => socket.on(event, listener as (...args: unknown[]) => void),
      emit: (event, ...args) => {
        if (event !== 'board.subscribe') return socket.emit(event, ...args);
        const [body, ack] = args as [{ rooms: string[]; since?: number }, (reply: unknown) => void];
        const request = body.since === undefined ? { ...body, since } : body;
        return socket.emit(event, request, (reply: unknown) => {
          markSubscribed();
          ack(reply);
        });
      },
    };
    followBoard<Sequenced>(page, rooms, {
      onEvent: (event) => {
        this.applied.push(event.seq);
        this.appliedSet.add(event.seq);
      },
      onReload: () => (this.reloads += 1),
      onCaughtUp: () => undefined,
      // It asks for everything since the page was loaded, so the join needs no fetch.
      onSubscribed: () => undefined,
    });
  }

  /** Connects through `url` (a gateway, or a balancer in front of several) and resolves once subscribed. */
  static async follow(url: string, token: string, rooms: string[], since: number): Promise<BoardFollower> {
    const socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 1000,
      timeout: 10_000,
    });
    const follower = new BoardFollower(socket, rooms, since);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no subscription through ${url} within 30 s`)), 30_000);
    });
    await Promise.race([follower.subscribed, late]).finally(() => clearTimeout(timer));
    return follower;
  }

  has(seq: number): boolean {
    return this.appliedSet.has(seq);
  }

  close(): void {
    this.socket.close();
  }
}
