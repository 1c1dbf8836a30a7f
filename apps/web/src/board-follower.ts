/**
 * Following a board over one socket: join the rooms, keep the last sequence seen, replay what was missed after a
 * reconnect, and catch up when the gateway's heartbeat (`board.heartbeat { latestSeq }`) shows an event that
 * never arrived (a gateway that went deaf to Redis still sends heartbeats: they go straight down the socket).
 * No DOM and no React, so the end-to-end tests drive this same code with a real socket.io client.
 */
import { CLIENT_EVENTS, SERVER_EVENTS } from '@app/contracts';

export interface SequencedEvent {
  seq: number;
}

/** The part of a socket.io client socket this needs. */
export interface FollowedSocket {
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

export interface CatchUp {
  /** Events that had not arrived live and came by replay. */
  missed: number;
  /** The gap was beyond the replay window: the page reloads its data instead. */
  reloaded: boolean;
}

export interface FollowHandlers<E extends SequencedEvent> {
  onEvent(event: E): void;
  /** Fetch everything on screen again (a gap too long to replay, or no sequence to replay from yet). */
  onReload(): void;
  /** A heartbeat showed missed events and they have now been caught up. */
  onCaughtUp(catchUp: CatchUp): void;
  /**
   * The gateway has joined the socket to its rooms (on every connection). Only from here is every new event sure
   * to arrive, so this is when a page fetches what is on screen: a fetch made earlier, when the socket connected
   * or the page loaded, misses an event published before the join, and a later live event would hide the gap.
   */
  onSubscribed(): void;
}

const RECENT = 2000;
/** A catch-up whose answer never comes (the socket dropped) is given up after this, and retried on the next beat. */
const CATCH_UP_TIMEOUT_MS = 10_000;

export function followBoard<E extends SequencedEvent>(
  socket: FollowedSocket,
  rooms: string[],
  handlers: FollowHandlers<E>,
): { lastSeq(): number } {
  let lastSeq = 0;
  const recent = new Set<number>();
  let catching: { target: number; missed: number; reloaded: boolean; timer: ReturnType<typeof setTimeout> } | null =
    null;

  const seen = (event: E): boolean => {
    if (recent.has(event.seq)) return false;
    recent.add(event.seq);
    if (recent.size > RECENT) recent.delete(recent.values().next().value as number);
    lastSeq = Math.max(lastSeq, event.seq);
    handlers.onEvent(event);
    return true;
  };

  const finish = () => {
    if (!catching) return;
    const { target, missed, reloaded, timer } = catching;
    clearTimeout(timer);
    catching = null;
    lastSeq = Math.max(lastSeq, target);
    if (missed > 0 || reloaded) handlers.onCaughtUp({ missed, reloaded });
  };

  socket.on('connect', () => {
    if (catching) clearTimeout(catching.timer);
    catching = null;
    socket.emit(SERVER_EVENTS.subscribe, lastSeq > 0 ? { rooms, since: lastSeq } : { rooms }, () =>
      handlers.onSubscribed(),
    );
  });
  socket.on(CLIENT_EVENTS.boardEvent, (event: E) => void seen(event));
  socket.on(CLIENT_EVENTS.boardEvents, (events: E[]) => events.forEach((event) => void seen(event)));
  socket.on(CLIENT_EVENTS.replay, (replay: { events: E[] }) => {
    for (const event of replay.events) if (seen(event) && catching) catching.missed += 1;
  });
  socket.on(CLIENT_EVENTS.reload, (reload: { latestSeq?: number }) => {
    if (typeof reload?.latestSeq === 'number') lastSeq = Math.max(lastSeq, reload.latestSeq);
    if (catching) catching.reloaded = true;
    handlers.onReload();
  });
  let resyncedFrom: number | null = null;
  socket.on(CLIENT_EVENTS.heartbeat, (heartbeat: { latestSeq?: number; resyncFrom?: number }) => {
    const resyncFrom = heartbeat?.resyncFrom;
    // The gateway was deaf to Redis: events after resyncFrom may be missing even though later ones arrived.
    if (typeof resyncFrom === 'number' && resyncFrom !== resyncedFrom && lastSeq > 0 && !catching) {
      resyncedFrom = resyncFrom;
      catching = {
        target: lastSeq,
        missed: 0,
        reloaded: false,
        timer: setTimeout(() => (catching = null), CATCH_UP_TIMEOUT_MS),
      };
      socket.emit(SERVER_EVENTS.subscribe, { rooms, since: Math.min(resyncFrom, lastSeq) }, finish);
      return;
    }
    const latestSeq = heartbeat?.latestSeq;
    if (typeof latestSeq !== 'number' || latestSeq <= lastSeq || catching) return;
    if (lastSeq === 0) {
      // Nothing seen yet, so nothing to replay from: fetch afresh, and count from here.
      lastSeq = latestSeq;
      handlers.onReload();
      return;
    }
    catching = {
      target: latestSeq,
      missed: 0,
      reloaded: false,
      timer: setTimeout(() => (catching = null), CATCH_UP_TIMEOUT_MS),
    };
    // The replay (or reload) arrives before the acknowledgement.
    socket.emit(SERVER_EVENTS.subscribe, { rooms, since: lastSeq }, finish);
  });
  return { lastSeq: () => lastSeq };
}
